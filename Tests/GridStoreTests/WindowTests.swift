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
            let rows = try store.communities(in: .all, filter: filter, offset: 0, limit: 1000, today: today)
            let all = rows.map(\.community)
            let total = all.count
            for (offset, anchorIndex) in [(60, 59), (40, 59), (0, 20), (total - 30, total - 61), (total / 2 + 3, 10), (25, 25)]
            where offset >= 0 && anchorIndex >= 0 && anchorIndex < total {
                let anchor = WindowAnchor(index: anchorIndex, row: rows[anchorIndex])
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

    @Test("the window, seek and count queries walk the board-order index without sorting, at every scope that pages")
    func windowPlans() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let key = BoardOrderKey(streetRank: 3 << 20, order: Int64.max, pinyin: "yang guang xiao qu", name: "阳光小区", id: 5)
        for scope in [CommunityScope.all, .office(1), .street(3)] {
            let w = CommunityWhere(scope, filter: .none, today: Fixture.today)
            let args = w.arguments + BoardOrder.arguments(key) + ["limit": 63, "offset": 100, "skip": 10]
            for sql in [w.forwardSQL, w.backwardSQL, w.seekSQL(">"), w.seekSQL("<"), w.seekSQL(">=")] {
                let p = try plan(store, sql, args)
                #expect(p.contains("INDEX community_board"), "\(scope): \(p)")
                #expect(!p.contains("TEMP B-TREE"), "\(scope): \(p)")
                #expect(!p.contains("JOIN") && !p.contains("SCAN s"), "join-free: \(p)")
            }
            let count = try plan(store, "SELECT count(*) FROM community c WHERE \(w.sql)", w.arguments)
            #expect(scope == .all || count.contains("community_board"), "\(scope): \(count)")
        }
        // `position` counts the rows before a community in board order at the unscoped board (live rows only).
        let all = CommunityWhere(.all, filter: .none, today: Fixture.today)
        let position = try plan(store, "SELECT count(*) FROM community c WHERE \(all.sql) AND \(BoardOrder.key) < \(BoardOrder.marks)",
                                all.arguments + BoardOrder.arguments(key))
        #expect(position.contains("community_board") && position.contains("street_rank"), "\(position)")
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
