import GridCore
import Testing

/// The assessment simulator's reads (`AssessmentReading`), on any store: they must agree with what the other ports say.
@Suite("Store contract: assessment reads")
struct AssessmentContract {
    @Test("the board: every site of the scope, exactly its cells in the asked statuses, its open cases", arguments: StoreKind.allCases)
    func board(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let statuses: Set<CellStatus> = [.problem, .rectifying, .parked, .recheck, .unchecked]
        let board = try s.store.assessmentBoard(in: .all, statuses: statuses, repeatSince: s.today.adding(days: -365))
        let rows = try s.store.communities(in: .all, filter: .none, offset: 0, limit: 1000, today: s.today)
        #expect(Set(board.sites) == Set(rows.map { AssessmentSite(id: $0.community.id, kind: $0.community.kind, declared: $0.community.declaredSite != nil) }))
        let cells = try s.store.cells(communityIDs: rows.map(\.community.id)).filter { statuses.contains($0.status) }
        #expect(Set(board.cells) == Set(cells.map { AssessmentCell(communityID: $0.communityID, themeID: $0.themeID, status: $0.status, dueOn: $0.dueOn) }))
        let open = try s.store.cases(CaseQuery(openOnly: true, limit: 100_000))
        #expect(Set(board.openCases.map(\.number)) == Set(open.map(\.number)))
        let byNumber = Dictionary(uniqueKeysWithValues: open.map { ($0.number, $0) })
        #expect(board.openCases.allSatisfy { c in byNumber[c.number].map { $0.state == c.state && $0.dueOn == c.dueOn && $0.themeID == c.themeID } == true })
        let street = rows[0].community.streetID
        let scoped = try s.store.assessmentBoard(in: .street(street), statuses: statuses, repeatSince: s.today)
        #expect(Set(scoped.sites.map(\.id)) == Set(rows.filter { $0.community.streetID == street }.map(\.community.id)))
        #expect(try s.store.assessmentBoard(in: .all, statuses: [], repeatSince: s.today).cells.isEmpty)
    }

    @Test("repeated: a case a notice named; the notices naming a year's cases", arguments: StoreKind.allCases)
    func repeatedAndNotices(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        // With a window starting tomorrow, only notices make a case repeated; a notice naming three open cases does.
        let before = try s.store.assessmentBoard(in: .all, statuses: [], repeatSince: s.today.adding(days: 1))
        let open = try s.store.cases(CaseQuery(openOnly: true, limit: 3)).map(\.number)
        let issue = try s.services.issueNotice(year: 2026, issue: nil, from: s.today.adding(days: -7), to: s.today, cases: open, context: s.context())
        let after = try s.store.assessmentBoard(in: .all, statuses: [], repeatSince: s.today.adding(days: 1))
        let newlyRepeated = Set(after.openCases.filter(\.repeated).map(\.number)).subtracting(before.openCases.filter(\.repeated).map(\.number))
        #expect(newlyRepeated == Set(open).subtracting(before.openCases.filter(\.repeated).map(\.number)))
        #expect(Set(open).isSubset(of: Set(after.openCases.filter(\.repeated).map(\.number))))
        let named = try s.store.noticesNaming(casesFoundFrom: Day("2026-01-01")!, to: Day("2026-12-31")!, utcOffsetSeconds: 8 * 3600)
        for n in open { #expect(named[n]?.last == "2026·第\(issue)期", "\(n): \(named[n] ?? [])") }
    }
}
