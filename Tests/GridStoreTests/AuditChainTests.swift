import Foundation
import GRDB
import GridCore
import Testing
@testable import GridStore

/// Tampering as an operator with `sqlite3` would do it: open the file directly, drop the triggers, change history.
/// Each class of change must be found by `check` and named (which row, what kind).
@Suite("The audit chain: tampering is found and named")
struct AuditChainTests {
    /// The demo county, and a raw connection to its file as `sqlite3` would have.
    static func tampered(_ temp: TempDatabase, _ sql: String..., arguments: [StatementArguments] = []) throws -> SQLiteStore {
        let store = try Fixture.county(temp)
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { db in
            for (i, statement) in sql.enumerated() {
                try db.execute(sql: statement, arguments: i < arguments.count ? arguments[i] : [])
            }
        }
        try raw.close()
        return store
    }

    static func count(_ store: SQLiteStore, _ sql: String) throws -> Int64 {
        try store.db.read { try Int64.fetchOne($0, sql: sql) ?? 0 }
    }

    @Test("a fresh database: every audit row and case event is chained, in order, and check passes")
    func soundChain() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let rows = try Self.count(store, "SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM case_event)")
        #expect(try Self.count(store, "SELECT count(*) FROM case_event") > 0, "the county has a case ledger")
        let head = try store.auditChainHead()
        #expect(head.seq == rows)
        #expect(head.hash.count == 64 && head.hash.allSatisfy(\.isHexDigit))
        #expect(try store.check().isEmpty)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        _ = try store.changeStatus(communityID: row.community.id, themeID: cell.theme.id,
                                   StatusChangeRequest(status: .problem, note: "垃圾满溢"), context: Fixture.context())
        let after = try store.auditChainHead()
        #expect(after.seq > head.seq, "the change, its case and its event were chained")
        #expect(try store.check().isEmpty)
        #expect(try store.check(anchor: (head.seq, String(head.hash.prefix(12)))).isEmpty)
    }

    @Test("the chain table refuses UPDATE and DELETE", arguments: ["UPDATE chain SET hash = 'x' WHERE seq = 1", "DELETE FROM chain"])
    func chainAppendOnly(sql: String) throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        #expect(throws: DatabaseError.self) { try store.db.write { try $0.execute(sql: sql) } }
    }

    @Test("editing an old audit row's note, value or operator names the row", arguments: ["note = '改过'", "new_value = coalesce(new_value, '') || '改'", "operator = 'nobody'"])
    func editedRow(change: String) throws {
        let temp = TempDatabase()
        let store = try Self.tampered(temp, "DROP TRIGGER audit_no_update", "UPDATE audit SET \(change) WHERE id = 5")
        let problems = try store.check()
        #expect(problems.contains { $0.hasPrefix("audit #5 (chain #5) was changed after it was written") }, "\(problems)")
        #expect(problems.filter { $0.hasPrefix("audit #") || $0.hasPrefix("chain:") }.count == 1, "only row 5 is named: \(problems)")
        #expect(problems.contains { $0.contains("trigger: audit_no_update is missing") })
    }

    @Test("editing a case event names it")
    func editedEvent() throws {
        let temp = TempDatabase()
        let store = try Self.tampered(temp, "DROP TRIGGER case_event_no_update", "UPDATE case_event SET reason = '无' WHERE id = 7")
        let problems = try store.check()
        #expect(problems.contains { $0.hasPrefix("case event #7 (chain #") && $0.contains("was changed after it was written") }, "\(problems)")
    }

    @Test("deleting the last audit row and fixing sqlite_sequence is found")
    func deletedLast() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let last = try Self.count(store, "SELECT max(id) FROM audit")
        let seq = try Self.count(store, "SELECT seq FROM chain WHERE tbl = 'audit' AND row_id = \(last)")
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_delete")
            try db.execute(sql: "DELETE FROM audit WHERE id = ?", arguments: [last])
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'", arguments: [last - 1])
        }
        let problems = try store.check()
        #expect(problems.contains("audit #\(last) (chain #\(seq)) is missing: it was deleted after it was written; restore a backup"),
                "\(problems)")
    }

    @Test("deleting a middle row and renumbering the rest is found, with the range named")
    func deletedAndRenumbered() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let last = try Self.count(store, "SELECT max(id) FROM audit")
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_update")
            try db.execute(sql: "DELETE FROM audit WHERE id = 10")
            try db.execute(sql: "UPDATE audit SET id = id - 1 WHERE id > 10")
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'audit'")
        }
        let problems = try store.check()
        #expect(problems.contains { $0.hasPrefix("audit #10–#") && $0.contains("no longer match their hashes") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("audit #\(last) (chain #") && $0.contains("is missing") }, "\(problems)")
        #expect(!problems.contains { $0.hasPrefix("audit: ") }, "ids still run 1…n: only the chain sees it")
    }

    @Test("swapping two rows' timestamps within a minute names both rows")
    func swappedTimes() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        for (seconds, status) in [(20, CellStatus.notApplicable), (40, .ok)] {
            let clock = GridClock.fixed(Timestamp(millis: Fixture.now.millis + Int64(seconds) * 1000), utcOffsetSeconds: 8 * 3600)
            _ = try store.changeStatus(communityID: row.community.id, themeID: cell.theme.id, StatusChangeRequest(status: status),
                                       context: Fixture.context(at: clock))
        }
        let last = try Self.count(store, "SELECT max(id) FROM audit")
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            let times = try String.fetchAll(db, sql: "SELECT at FROM audit WHERE id IN (?, ?) ORDER BY id", arguments: [last - 1, last])
            try db.execute(sql: "UPDATE audit SET at = ? WHERE id = ?", arguments: [times[1], last - 1])
            try db.execute(sql: "UPDATE audit SET at = ? WHERE id = ?", arguments: [times[0], last])
        }
        let problems = try store.check()
        #expect(problems.contains { $0.hasPrefix("audit #\(last - 1)–#\(last) (chain #") && $0.contains("2 entries") }, "\(problems)")
    }

    @Test("a dropped or altered protective trigger is named",
          arguments: ["audit_no_update", "audit_no_delete", "case_event_no_update", "case_event_no_delete", "chain_no_update",
                      "chain_no_delete", "cell_tally_insert", "cell_tally_update", "cell_tally_delete", "community_tally"])
    func droppedTrigger(name: String) throws {
        let temp = TempDatabase()
        let store = try Self.tampered(temp, "DROP TRIGGER \(name)")
        #expect(try store.check().contains { $0.hasPrefix("trigger: \(name) is missing (dropped)") })
    }

    @Test("a trigger replaced by a harmless-looking one, or one added, is named")
    func alteredTrigger() throws {
        let temp = TempDatabase()
        let store = try Self.tampered(temp, "DROP TRIGGER audit_no_delete",
                                      "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0 BEGIN SELECT 1; END",
                                      "CREATE TRIGGER sneaky AFTER INSERT ON audit BEGIN SELECT 1; END")
        let problems = try store.check()
        #expect(problems.contains { $0.hasPrefix("trigger: audit_no_delete differs from the one civgrid created") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("trigger: sneaky was not created by civgrid") }, "\(problems)")
    }

    @Test("a cell changed directly, with no audit row, is named with what its history says")
    func cellWithoutAudit() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { db in
            try db.execute(sql: "UPDATE cell SET status = 'na' WHERE community_id = ? AND theme_id = ?",
                           arguments: [row.community.id, cell.theme.id])
            try db.execute(sql: "UPDATE cell SET due_on = '2027-01-01' WHERE community_id = ? AND theme_id = ?",
                           arguments: [row.community.id, cell.theme.id + 1])
        }
        let problems = try store.check().filter { $0.hasPrefix("cell/audit:") }
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.contains("(cell \(row.community.id)/\(cell.theme.id)) shows 不适用 na but its audit history says 达标 ok") },
                "\(problems)")
        #expect(problems.contains { $0.contains("(cell \(row.community.id)/\(cell.theme.id + 1)) is due 2027-01-01") }, "\(problems)")
    }

    @Test("an audit row inserted behind civgrid's back has no chain entry")
    func insertedRow() throws {
        let temp = TempDatabase()
        let store = try Self.tampered(temp, """
            INSERT INTO audit (at, operator, os_user, source, entity, entity_id, field, new_value)
            VALUES ('2026-11-30T02:00:00.000Z', 'admin', 'x', 'cli', 'database', 'x', 'note', 'x')
            """)
        let last = try Self.count(store, "SELECT max(id) FROM audit")
        #expect(try store.check().contains("audit #\(last) has no chain entry: it was written behind civgrid's back; restore a backup"))
    }

    @Test("deleting a row together with its chain entry leaves a gap in the chain, named")
    func deletedWithChainEntry() throws {
        let temp = TempDatabase()
        let store = try Self.tampered(temp, "DROP TRIGGER audit_no_delete", "DROP TRIGGER chain_no_delete",
                                      "DELETE FROM audit WHERE id = 10", "DELETE FROM chain WHERE seq = 10")
        let problems = try store.check()
        #expect(problems.contains("chain: entry #10 missing before #11 (chain entries were deleted); restore a backup"), "\(problems)")
        #expect(!problems.contains { $0.contains("was changed after it was written") }, "the gap is the finding: \(problems)")
    }

    @Test("a dropped chain table is named, not a raw SQL error")
    func droppedChain() throws {
        let temp = TempDatabase()
        let store = try Self.tampered(temp, "DROP TABLE chain")
        let problems = try store.check(anchor: (5, "abcdef01"))
        #expect(problems.contains { $0.hasPrefix("chain: the chain table is missing (dropped)") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("anchor: there is no chain") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("trigger: chain_no_update is missing") }, "\(problems)")
    }
}
