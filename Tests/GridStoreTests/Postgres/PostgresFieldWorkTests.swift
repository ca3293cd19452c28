import GridCore
@testable import GridStorePostgres
import Testing

/// PostgreSQL-specific proof for rounds (pg4) and the site register (pg5): the server's own guards hold against
/// writers that bypass civgrid, as SQLite's triggers do, and `check` finds an inspection forged behind its back.
@Suite("PostgreSQL store: rounds and the site register", .enabled(if: PGTestServer.location != nil))
struct PostgresFieldWorkTests {
    @Test("inspections only grow; a round's plan, team and scope never change; only its state moves")
    func roundGuards() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let cell = try #require(try s.cells([.ok]).first)
        let round = try s.startedRound("十二月第一周两督", team: ["zhangwei"], scope: RoundScope(themeIDs: [cell.themeID]))
        _ = try s.services.inspect(InspectionRequest(roundID: round.id, cell: cell.key, result: .ok, note: "仍达标"), context: s.context())
        let refused = ["UPDATE inspection SET result = 'problem'", "DELETE FROM inspection", "TRUNCATE inspection",
                       "UPDATE inspection_round SET name = '改名'", "UPDATE inspection_round SET date_to = '2099-01-01'",
                       "DELETE FROM inspection_round_member", "UPDATE inspection_round_member SET login = 'x'",
                       "DELETE FROM inspection_round_scope"]
        for sql in refused {
            let e = #expect(throws: GridError.self, "\(sql)") { try store.read { s throws(GridError) in try s.query(sql) } }
            #expect(e?.description.contains("append-only") == true || e?.description.contains("cannot be changed") == true,
                    "\(sql): \(e?.description ?? "")")
        }
        #expect(try store.round(id: round.id)?.name == "十二月第一周两督")
        #expect(try store.check() == [])
    }

    @Test("check names an inspection written without its audit row")
    func forgedInspection() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let cell = try #require(try s.cells([.ok]).first)
        try store.read { s throws(GridError) in
            try s.query("""
                INSERT INTO inspection (id, community_id, theme_id, result, at, operator) VALUES (900, ?, ?, 'ok', '2026-12-01T08:00:00.000Z', '伪造者')
                """, [cell.communityID, cell.themeID])
        }
        #expect(try store.check().contains { $0.contains("inspection #900") && $0.contains("no matching audit row") })
    }

    @Test("the server refuses a second live site with a number its office already holds, whoever writes it")
    func siteNumberGuard() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let sites = try store.declaredSites(officeID: nil, today: s.today, utcOffsetSeconds: 8 * 3600)
        let (a, b) = (try #require(sites.first), try #require(sites.dropFirst().first))
        let number = try #require(a.community.declaredSite)
        let e = #expect(throws: GridError.self) {
            try store.read { s throws(GridError) in try s.query("UPDATE community SET declared_site = ? WHERE id = ?", [number, b.community.id]) }
        }
        #expect(e?.description.contains("declared-site number already held") == true, "\(e?.description ?? "")")
        // Retired, a site gives up its number: then another may take it, and bringing the first back is refused.
        try store.read { s throws(GridError) in
            try s.query("UPDATE community SET retired_on = '2026-11-30' WHERE id = ?", [a.community.id])
            try s.query("UPDATE community SET declared_site = ? WHERE id = ?", [number, b.community.id])
        }
        #expect(throws: GridError.self) {
            try store.read { s throws(GridError) in try s.query("UPDATE community SET retired_on = NULL WHERE id = ?", [a.community.id]) }
        }
    }
}
