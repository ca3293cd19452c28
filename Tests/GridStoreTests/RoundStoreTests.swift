import GRDB
import GridCore
import Testing
@testable import GridStore

/// SQLite-specific guarantees of rounds and inspections: query plans, append-only rows, `check`.
@Suite("Rounds on SQLite")
struct RoundStoreTests {
    static let offset = 8 * 3600

    func plan(_ store: SQLiteStore, _ sql: String, _ args: StatementArguments) throws -> String {
        try store.db.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: args).map { $0["detail"] as String }.joined(separator: "\n")
        }
    }

    /// A county with a round in progress and one inspection in it.
    func county(_ temp: TempDatabase) throws -> (SQLiteStore, InspectionRound, InspectionRecord) {
        let store = try Fixture.county(temp)
        let services = GridServices(store)
        let draft = RoundDraft(name: "12月第1周两督", kind: .jointSupervision, from: Fixture.today, to: Fixture.today.adding(days: 6))
        let round = try services.startRound(try services.addRound(draft, context: Fixture.context()).id, context: Fixture.context())
        let cell = try Fixture.cell(store, status: .ok).1.cell
        let out = try services.inspect(InspectionRequest(roundID: round.id, cell: CellKey(communityID: cell.communityID, themeID: cell.themeID),
                                                         result: .ok), context: Fixture.context())
        return (store, round, out.inspection)
    }

    @Test("coverage and last-inspection queries enter v8's indexes: their cost follows the round, the period or the site, not all history")
    func plans() throws {
        let temp = TempDatabase()
        let (store, _, _) = try county(temp)
        let expectations: [(String, StatementArguments, String)] = [
            (CoverageSQL.roundChecks, ["round": 1, "since": ""], "inspection_by_round"),
            (CoverageSQL.periodChecks, ["since": "2026-11-01"], "inspection_at"),
            (CoverageSQL.lastSeen, [5], "inspection_community"),
            (CoverageSQL.lastOfKind, ["self_inspection", 5], "inspection_kind"),
            (CoverageSQL.lastAny, [5], "inspection_community"),
        ]
        for (sql, args, index) in expectations {
            let p = try plan(store, sql, args)
            #expect(p.contains("USING INDEX \(index)") || p.contains("USING COVERING INDEX \(index)"), "\(sql)\n\(p)")
            #expect(!p.contains("SCAN i\n") && !p.hasPrefix("SCAN inspection"), "\(sql)\n\(p)")
            #expect(!p.contains("USE TEMP B-TREE FOR ORDER BY"), "\(sql)\n\(p)")
        }
    }

    @Test("inspections are append-only and a round's plan is fixed: SQL from outside civgrid cannot change or delete them")
    func appendOnly() throws {
        let temp = TempDatabase()
        let (store, round, inspection) = try county(temp)
        let attempts = [
            "UPDATE inspection SET result = 'problem' WHERE id = \(inspection.id)",
            "DELETE FROM inspection WHERE id = \(inspection.id)",
            "UPDATE inspection_round SET name = '改名' WHERE id = \(round.id)",
            "UPDATE inspection_round SET kind = 'self_inspection' WHERE id = \(round.id)",
            "DELETE FROM inspection_round WHERE id = \(round.id)",
        ]
        for sql in attempts {
            #expect(throws: (any Error).self, "\(sql)") { try store.db.write { try $0.execute(sql: sql) } }
        }
        #expect(try store.inspections(InspectionQuery()) == [inspection])
        #expect(try store.check().isEmpty)
    }

    @Test("check finds an inspection written outside civgrid (no audit row), and is clean after inspections through the services")
    func checkFindsForgedInspection() throws {
        let temp = TempDatabase()
        let (store, round, inspection) = try county(temp)
        #expect(try store.check().isEmpty)
        try store.db.write { db in
            try db.execute(sql: """
                INSERT INTO inspection (id, round_id, kind, community_id, theme_id, result, at, operator)
                VALUES (?, ?, 'joint_supervision', ?, ?, 'ok', ?, 'forger')
                """, arguments: [inspection.id + 1, round.id, inspection.cell.communityID, inspection.cell.themeID, Fixture.now.description])
        }
        let problems = try store.check()
        #expect(problems == ["inspection #\(inspection.id + 1) has no matching audit row (written outside civgrid?)"])
    }

    @Test("a new database has migration v8-rounds and its tables")
    func migration() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        let applied = try store.db.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied.contains("v8-rounds") && applied.count == Set(applied).count)
        let tables = try store.db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'inspection%'") }
        #expect(Set(tables) == ["inspection", "inspection_round", "inspection_round_member", "inspection_round_scope"])
    }
}
