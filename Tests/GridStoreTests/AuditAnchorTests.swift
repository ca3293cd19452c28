import Foundation
import GRDB
import GridCore
import Testing
@testable import GridStore

@Suite("The audit chain: anchors, restore and migration")
struct AuditAnchorTests {
    /// A trigger's text as the migrations create it.
    static func pristineTrigger(_ name: String) throws -> String {
        let pristine = try DatabaseQueue()
        try Schema.migrator.migrate(pristine)
        return try pristine.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [name]) ?? "" }
    }

    @Test("anchors are read as printed, and malformed ones refused")
    func parsing() {
        #expect(AuditChainHead.parseAnchor("账本 #123:3fa9c1d2e7b0")! == (123, "3fa9c1d2e7b0"))
        #expect(AuditChainHead.parseAnchor("#7:ABCDEF0123")! == (7, "abcdef0123"))
        #expect(AuditChainHead.parseAnchor("7:abcdef01")! == (7, "abcdef01"))
        for bad in ["7:abc", "x:abcdef0123", "0:abcdef0123", "7:abcdefg123", "7", "#7:"] {
            #expect(AuditChainHead.parseAnchor(bad) == nil, "\(bad)")
        }
        #expect(AuditChainHead(seq: 42, hash: String(repeating: "ab", count: 32)).label == "账本 #42:abababababab")
    }

    @Test("a history rewritten with freshly computed hashes passes the chain check but not its printed anchor")
    func rewrittenHistory() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let printed = try store.auditChainHead()
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { db in
            // An attacker who knows the format: edit a row, then rebuild the whole chain.
            try db.execute(sql: "DROP TRIGGER audit_no_update; DROP TRIGGER chain_no_delete")
            try db.execute(sql: "UPDATE audit SET note = '改过' WHERE id = 5")
            try db.execute(sql: "DELETE FROM chain")
            try AuditChain.anchorExisting(db)
            try db.execute(sql: try Self.pristineTrigger("chain_no_delete"))
            try db.execute(sql: try Self.pristineTrigger("audit_no_update"))
        }
        #expect(try store.check().isEmpty, "a consistent rewrite is invisible without an anchor")
        let problems = try store.check(anchor: (printed.seq, String(printed.hash.prefix(12))))
        #expect(problems.count == 1 && problems[0].hasPrefix("anchor: entry #\(printed.seq) now hashes to"), "\(problems)")
        #expect(try store.check(anchor: (printed.seq + 1_000_000, "abcdef01")).first?.hasPrefix("anchor: the chain has no entry") == true)
    }

    @Test("restore refuses a backup whose triggers were dropped or whose chain is broken, and leaves the target alone",
          arguments: ["DROP TRIGGER audit_no_update", "DROP TRIGGER chain_no_delete; DELETE FROM chain WHERE seq = 3"])
    func restoreRefuses(sql: String) throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let copy = temp.folder.appendingPathComponent("copy.sqlite").path
        try store.backup(to: copy)
        let raw = try DatabaseQueue(path: copy)
        try raw.write { try $0.execute(sql: sql) }
        try raw.close()
        let before = try store.auditChainHead()
        do {
            try SQLiteStore.restore(from: copy, to: temp.path, force: true, context: Fixture.context())
            Issue.record("a tampered backup was restored")
        } catch {
            #expect("\(error)".contains("fails its check"), "\(error)")
            #expect("\(error)".contains("trigger:") || "\(error)".contains("chain"), "\(error)")
        }
        #expect(try store.auditChainHead() == before)
        #expect(try store.check().isEmpty)
    }

    @Test("migration v4 chains the rows of an older database; history from then on is verified")
    func migrationAnchorsExistingRows() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let rows = try store.db.read { db in
            try Int64.fetchOne(db, sql: "SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM case_event)") ?? 0
        }
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { db in
            // Back to a v3 file: no chain, no v4 in the migration log.
            try db.execute(sql: "DROP TABLE chain; DELETE FROM sqlite_sequence WHERE name = 'chain'")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4-audit-chain'")
        }
        try raw.close()
        let upgraded = try SQLiteStore.open(path: temp.path)
        #expect(try upgraded.auditChainHead().seq == rows)
        #expect(try upgraded.check().isEmpty)
    }

    @Test("canonical content is JSON with every value typed and escaped; what is written verifies, whatever the text holds")
    func canonicalContent() throws {
        let bytes = AuditChain.canonical(seq: 7, table: .audit, values: [5.databaseValue, "a\"b\\c\u{1B}[2J\n楼".databaseValue, .null, "5".databaseValue])
        #expect(String(decoding: bytes, as: UTF8.self) == #"[7,"audit",5,"a\"b\\c\u001b[2J\u000a楼",null,"5"]"#)
        #expect(AuditChain.Table.allCases.allSatisfy { $0.columnCount == $0.columns.count })
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        let nasty = "引号\" 反斜杠\\ 控制\u{1B}]0;x\u{07} 删除\u{7F} 换行\r\n 表情😀 空\u{0}字"
        try store.db.write { db in
            try SQLiteStore.appendAudit(db, [AuditEntry(entity: .database, entityID: "x", field: "note", oldValue: nil, newValue: nasty,
                                                        note: nasty)], context: Fixture.context(), at: Fixture.now)
        }
        let problems = try store.check()
        #expect(problems.isEmpty, "\(problems)")
    }
}
