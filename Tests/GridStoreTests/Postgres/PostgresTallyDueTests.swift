import Foundation
import GridCore
@testable import GridStorePostgres
import Testing

/// The PostgreSQL side of `tally.open_due` (pg8): the overdue filter's plan reads the tally's index and never the cells,
/// and a database made before pg8 gets the column filled from its cells when it is opened.
@Suite("PostgreSQL: the overdue filter on the tally's earliest open due day", .enabled(if: PGTestServer.location != nil || PGTestServer.required))
struct PostgresTallyDueTests {
    /// The plan's lines for `sql` with `args`, after `settings` (SET LOCAL inside a transaction of its own).
    func plan(_ store: PostgresStore, _ sql: String, _ args: [any SQLBindable], settings: [String] = []) throws -> String {
        try store.read { s throws(GridError) in
            try s.query("BEGIN")
            defer { _ = try? s.query("ROLLBACK") }
            for setting in settings { try s.query(setting) }
            return try s.query("EXPLAIN " + sql, args).compactMap { $0[0].text }.joined(separator: "\n")
        }
    }

    @Test("count and window under the overdue filter read the tally (its open_due index over the whole board, its key in a narrow scope), never the cells")
    func plans() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        _ = try store.read { session throws(GridError) in try session.query("ANALYZE") }
        for scope in [CommunityScope.all, .office(1), .street(2), .unit(3)] {
            let w = PGCommunityWhere(scope, filter: CommunityFilter(overdueOnly: true), today: Fixture.today)
            let queries: [(String, [any SQLBindable])] = [
                ("SELECT count(*) FROM community c WHERE \(w.sql)", w.args),
                ("SELECT c.id FROM community c WHERE \(w.sql) ORDER BY \(w.ascending) LIMIT ? OFFSET ?", w.args + [63, 0]),
            ]
            for (sql, args) in queries {
                // As the planner chooses on the demo county's 300 communities, and where a scan would cost (a province):
                // the tally answers — by its open_due index, or by its key for each community of a narrow scope.
                for settings in [[], ["SET LOCAL enable_seqscan = off"]] {
                    let p = try plan(store, sql, args, settings: settings)
                    #expect(!p.contains(" on cell") && !p.contains("cell_due"), "\(scope) \(settings): \(p)")
                    #expect(p.contains("on tally") || p.contains("tally_open_due") || p.contains("tally_pkey"), "\(scope) \(settings): \(p)")
                    if scope == .all && !settings.isEmpty { #expect(p.contains("tally_open_due"), "\(p)") }
                }
            }
        }
        // The whole board's count (`PGCommunityWhere.count`) reads the two indexes alone.
        let w = PGCommunityWhere(.all, filter: CommunityFilter(overdueOnly: true), today: Fixture.today)
        #expect(w.countsFromTally)
        let count = try plan(store, """
            SELECT count(*) FROM tally WHERE open_due < ?
                AND community_id NOT IN (SELECT id FROM community WHERE retired_on IS NOT NULL)
            """, [Fixture.today.description], settings: ["SET LOCAL enable_seqscan = off"])
        #expect(count.contains("tally_open_due") && count.contains("community_retired") && !count.contains("cell"), "\(count)")
    }

    @Test("a database made at pg6 gets open_due from its cells on opening, and the replaced trigger keeps it after")
    func upgradeFills() throws {
        let db = try PGTestDatabase()
        let old = PostgresStore(location: db.location, session: try PGSession(location: db.location))
        try old.migrate(PGSchema.migrations.filter { $0.name != "pg8-tally-due" }, grantingRoles: false)
        try old.read { s throws(GridError) in
            try s.execute(["INSERT INTO office (name) VALUES ('城关县三创办')",
                           "INSERT INTO street (office_id, name) VALUES (1, '城关街道')",
                           "INSERT INTO community (street_id, name, kind) VALUES (1, '阳光小区', 'residential'), "
                               + "(1, '东关街道第一居民委员会老旧小区', 'old_estate'), (1, '丽景', 'residential'), (1, '翠苑新村', 'residential')",
                           "INSERT INTO theme (code, name_zh, name_en, kinds, position) VALUES ('env', '环境卫生', 'env', '', 0), "
                               + "('road', '道路', 'road', '', 1), ('green', '绿化', 'green', '', 2)",
                           """
                           INSERT INTO cell (community_id, theme_id, status, due_on) VALUES
                               (1, 1, 'rectifying', '2026-11-20'), (1, 2, 'problem', '2026-12-03'), (1, 3, 'ok', NULL),
                               (2, 1, 'recheck', '2026-11-01'), (2, 2, 'parked', '2027-03-31'),
                               (3, 1, 'problem', NULL), (3, 2, 'fixed', NULL), (4, 1, 'unchecked', NULL)
                           """])
        }
        old.close()
        let store = try PostgresStore.open(db.location)
        db.stores.append(store)
        let due = { () throws -> [Int64: String?] in
            try store.read { s throws(GridError) in
                Dictionary(uniqueKeysWithValues: try s.query("SELECT community_id, open_due FROM tally").map { ($0.int("community_id"), $0["open_due"].text) })
            }
        }
        #expect(try due() == [1: "2026-11-20", 2: "2027-03-31", 3: nil, 4: nil])
        try store.read { s throws(GridError) in
            try s.execute(["UPDATE cell SET status = 'ok', due_on = NULL WHERE community_id = 1 AND theme_id = 1",
                           "UPDATE cell SET status = 'rectifying' WHERE community_id = 2 AND theme_id = 1",
                           "UPDATE cell SET due_on = '2026-12-01' WHERE community_id = 3 AND theme_id = 1",
                           "DELETE FROM cell WHERE community_id = 2 AND theme_id = 1"])
        }
        #expect(try due() == [1: "2026-12-03", 2: "2027-03-31", 3: "2026-12-01", 4: nil])
        let overdue = try store.communities(in: .all, filter: CommunityFilter(overdueOnly: true), offset: 0, limit: 10,
                                            today: try #require(Day("2026-12-02")))
        #expect(overdue.map(\.community.id) == [3])
    }
}
