import GRDB
import GridCore
@testable import GridStore
import Testing

/// SQLite-specific: `check` finds every way stored evidence can be tampered with behind civgrid's back.
@Suite("Attachments: tampering is found by check", .serialized)
struct AttachmentTamperTests {
    /// A county with one case holding a before and an after photo; returns the store, the case number and the after digest.
    func county(_ temp: TempDatabase) throws -> (SQLiteStore, CaseNumber, ContentDigest) {
        let store = try Fixture.county(temp)
        let services = GridServices(store)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        let c = try services.recordProblem(CaseDraft(communityID: row.community.id, themeID: cell.cell.themeID, source: .supervision,
                                                     description: "飞线充电", deadlineClass: .threeDays), context: Fixture.context())
        let added = try services.attach([AttachmentDraft(kind: .before, fileName: "前.png", bytes: DemoPhotos.png(kind: .before, seed: 5)),
                                         AttachmentDraft(kind: .after, fileName: "后.png", bytes: DemoPhotos.png(kind: .after, seed: 5))],
                                        to: c.number, context: Fixture.context())
        #expect(try store.check().isEmpty, "sound before tampering")
        return (store, c.number, added[1].digest)
    }

    /// Runs SQL as an attacker with sqlite3 would: triggers dropped first.
    func tamper(_ store: SQLiteStore, _ sql: String) throws {
        try store.db.writeWithoutTransaction { db in
            for t in ["attachment_no_update", "attachment_no_delete", "attachment_blob_no_update", "attachment_blob_no_delete"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(t)")
            }
            try db.execute(sql: sql)
        }
    }

    @Test("the triggers refuse changing or deleting evidence")
    func appendOnly() throws {
        let temp = TempDatabase()
        let (store, _, digest) = try county(temp)
        #expect(throws: (any Error).self) {
            try store.db.write { try $0.execute(sql: "UPDATE attachment_blob SET bytes = x'00' WHERE sha256 = ?", arguments: [digest.hex]) }
        }
        #expect(throws: (any Error).self) { try store.db.write { try $0.execute(sql: "DELETE FROM attachment") } }
    }

    @Test("swapped bytes are named with the case, the file and the hash")
    func swappedBytes() throws {
        let temp = TempDatabase()
        let (store, number, digest) = try county(temp)
        try tamper(store, "UPDATE attachment_blob SET bytes = x'89504e470d0a1a0a0000' WHERE sha256 = '\(digest.hex)'")
        let problems = try store.check()
        #expect(problems.contains { $0.contains("case \(number) #2") && $0.contains("no longer matches the hash") && $0.contains(digest.short) },
                "\(problems)")
        #expect(problems.contains { $0.contains("attachment_blob_no_update is missing") })
    }

    @Test("an edited row (its kind changed from before to after) disagrees with its chained event")
    func editedRow() throws {
        let temp = TempDatabase()
        let (store, number, _) = try county(temp)
        try tamper(store, "UPDATE attachment SET kind = 'after' WHERE id = 1")
        #expect(try store.check().contains { $0.contains("case \(number) #1") && $0.contains("differs from what its chained case event recorded") })
    }

    @Test("a deleted row leaves its event naming it; deleted bytes are named missing")
    func deleted() throws {
        let temp = TempDatabase()
        let (store, number, digest) = try county(temp)
        try tamper(store, "PRAGMA foreign_keys = OFF; DELETE FROM attachment_blob WHERE sha256 = '\(digest.hex)'; DELETE FROM attachment WHERE id = 1")
        let problems = try store.check()
        #expect(problems.contains { $0.contains("of case \(number) recorded an attachment") && $0.contains("row is missing") }, "\(problems)")
        #expect(problems.contains { $0.contains("the stored file is missing") }, "\(problems)")
    }

    @Test("a row inserted behind civgrid's back, pointing at an ordinary event, is named")
    func inserted() throws {
        let temp = TempDatabase()
        let (store, number, digest) = try county(temp)
        try tamper(store, """
            INSERT INTO attachment (case_id, event_id, kind, media_type, size, sha256, file_name, note)
            SELECT case_id, (SELECT min(id) FROM case_event WHERE case_id = a.case_id), 'after', 'image/png', size, sha256, 'x.png', ''
            FROM attachment a WHERE sha256 = '\(digest.hex)'
            """)
        #expect(try store.check().contains { $0.contains("case \(number) #3") && $0.contains("differs from what its chained case event recorded") })
    }

    @Test("v11 creates the tables and indexes; the migration's name is reserved")
    func migration() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        try store.db.read { db in
            #expect(try db.tableExists("attachment") && db.tableExists("attachment_blob"))
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains("v11-attachments"))
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM attachment WHERE case_id = 1 ORDER BY id").map { $0["detail"] as String }.joined()
            #expect(plan.contains("attachment_case"), "\(plan)")
        }
    }
}
