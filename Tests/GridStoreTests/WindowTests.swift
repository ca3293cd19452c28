import GRDB
import GridCore
import Testing
@testable import GridStore

/// Structural guards behind the speed budgets: windows read by index, never the whole grid.
@Suite("Board windows and query plans")
struct WindowTests {
    @Test("seeking from an anchor, reading the far half backwards and plain offsets give the same rows")
    func windowsAgree() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let today = Fixture.today
        for filter in [CommunityFilter.none, CommunityFilter(overdueOnly: true), CommunityFilter(statuses: [.problem])] {
            let all = try store.communities(in: .all, filter: filter, offset: 0, limit: 1000, today: today).map(\.community)
            let total = all.count
            for (offset, anchorIndex) in [(60, 59), (40, 59), (0, 20), (total - 30, total - 61), (total / 2 + 3, 10), (25, 25)]
            where offset >= 0 && anchorIndex >= 0 && anchorIndex < total {
                let a = all[anchorIndex]
                let anchor = WindowAnchor(index: anchorIndex, streetID: a.streetID, name: a.name)
                let seek = try store.communities(in: .all, filter: filter, offset: offset, limit: 30, today: today, total: total, anchor: anchor)
                let plain = Array(all.dropFirst(offset).prefix(30))
                #expect(seek.map(\.community) == plain, "offset \(offset) anchor \(anchorIndex) filter \(filter.label)")
            }
            let far = try store.communities(in: .all, filter: filter, offset: max(0, total - 25), limit: 40, today: today, total: total, anchor: nil)
            #expect(far.map(\.community) == Array(all.suffix(min(25, total))))
        }
    }

    func plan(_ store: SQLiteStore, _ sql: String, _ args: StatementArguments) throws -> String {
        try store.db.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: args).map { $0["detail"] as String }.joined(separator: "\n")
        }
    }

    @Test("the window, seek and count queries walk the (street, name) index of live communities without sorting")
    func windowPlans() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let w = CommunityWhere(.office(1), filter: .none, today: Fixture.today)
        let window = try plan(store, "SELECT c.id FROM community c WHERE \(w.sql) ORDER BY c.street_id, c.name LIMIT 63 OFFSET 100", w.arguments)
        // Retired communities (v6) are off the board: the partial index over live ones answers in board order.
        #expect(window.contains("INDEX community_live"), "\(window)")
        #expect(!window.contains("TEMP B-TREE FOR ORDER BY"), "\(window)")
        let seek = try plan(store, """
            SELECT c.id FROM community c WHERE \(w.sql) AND (c.street_id, c.name) > (3, '阳光小区')
            ORDER BY c.street_id, c.name LIMIT 63
            """, w.arguments)
        #expect(seek.contains("INDEX community_live"), "\(seek)")
        #expect(!seek.contains("TEMP B-TREE"), "\(seek)")
    }

    @Test("overdue cells are found through the partial deadline index, cells of a window by primary key")
    func cellPlans() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let overdue = try plan(store, "SELECT community_id FROM cell WHERE due_on < '2026-11-30' AND status IN (\(SQL.overdueStatuses))", [])
        #expect(overdue.contains("cell_due"), "\(overdue)")
        let window = try plan(store, "SELECT * FROM cell WHERE community_id IN (1, 2, 3)", [])
        #expect(window.contains("PRIMARY KEY") || window.contains("USING PRIMARY"), "\(window)")
        let audit = try plan(store, "SELECT * FROM audit WHERE community_id = 5 ORDER BY id DESC LIMIT 50", [])
        #expect(audit.contains("audit_community"), "\(audit)")
    }
}
