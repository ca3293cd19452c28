import Foundation
import GRDB
import GridCore
@testable import GridStore
import GridStoreCopy
@testable import GridStorePostgres
import Testing

/// PostgreSQL-specific proof for attachments (pg3): the rows and stored files only grow, `check` finds swapped bytes
/// and a deleted row as the SQLite store's does, and `StoreCopy` moves the files byte for byte.
@Suite("PostgreSQL store: attachments", .enabled(if: PGTestServer.location != nil))
struct PostgresAttachmentTests {
    /// A case on `s`'s first 达标 cell holding a before and an after photo; returns its number and the after photo's digest.
    func caseWithPhotos(_ s: StoreUnderTest) throws -> (CaseNumber, ContentDigest) {
        let cell = try #require(try s.cells([.ok], count: 1).first)
        let c = try s.services.recordProblem(CaseDraft(communityID: cell.communityID, themeID: cell.themeID, source: .supervision,
                                                       description: "楼道飞线充电", deadlineClass: .threeDays), context: s.context())
        let added = try s.services.attach([AttachmentDraft(kind: .before, fileName: "整改前（东侧）.png", bytes: DemoPhotos.png(kind: .before, seed: 11)),
                                           AttachmentDraft(kind: .after, fileName: "后.png", bytes: DemoPhotos.png(kind: .after, seed: 11))],
                                          to: c.number, context: s.context())
        return (c.number, added[1].digest)
    }

    @Test("attachment rows and stored files refuse UPDATE, DELETE and TRUNCATE; a clerk's role may only insert them")
    func appendOnly() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let (_, digest) = try caseWithPhotos(s)
        for sql in ["UPDATE attachment SET note = '改'", "DELETE FROM attachment", "TRUNCATE attachment CASCADE",
                    "UPDATE attachment_blob SET bytes = '\\x00'::bytea WHERE sha256 = '\(digest.hex)'", "DELETE FROM attachment_blob",
                    "TRUNCATE attachment_blob CASCADE"] {
            let e = #expect(throws: GridError.self, "\(sql)") { try store.read { s throws(GridError) in try s.query(sql) } }
            #expect(e?.description.contains("append-only") == true, "\(sql): \(e?.description ?? "")")
        }
        try store.installRoles()
        let e = #expect(throws: GridError.self) {
            try store.read { s throws(GridError) in
                try s.query("SET ROLE civgrid_clerk")
                defer { _ = try? s.query("RESET ROLE") }
                try s.query("UPDATE attachment SET note = 'x'")
            }
        }
        #expect(e?.exitCode == 3, "\(e?.description ?? "")")
        #expect(try store.check() == [])
    }

    @Test("check names swapped bytes with the case, the file and the hash, and a deleted row by its orphaned event")
    func checkFindsTampering() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let (number, digest) = try caseWithPhotos(s)
        try store.read { s throws(GridError) in
            try s.query("ALTER TABLE attachment_blob DISABLE TRIGGER attachment_blob_append_only")
            try s.query("UPDATE attachment_blob SET bytes = '\\x89504e470d0a1a0a0000'::bytea WHERE sha256 = ?", [digest.hex])
            try s.query("ALTER TABLE attachment_blob ENABLE TRIGGER attachment_blob_append_only")
        }
        var problems = try store.check()
        #expect(problems.contains { $0.contains("case \(number) #2") && $0.contains("no longer matches the hash") && $0.contains(digest.short) },
                "\(problems)")
        try store.read { s throws(GridError) in
            try s.query("ALTER TABLE attachment DISABLE TRIGGER attachment_append_only")
            try s.query("DELETE FROM attachment WHERE sha256 <> ?", [digest.hex])
            try s.query("ALTER TABLE attachment ENABLE TRIGGER attachment_append_only")
        }
        problems = try store.check()
        #expect(problems.contains { $0.contains("recorded an attachment") && $0.contains("row is missing") }, "\(problems)")
    }

    @Test("an office copied from SQLite brings its attachments byte for byte, and the copy passes check")
    func copyAttachments() throws {
        let sqlite = try StoreKind.sqliteFile.demoCounty()
        let source = try #require(sqlite.store as? SQLiteStore)
        let (number, digest) = try caseWithPhotos(sqlite)
        let db = try PGTestDatabase()
        let target = try PostgresStore.create(db.location)
        db.stores.append(target)
        let report = try StoreCopy.copy(from: source, to: target)
        #expect(report.counts.first { $0.table == "attachment" }?.rows == (try source.readDatabase { db in
            try Int64.fetchOne(db, sql: "SELECT count(*) FROM attachment") ?? 0 }))
        #expect(try target.attachments(of: number) == (try source.attachments(of: number)))
        #expect(try target.attachmentContent(digest) == DemoPhotos.png(kind: .after, seed: 11))
        #expect(try target.check() == [])
        // The identity sequence moved past the copied rows: a new attachment gets a fresh id.
        let services = GridServices(target)
        _ = try services.attach([AttachmentDraft(kind: .doc, fileName: "方案.pdf", bytes: DemoPhotos.pdf(title: "方案"))], to: number,
                                context: Fixture.context())
        #expect(try target.attachments(of: number).map(\.index) == [1, 2, 3])
        #expect(try target.check() == [])
    }
}
