import GRDB
import GridCore
@testable import GridStore
@testable import GridStorePostgres
import Testing

/// `tally.open_due` (SQLite v14, PostgreSQL pg8): each community's earliest due day among its cells that can be
/// overdue, kept by the cell triggers and read by the board's overdue filter. On both stores it must stay what the
/// cells say after every kind of write, and the filter must select exactly what the query over the cells selected.
@Suite("Store contract: the tally's earliest open due day")
struct TallyDueContract {
    @Test("GridCore's overdue statuses are the three the v14/pg8 triggers name literally (a change needs a new migration)")
    func statusesMatchTheMigration() {
        #expect(Deadline.overdueStatuses == [.problem, .rectifying, .parked])
        #expect(CellStatus.allCases.filter(\.canBeOverdue) == [.problem, .rectifying, .parked])
    }

    @Test("status changes, due changes and bulk changes keep it equal to a recount from the cells", arguments: StoreKind.allCases)
    func statusAndDueChanges(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        try TallyDue.expectAgrees(s, "after loading the demo county")
        let cells = try s.cells([.ok, .unchecked], count: 40)
        // Several cells of one community, so that the earliest day moves between them.
        let community = cells[0].communityID
        let same = try s.store.cells(communityID: community).map(\.cell).filter { [.ok, .unchecked].contains($0.status) }
        #expect(same.count >= 3)
        let early = s.today.adding(days: -4), late = s.today.adding(days: 6)
        let steps: [(String, CellKey, StatusChangeRequest)] = [
            ("有问题 due later", same[0].key, .init(status: .problem, note: "垃圾桶满溢", due: late, imported: true)),
            ("整改中 due earlier", same[1].key, .init(status: .rectifying, note: "", due: early, imported: true)),
            ("挂账 planned today", same[2].key, .init(status: .parked, note: "长期整改：道路改造", plan: s.today, imported: true)),
            ("the earliest cell's due day moves later", same[1].key, .init(status: .rectifying, note: "", due: late.adding(days: 3), imported: true)),
            ("the earliest cell's due day moves earlier again", same[1].key, .init(status: .rectifying, note: "", due: early, imported: true)),
            ("the earliest goes to 待复核 (keeps its day, not overdue)", same[1].key, .init(status: .recheck, note: "", due: early, imported: true)),
            ("the 挂账 one resumes 整改中 (its case moves; the cell follows)", same[2].key, .init(status: .rectifying)),
            ("the 待复核 one is verified 达标", same[1].key, .init(status: .ok)),
        ]
        for (what, key, request) in steps {
            _ = try s.services.setStatus(key, request, context: s.context())
            try TallyDue.expectAgrees(s, what)
        }
        // Many communities in one change.
        let many = cells.dropFirst(3).map(\.key)
        _ = try s.services.setStatus(Array(many), .init(status: .problem, note: "占道经营", due: s.today.adding(days: -1), imported: true),
                                     context: s.context())
        try TallyDue.expectAgrees(s, "a bulk change to 有问题 due yesterday")
        _ = try s.services.setStatus(Array(many.prefix(10)), .init(status: .fixedOnSite), context: s.context())
        try TallyDue.expectAgrees(s, "a bulk change to 现场整改")
        #expect(try TallyDue.checkProblems(s).isEmpty)
    }

