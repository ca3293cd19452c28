import Foundation
import Testing

/// Opening a file civgrid did not make changes nothing; a read changes nothing; a killed demo leaves no half-built database.
@Suite("civgrid command line: files are left as they were", .serialized)
struct FileSafetyCLITests {
    func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    func sqlite(_ path: String, _ sql: String) throws -> String { try CLIHarness.sqlite3(path, sql) }

    @Test("an empty file and a foreign SQLite file are refused byte-for-byte unchanged, for reads and for writes")
    func emptyAndForeign() throws {
        let h = CLIHarness()
        let empty = h.folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        for args in [["tree"], ["set", "x", "y", "1"], ["check"]] {
            let r = try h.run(args + ["--db", empty])
            #expect(r.code == 4, "\(args): \(r.err)")
            #expect(r.err.contains("empty file"))
            #expect(bytes(empty).isEmpty, "\(args) left the empty file empty")
        }
        let foreign = h.folder.appendingPathComponent("other.db").path
        _ = try sqlite(foreign, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts VALUES (1, '张三');")
        let before = bytes(foreign)
        for args in [["tree"], ["set", "x", "y", "1"], ["log"]] {
            let r = try h.run(args + ["--db", foreign])
            #expect(r.code == 4, "\(args): \(r.err)")
            #expect(r.err.contains("not a civgrid database"))
            #expect(bytes(foreign) == before, "\(args) changed the foreign file")
        }
        #expect(try sqlite(foreign, "PRAGMA journal_mode") == "delete", "never switched to WAL")
    }

    @Test("reading commands leave the database file and its schema version unchanged")
    func readsChangeNothing() throws {
        let h = CLIHarness()
        try h.demo()
        let version = try sqlite(h.dbPath, "PRAGMA schema_version")
        let before = bytes(h.dbPath)
        for args in [["tree"], ["show", "云明苑"], ["log"], ["stats"], ["case", "list"], ["rank", "--period", "2026-11"],
                     ["report", "--format", "txt"], ["operator", "list"], ["check"], ["export", "--kind", "cells", "--format", "json"]] {
            let r = try h.run(args)
            #expect(r.code == 0, "\(args): \(r.err)")
        }
        #expect(try sqlite(h.dbPath, "PRAGMA schema_version") == version)
        #expect(bytes(h.dbPath) == before)
    }

    @Test("a demo killed while it builds leaves the old database, and no half-built one in its place")
    func killedDemo() throws {
        let h = CLIHarness()
        try h.demo()
        let before = bytes(h.dbPath)
        let p = Process()
        p.executableURL = CLIHarness.binary
        p.arguments = ["demo", "--scale", "city"]
        p.environment = ["LANG": "C.UTF-8", "CIVGRID_DB": h.dbPath, "CIVGRID_LOGIN": "admin", "CIVGRID_NOW": CLIHarness.now,
                         "HOME": h.folder.path, "SWIFT_BACKTRACE": "interactive=no"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until the build has begun writing, then kill it mid-way.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: h.folder.path)) ?? []
            if names.contains(where: { $0.contains(".building-") }) { break }
            usleep(20_000)
        }
        usleep(300_000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal, "the city demo was still building when killed")
        #expect(bytes(h.dbPath) == before, "the demo county is untouched")
        #expect(try h.run(["check"]).code == 0)
    }
}
