import Foundation
import GRDB
import GridCore
import Testing
@testable import GridStore

@Suite("Opening databases")
struct OpeningTests {
    @Test("migrations run from an empty file; the result is WAL, owner+group only, and reopens")
    func createAndReopen() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        let mode = try store.db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let perms = try FileManager.default.attributesOfItem(atPath: temp.path)[.posixPermissions] as? Int
        #expect(perms == 0o660)
        let again = try SQLiteStore.open(path: temp.path)
        #expect(try again.offices().map(\.name) == ["城关县三创办"])
        #expect(try again.themes().count == StandardThemes.all.count)
        #expect(try again.meta("kind") == "office")
    }

    @Test("a missing file says how to create one")
    func missing() {
        #expect {
            try SQLiteStore.open(path: "/nonexistent/grid.sqlite")
        } throws: { ($0 as? GridError)?.description.contains("civgrid init --office") == true }
    }

    @Test("a corrupt file is refused with one message and left byte-for-byte unchanged")
    func corrupt() throws {
        let temp = TempDatabase()
        let junk = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try junk.write(to: URL(fileURLWithPath: temp.path))
        #expect {
            try SQLiteStore.open(path: temp.path)
        } throws: { error in
            guard let e = error as? GridError, case .database(let m) = e else { return false }
            return m.contains("not a usable civgrid database")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: temp.path)) == junk)
    }

    @Test("a SQLite file that is not civgrid's is refused")
    func foreign() throws {
        let temp = TempDatabase()
        let queue = try DatabaseQueue(path: temp.path)
        try queue.write { try $0.execute(sql: "CREATE TABLE t(x)") }
        try queue.close()
        #expect {
            try SQLiteStore.open(path: temp.path)
        } throws: { ($0 as? GridError)?.description.contains("not a civgrid database") == true }
    }

    @Test("a database from a newer civgrid is refused and not touched")
    func newerSchema() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        try store.db.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        #expect {
            try SQLiteStore.open(path: temp.path)
        } throws: { ($0 as? GridError)?.description.contains("newer civgrid") == true }
    }

    @Test("a read-only store refuses writes with a message and changes nothing")
    func readOnly() throws {
        let temp = TempDatabase()
        let writable = try Fixture.county(temp)
        let (row, cell) = try Fixture.cell(writable, status: .ok)
        let before = try Fixture.auditCount(writable)
        let store = try SQLiteStore.connect(path: temp.path, readOnly: true)
        #expect {
            try store.changeStatus(communityID: row.community.id, themeID: cell.theme.id,
                                   StatusChangeRequest(status: .problem, note: "x"), context: Fixture.context())
        } throws: { ($0 as? GridError)?.description.contains("read-only") == true }
        #expect(try Fixture.auditCount(writable) == before)
    }
}