    @Test("a case's steps (record, dispatch, extension, park, submit, verify) keep it equal to a recount", arguments: StoreKind.allCases)
    func caseTransitions(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cell = try #require(try s.cells([.ok]).first)
        let draft = CaseDraft(communityID: cell.communityID, themeID: cell.themeID, source: .supervision, description: "楼道堆放杂物",
                              deadlineClass: .threeDays)
        let c = try s.services.recordProblem(draft, context: s.context())
        try TallyDue.expectAgrees(s, "recorded")
        _ = try s.services.moveCase(c.number, .register, reason: "", context: s.context())
        let dispatched = try s.services.moveCase(c.number, .assign(unitID: nil), reason: "", context: s.context())
        try TallyDue.expectAgrees(s, "dispatched")
        let unit = try #require(dispatched.handlingUnitID)
        let clerk = try s.addOperator("clerk-欧阳", role: .clerk, unit: unit)
        _ = try s.services.moveCase(c.number, .startRectifying, reason: "", context: s.context(clerk))
        try TallyDue.expectAgrees(s, "rectifying")
        _ = try s.services.moveCase(c.number, .requestExtension(until: s.today.adding(days: 20)), reason: "材料未到", context: s.context(clerk))
        _ = try s.services.moveCase(c.number, .approveExtension, reason: "", context: s.context())
        try TallyDue.expectAgrees(s, "extended")
        _ = try s.services.moveCase(c.number, .park(until: s.today.adding(days: 40)), reason: "纳入年度改造计划", context: s.context())
        try TallyDue.expectAgrees(s, "parked")
        _ = try s.services.moveCase(c.number, .resume, reason: "", context: s.context())
        try TallyDue.expectAgrees(s, "resumed")
        _ = try s.services.moveCase(c.number, .submit, reason: "", context: s.context(clerk))
        try TallyDue.expectAgrees(s, "submitted")
        _ = try s.services.moveCase(c.number, .verify, reason: "", context: s.context())
        try TallyDue.expectAgrees(s, "verified")
        #expect(try TallyDue.checkProblems(s).isEmpty)
    }

