import Foundation
import GRDB
import GridCore
import Testing
@testable import GridStore

/// What a large import writes, guarded by structure rather than time: new communities go in many per statement with
/// their order, cadence and order keys on the row (a 序号 column once cost one flush, SELECT and UPDATE per row), their
/// tallies are counted once while the per-cell trigger is set aside, and the trigger is back, as it was, afterwards.
@Suite("Import writes: rows per statement, order keys and tallies as the one-row paths leave them")
struct ImportWritesTests {
    /// A chain batch whose communities carry 排序 and 自查周期, and whose streets carry 街道排序.
    static func orderedBatch(_ count: Int) -> ImportBatch {
        var b = ImportScaleTests.chainBatch(count)
        for i in b.communities.indices {
            b.communities[i].fields.order = count - i
            b.communities[i].fields.streetOrder = i % 3 + 1
            if i % 4 == 0 { b.communities[i].fields.cadence = SiteCadence(days: 14) }
        }
        return b
    }

    /// Statements run, by their first word (`ImportScaleTests` counts the SELECTs).
    final class Statements: @unchecked Sendable {
        var byVerb: [String: Int] = [:]
        var selects: Int { byVerb["SELECT"] ?? 0 }
    }

    /// A store on a new office whose statements are counted.
    static func tracedStore(_ temp: TempDatabase) throws -> (SQLiteStore, Statements) {
        _ = try Fixture.office(temp)
        let counter = Statements()
        var config = Configuration()
        config.prepareDatabase { db in
            db.trace { event in
                guard case .statement(let s) = event else { return }
                let verb = String(s.sql.prefix { $0.isLetter }).uppercased()
                counter.byVerb[verb, default: 0] += 1
            }
        }
        return (SQLiteStore(path: temp.path, db: try DatabaseQueue(path: temp.path, configuration: config), readOnly: false), counter)
    }

    func statements(_ count: Int) throws -> [String: Int] {
        let temp = TempDatabase()
        let (store, counter) = try ImportWritesTests.tracedStore(temp)
        counter.byVerb = [:]
        let outcome = try store.importBatch(ImportWritesTests.orderedBatch(count), dryRun: false, context: Fixture.context())
        #expect(outcome.rejected.isEmpty, "\(outcome.rejected.prefix(3))")
        return counter.byVerb
    }

    @Test("UPDATEs do not grow with the rows (order and cadence go in with the row), INSERTs grow a statement per many rows")
    func statementsPerRow() throws {
        let small = try statements(30), large = try statements(600)
        // One tally UPDATE per new community is the deferred trigger's work (one row each, by key), so it is allowed.
        let updates = { (s: [String: Int], rows: Int) in (s["UPDATE"] ?? 0) - rows }
        #expect(updates(small, 30) == updates(large, 600), "UPDATEs beyond one tally each: \(small) vs \(large)")
        #expect((large["INSERT"] ?? 0) < 600 / 4, "INSERT statements for 600 rows: \(large)")
    }

    @Test("new communities get the order keys settle would give, their tallies count their cells, and check passes")
    func keysAndTallies() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        let outcome = try store.importBatch(ImportWritesTests.orderedBatch(120), dryRun: false, context: Fixture.context())
        #expect(outcome.rejected.isEmpty, "\(outcome.rejected.prefix(3))")
        let queue = try DatabaseQueue(path: temp.path)
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.name, c.pinyin_key, c.street_rank, s.rank, c.office_order, t.unchecked,
                       (SELECT count(*) FROM cell WHERE community_id = c.id) AS cells,
                       (SELECT days FROM site_cadence WHERE community_id = c.id) AS days
                FROM community c JOIN street s ON s.id = c.street_id JOIN tally t ON t.community_id = c.id
                """)
            #expect(rows.count == 120)
            for r in rows {
                let name: String = r["name"]
                #expect(r["pinyin_key"] as String? == OfficeOrder.collationKey(name), "\(name)")
                #expect(r["street_rank"] as Int64? != nil && r["street_rank"] as Int64? == r["rank"] as Int64?, "\(name)")
                #expect(r["unchecked"] as Int == r["cells"] as Int && r["cells"] as Int > 0, "\(name)")
                #expect(r["office_order"] as Int? != nil)
            }
            #expect(rows.filter { $0["days"] as Int? == 14 }.count == 30)
            // The order and cadence are audited as the one-row paths audit them.
            let audited = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE field IN ('office_order', 'self_check_days') AND entity = 'community'")
            #expect(audited == 150)
        }
        #expect(try store.check().isEmpty)
    }

    @Test("the tally trigger is back with its text after an import, a dry run and a refused import")
    func triggerRestored() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        let queue = try DatabaseQueue(path: temp.path)
        let sql = { try queue.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'cell_tally_insert'") } }
        let before = try sql()
        #expect(before != nil)
        _ = try store.importBatch(ImportWritesTests.orderedBatch(20), dryRun: true, context: Fixture.context())
        #expect(try sql() == before)
        _ = try store.importBatch(ImportWritesTests.orderedBatch(20), dryRun: false, context: Fixture.context())
        #expect(try sql() == before)
        // A viewer's import is refused before anything is written.
        #expect(throws: GridError.self) {
            _ = try store.importBatch(ImportWritesTests.orderedBatch(5), dryRun: false, context: Fixture.context(Operator(login: "guest", name: "访客", role: .viewer)))
        }
        #expect(try sql() == before)
        // Cells added by hand afterwards still move the tally: the trigger works again.
        try queue.write { db in
            let community = try Int64.fetchOne(db, sql: "SELECT id FROM community LIMIT 1")!
            let theme = try Int64.fetchOne(db, sql: "SELECT id FROM theme WHERE id NOT IN (SELECT theme_id FROM cell WHERE community_id = ?) LIMIT 1",
                                           arguments: [community])
            if let theme {
                let before = try Int.fetchOne(db, sql: "SELECT unchecked FROM tally WHERE community_id = ?", arguments: [community])!
                try db.execute(sql: "INSERT INTO cell (community_id, theme_id) VALUES (?, ?)", arguments: [community, theme])
                #expect(try Int.fetchOne(db, sql: "SELECT unchecked FROM tally WHERE community_id = ?", arguments: [community]) == before + 1)
            }
        }
    }
}
