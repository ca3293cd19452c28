import GRDB
import GridCore
import Testing
@testable import GridStore

@Suite("Roll-ups, windows and the chain in the store")
struct RollupStoreTests {
    @Test("SQL roll-ups by street and unit agree with the pure roll-ups over every cell")
    func sqlMatchesPure() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let today = Fixture.today
        let rows = try store.communities(in: .all, filter: .none, offset: 0, limit: 1000, today: today)
        #expect(rows.count == 300)
        var cellsByCommunity: [RowID: [CellState]] = [:]
        for r in rows { cellsByCommunity[r.community.id] = try store.cells(communityID: r.community.id).map(\.cell) }
        let all = cellsByCommunity.values.flatMap { $0 }
        let office = try store.rollups(groupedBy: .office, within: .all, today: today)
        #expect(office.count == 1)
        #expect(office[0].counts == Rollup.counts(of: all, today: today))

        let streetOf = Dictionary(uniqueKeysWithValues: rows.map { ($0.community.id, $0.community.streetID) })
        let pureStreets = Rollup.grouped(all, today: today) { [streetOf[$0.communityID]!] }
        for g in try store.rollups(groupedBy: .street, within: .all, today: today) {
            guard case .street(let id)? = g.node?.node else { Issue.record("street group without a street"); continue }
            #expect(g.counts == pureStreets[id])
        }

        var unitsOf: [RowID: [RowID]] = [:]
        for r in rows { unitsOf[r.community.id] = try store.chain(communityID: r.community.id, on: today).map(\.unit.id) }
        let pureUnits = Rollup.grouped(all, today: today) { unitsOf[$0.communityID] ?? [] }
        let units = try store.rollups(groupedBy: .unit, within: .all, today: today)
        #expect(units.count == pureUnits.count)
        for g in units {
            guard case .unit(let id)? = g.node?.node else { continue }
            #expect(g.counts == pureUnits[id])
        }
        for r in rows { #expect(r.counts == Rollup.counts(of: cellsByCommunity[r.community.id]!, today: today)) }
    }

    @Test("a roll-up scoped to a node of every kind answers, and agrees with that node's group over the county")
    func rollupOfEveryKind() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let today = Fixture.today
        for grouping in Grouping.allCases {
            let groups = try store.rollups(groupedBy: grouping, within: .all, today: today)
            let group = try #require(groups.first { $0.node != nil }, "no \(grouping) in the county")
            let node = try #require(group.node?.node)
            #expect(try store.rollup(of: node, today: today) == group.counts, "\(node)")
            #expect(group.counts.total > 0, "\(node)")
            // Every grouping within the node's scope, as `tree NODE` and `report --scope NODE` ask.
            for inner in Grouping.allCases {
                let within = try store.rollups(groupedBy: inner, within: CommunityScope(node), today: today)
                #expect(!within.isEmpty, "\(inner) within \(node)")
            }
            let overdueOnly = CommunityFilter(overdueOnly: true)
            let count = try store.communityCount(in: CommunityScope(node), filter: overdueOnly, today: today)
            let rows = try store.communities(in: CommunityScope(node), filter: overdueOnly, offset: 0, limit: 400, today: today)
            #expect(rows.count == count, "\(node)")
            #expect(rows.allSatisfy { $0.counts.overdue > 0 }, "\(node)")
        }
    }

    @Test("communities without a property company roll up under 无物业")
    func noProperty() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let groups = try store.rollups(groupedBy: .property, within: .all, today: Fixture.today)
        #expect(groups.last?.node == nil)
        #expect((groups.last?.counts.total ?? 0) > 0)
    }

    @Test("windows are bounded and ordered; counts follow a change at once")
    func windows() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let today = Fixture.today
        let page = try store.communities(in: .all, filter: .none, offset: 290, limit: 25, today: today)
        #expect(page.count == 10)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        _ = try store.changeStatus(communityID: row.community.id, themeID: cell.theme.id,
                                   StatusChangeRequest(status: .notApplicable), context: Fixture.context())
        let after = try store.rollup(of: .community(row.community.id), today: today)
        #expect(after[.ok] == row.counts[.ok] - 1)
        #expect(after[.notApplicable] == row.counts[.notApplicable] + 1)
    }

    @Test("reassigning keeps history: the chain on a past day is the old one (倒查责任)")
    func traceBack() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, _) = try Fixture.cell(store, status: .ok)
        let id = row.community.id
        let oldLead = try #require(try store.chain(communityID: id, on: Fixture.today).first { $0.assignment.role == .lead })
        let newUnit = try #require(try store.findNodes("城关住建局", levels: [.unit]).first)
        guard case .unit(let newUnitID) = newUnit.node else { return }
        let later = GridClock.fixed(Timestamp(millis: Fixture.now.millis + 5 * 86_400_000), utcOffsetSeconds: 8 * 3600)
        let entries = try store.assign(communityID: id, unitID: newUnitID, role: .lead, propertyID: nil,
                                       context: Fixture.context(at: later))
        #expect(!entries.isEmpty)
        #expect(try store.chain(communityID: id, on: later.today).first { $0.assignment.role == .lead }?.unit.id == newUnitID)
        #expect(try store.chain(communityID: id, on: Fixture.today).first { $0.assignment.role == .lead }?.unit.id == oldLead.unit.id)
        #expect(try store.assignmentHistory(communityID: id).count >= 2)
        #expect(try store.auditTrail(AuditQuery(communityID: id, limit: 10)).contains { $0.record.entry.entity == .assignment })
        let clerk = Operator(login: "lina", name: "李娜", role: .clerk)
        #expect(throws: GridError.self) {
            try store.assign(communityID: id, unitID: oldLead.unit.id, role: .lead, propertyID: nil, context: Fixture.context(clerk))
        }
    }

    @Test("names resolve exactly, by unique prefix, and by 街道/小区")
    func findNodes() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, _) = try Fixture.cell(store, status: .ok)
        let exact = try store.findNodes(row.community.name, levels: [.community])
        #expect(exact.contains { $0.node == .community(row.community.id) })
        let pathForm = try store.findNodes("\(row.streetName)/\(row.community.name)", levels: [.community])
        #expect(pathForm.map(\.node) == [.community(row.community.id)])
        #expect(try store.findNodes("不存在的小区", levels: [.community]).isEmpty)
    }

    @Test("operators: only admins add them, every change is audited, the last admin stays")
    func operators() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        let inspector = Operator(login: "zhangwei", name: "张伟", role: .inspector)
        #expect(try store.saveOperator(inspector, context: Fixture.context()).count == 2)
        #expect(try store.operatorAccount(login: "zhangwei").role == .inspector)
        #expect(try store.operatorAccount(login: "stranger").role == .viewer)
        #expect(throws: GridError.self) {
            try store.saveOperator(Operator(login: "x", name: "x", role: .admin), context: Fixture.context(inspector))
        }
        #expect(throws: GridError.self) {
            try store.saveOperator(Operator(login: "admin", name: "管理员", role: .clerk), context: Fixture.context())
        }
    }
}