    @Test("imports of statuses (a dry run, a refused one, a real one) and of new communities keep it equal to a recount",
          arguments: StoreKind.allCases)
    func imports(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let office = try #require(try s.store.offices().first?.name)
        let themes = try s.store.themes()
        var batch = ImportBatch(source: "检查表.csv", update: true)
        let targets = try s.cells([.ok, .unchecked], count: 12)
        for (i, cell) in targets.enumerated() {
            let row = try #require(try s.store.communities(in: .community(cell.communityID), filter: .none, offset: 0, limit: 1,
                                                           today: s.today).first)
            let theme = try #require(themes.first { $0.id == cell.themeID })
            let status: CellStatus = [.problem, .rectifying, .recheck][i % 3]
            let request = StatusChangeRequest(status: status, note: "井盖缺失", due: s.today.adding(days: i - 6), imported: true)
            batch.statuses.append(ImportRecord(line: 2 + i, StatusFields(office: office, street: row.streetName, community: row.community.name,
                                                                         theme: theme.zh, request: request)))
        }
        let before = try TallyDue.kept(s)
        _ = try s.services.importBatch(batch, into: s.store, dryRun: true, context: s.context())
        #expect(try TallyDue.kept(s) == before, "a dry run changes nothing")
        #expect(throws: GridError.self) {
            try s.services.importBatch(batch, into: s.store, dryRun: false, context: s.context(Operator(login: "guest", name: "访客", role: .viewer)))
        }
        #expect(try TallyDue.kept(s) == before, "a refused import changes nothing")
        let outcome = try s.services.importBatch(batch, into: s.store, dryRun: false, context: s.context())
        #expect(outcome.rejected.isEmpty, "\(outcome.rejected.prefix(3))")
        #expect(try TallyDue.kept(s) != before)
        try TallyDue.expectAgrees(s, "after the status import")
        // New communities (their cells are written while the SQLite insert trigger is set aside, then counted).
        let street = try #require(try s.store.communities(in: .all, filter: .none, offset: 0, limit: 1, today: s.today).first?.streetName)
        var master = ImportBatch(source: "小区.csv", update: false)
        for (i, name) in ["翠苑新村", "东门", "锦绣华庭三期北区"].enumerated() {
            master.communities.append(ImportRecord(line: 2 + i, CommunityFields(office: office, street: street, name: name)))
        }
        _ = try s.services.importBatch(master, into: s.store, dryRun: false, context: s.context())
        try TallyDue.expectAgrees(s, "after importing new communities")
        #expect(try TallyDue.checkProblems(s).isEmpty)
    }

    @Test("deleting cells (by hand, no port deletes them) keeps it equal to a recount; check reports a tampered day",
          arguments: StoreKind.allCases)
    func deletesAndCheck(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cells = try s.cells([.ok], count: 2)
        let key = cells[0].key
        _ = try s.services.setStatus(key, .init(status: .problem, note: "绿化带缺损", due: s.today.adding(days: -2), imported: true),
                                     context: s.context())
        _ = try s.services.setStatus(cells[1].key, .init(status: .rectifying, note: "", due: s.today.adding(days: 2), imported: true),
                                     context: s.context())
        try TallyDue.expectAgrees(s, "before the deletes")
        for cell in [key, cells[1].key] {
            try TallyDue.execute(s, "DELETE FROM cell WHERE community_id = \(cell.communityID) AND theme_id = \(cell.themeID)")
            try TallyDue.expectAgrees(s, "after deleting \(cell)")
        }
        // A tally whose day disagrees with its cells is reported by name, as counts that disagree are.
        let victim = try #require(try s.cells([.ok]).first).communityID
        try TallyDue.execute(s, "UPDATE tally SET open_due = '2000-01-01' WHERE community_id = \(victim)")
        let problems = try TallyDue.checkProblems(s)
        #expect(problems.contains { $0.contains("community #\(victim) earliest open due day is 2000-01-01") }, "\(problems)")
        #expect(!problems.contains { $0.contains("counts disagree") }, "\(problems)")
    }

    @Test("the overdue filter selects exactly what the cells' query selected, by scope and day; each row's overdue count is its cells'",
          arguments: StoreKind.allCases)
    func filterMatchesCells(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        // Due days spread around today over every status that carries one, in many communities.
        let cells = try s.cells([.ok, .unchecked], count: 120)
        for (i, cell) in cells.enumerated() {
            let day = s.today.adding(days: i % 9 - 4)
            let request: StatusChangeRequest = switch i % 4 {
            case 0: .init(status: .problem, note: "路面破损", due: day, imported: true)
            case 1: .init(status: .rectifying, note: "", due: day, imported: true)
            case 2: .init(status: .parked, note: "待财政资金", plan: day, imported: true)
            default: .init(status: .recheck, note: "", due: day, imported: true)
            }
            _ = try s.services.setStatus(cell.key, request, context: s.context())
        }
        try TallyDue.expectAgrees(s, "after spreading due days")
        let street = try #require(try s.store.rollups(groupedBy: .street, within: .all, today: s.today).compactMap(\.node).first).node
        let unit = try #require(try s.store.rollups(groupedBy: .unit, within: .all, today: s.today).compactMap(\.node).first).node
        let office = try #require(try s.store.offices().first).id
        let filter = CommunityFilter(overdueOnly: true)
        var seen = 0
        for offset in -3...6 {
            let day = s.today.adding(days: offset)
            let expected = try TallyDue.oldQuery(s, today: day)
            for scope in [CommunityScope.all, .office(office), CommunityScope(street), CommunityScope(unit)] {
                let total = try s.store.communityCount(in: scope, filter: filter, today: day)
                var ids: [RowID] = []
                for start in stride(from: 0, to: total, by: 25) {
                    ids += try s.store.communities(in: scope, filter: filter, offset: start, limit: 25, today: day).map(\.community.id)
                }
                let inScope = Set(try TallyDue.allIDs(s, scope, day))
                #expect(Set(ids) == expected.intersection(inScope), "\(scope) on \(day)")
                #expect(ids.count == total, "\(scope) on \(day)")
                seen += ids.count
            }
            // Every row's overdue count (read only for rows whose earliest day is past) is what its cells say.
            let rows = try s.store.communities(in: .all, filter: .none, offset: 0, limit: 400, today: day)
            let byCommunity = Dictionary(grouping: try s.store.cells(communityIDs: rows.map(\.community.id)), by: \.communityID)
            for row in rows {
                let overdue = (byCommunity[row.community.id] ?? []).filter { Deadline.isOverdue(status: $0.status, dueOn: $0.dueOn, today: day) }
                #expect(row.counts.overdue == overdue.count, "\(row.community.name) on \(day)")
            }
        }
        #expect(seen > 0, "the spread left some community overdue on some day")
        // A due day of today is not overdue today, and is tomorrow.
        #expect(try TallyDue.oldQuery(s, today: s.today) != TallyDue.oldQuery(s, today: s.today.adding(days: 1)))
    }
}
