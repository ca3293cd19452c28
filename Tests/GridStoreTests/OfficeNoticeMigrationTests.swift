import Foundation
import GRDB
import GridCore
@testable import GridStore
@testable import GridStorePostgres
import Testing

/// v13 / pg7 on a database that already has notices and operators: the rows stay (their office NULL: notices of the
/// whole database, numbered on as before), each office then numbers its own, the number stays unique per office and
/// year (NULL counting as one office), and nobody is removed.
@Suite("Migration v13 / pg7: notices of an office, removed operators")
struct OfficeNoticeMigrationTests {
    static let oldNotices = [
        "INSERT INTO office (name) VALUES ('城关县三创办')",
        "INSERT INTO operator (login, name, role, added_at) VALUES ('zhangwei', '张伟', 'inspector', '2026-01-05T01:00:00.000Z')",
        """
        INSERT INTO notice (year, issue, period_from, period_to, issued_at, issued_by) VALUES
            (2026, 1, '2026-09-01', '2026-09-30', '2026-10-01T01:00:00.000Z', 'zhangwei'),
            (2026, 2, '2026-10-01', '2026-10-31', '2026-11-01T01:00:00.000Z', 'zhangwei')
        """,
    ]
    static let duplicate = "INSERT INTO notice (year, issue, period_from, period_to, issued_at, issued_by) "
        + "VALUES (2026, 2, '2026-12-01', '2026-12-31', '2027-01-01T01:00:00.000Z', 'zhangwei')"

    @Test("SQLite: a v12 file's notices keep their numbers and ids after the table is rebuilt")
    func sqlite() throws {
        let temp = TempDatabase()
        let queue = try DatabaseQueue(path: temp.path)
        try Schema.migrator.migrate(queue, upTo: "v12-office-scope")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('kind', 'office')")
            for sql in Self.oldNotices { try db.execute(sql: sql) }
        }
        try queue.close()
        let store = try SQLiteStore.open(path: temp.path)
        try expectUpgraded(store)
        let rows = try store.db.read { try Row.fetchAll($0, sql: "SELECT id, issue, office_id FROM notice ORDER BY id") }
        #expect(rows.map { $0["id"] as Int64 } == [1, 2] && rows.allSatisfy { ($0["office_id"] as Int64?) == nil })
        #expect(throws: (any Error).self) { try store.db.write { try $0.execute(sql: Self.duplicate) } }
        #expect(try store.check().isEmpty)
    }

    @Test("PostgreSQL: a pg6 database's notices keep their numbers after pg7", .enabled(if: PGTestServer.location != nil))
    func postgres() throws {
        let db = try PGTestDatabase()
        let old = PostgresStore(location: db.location, session: try PGSession(location: db.location))
        try old.migrate(Array(PGSchema.migrations.prefix { $0.name != "pg7-office-notices" }), grantingRoles: false)
        try old.read { s throws(GridError) in try s.execute(Self.oldNotices) }
        old.close()
        let store = try PostgresStore.open(db.location)
        db.stores.append(store)
        #expect(try store.appliedMigrations() == PGSchema.migrations.map(\.name))
        try expectUpgraded(store)
        #expect(throws: GridError.self) { try store.read { s throws(GridError) in try s.execute([Self.duplicate]) } }
    }

    /// What both stores answer after the upgrade.
    func expectUpgraded(_ store: any GridRepository) throws {
        #expect(try store.nextNoticeIssue(year: 2026) == 3, "the whole database's notices number on")
        #expect(try store.nextNoticeIssue(year: 2026, officeID: 1) == 1, "the office starts its own")
        let op = try store.operatorAccount(login: "zhangwei")
        #expect(op.role == .inspector && !op.isRemoved && op.removedBy == nil)
    }
}
