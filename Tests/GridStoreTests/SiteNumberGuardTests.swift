import GRDB
import GridCore
@testable import GridStore
import Testing

/// v9's guard in SQLite itself: whatever writes to the file (another client, a script), a second live community of an
/// office cannot take a declared-site number; legacy duplicates stay writable in their other fields.
@Suite("SQLite: the declared-site number guard", .serialized)
struct SiteNumberGuardTests {
    @Test("an insert or update giving a live community another site's number is aborted; a retired holder frees it")
    func guardTriggers() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let db = try DatabaseQueue(path: temp.path)
        let (street, holder) = try db.read { db in
            (try Int64.fetchOne(db, sql: "SELECT street_id FROM community WHERE declared_site = 3")!,
             try Int64.fetchOne(db, sql: "SELECT id FROM community WHERE declared_site = 3")!)
        }
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "INSERT INTO community (street_id, name, kind, declared_site) VALUES (?, '东门公厕', 'toilet', 3)",
                                          arguments: [street]) }
        }
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "UPDATE community SET declared_site = 3 WHERE declared_site = 4") }
        }
        try db.write { try $0.execute(sql: "UPDATE community SET retired_on = '2026-11-01' WHERE id = ?", arguments: [holder]) }
        try db.write { try $0.execute(sql: "UPDATE community SET declared_site = 3 WHERE declared_site = 4") }
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "UPDATE community SET retired_on = NULL WHERE id = ?", arguments: [holder]) }
        }
        _ = store
    }

    @Test("the register's read and the site filter use the partial site index")
    func plans() throws {
        let temp = TempDatabase()
        _ = try Fixture.county(temp)
        let db = try DatabaseQueue(path: temp.path)
        let plan = try db.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT c.id FROM community c WHERE c.declared_site IS NOT NULL AND c.retired_on IS NULL ORDER BY c.declared_site, c.id")
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("community_site"), "\(plan)")
    }
}
