import Foundation
import Testing

/// The command line against a PostgreSQL server (`CIVGRID_TEST_PG`, started by `.ci/run`): the same commands, the same
/// answers, and a clear word where a command is SQLite's alone.
@Suite("CLI on PostgreSQL", .enabled(if: PostgresCLI.server != nil || PostgresCLI.required,
                                     "no PostgreSQL server (CIVGRID_TEST_PG unset): CLI-on-PostgreSQL tests skipped"))
struct PostgresCLITests {
    @Test("demo, set, log, case, check and export run against a server database")
    func mainCommands() throws {
        let (h, db) = try PostgresCLI.harness()
        defer { PostgresCLI.drop(db) }
        let demo = try h.run(["demo"])
        #expect(demo.code == 0, "\(demo.err)")
        #expect(demo.out.contains("账本 #"))
        let set = try h.run(["set", "云明苑", "公益广告", "有问题", "--note", "广告牌破损、字迹褪色"])
        #expect(set.code == 0, "\(set.err)")
        #expect(set.out.contains("已上报案件"))
        #expect(try h.run(["log"]).out.contains("达标 → 有问题"))
        let cases = try h.run(["case", "list"])
        #expect(cases.code == 0 && cases.lines.count > 3, "\(cases.err)")
        let check = try h.run(["check"])
        #expect(check.code == 0, "\(check.out)\(check.err)")
        #expect(check.out.contains("audit chain"))
        let tree = try h.run(["tree"])
        #expect(tree.out.contains("城关县三创办"))
        let export = try h.run(["export", "--kind", "communities", "--output", h.folder.appendingPathComponent("out.csv").path])
        #expect(export.code == 0, "\(export.err)")
    }

    @Test("backup and restore of a server database say to use pg_dump / pg_restore and change nothing")
    func backupRefused() throws {
        let (h, db) = try PostgresCLI.harness()
        defer { PostgresCLI.drop(db) }
        #expect(try h.run(["demo"]).code == 0)
        let backup = try h.run(["backup"])
        #expect(backup.code == 2)
        #expect(backup.err.contains("pg_dump"))
        let restore = try h.run(["restore", "/etc/hostname", "--force"])
        #expect(restore.code == 2)
        #expect(restore.err.contains("pg_restore"))
    }

    @Test("migrate copies an office with its chain, and a second run is refused without duplicating it")
    func migrate() throws {
        let sqlite = CLIHarness()
        try sqlite.demo()
        let (h, db) = try PostgresCLI.harness()
        defer { PostgresCLI.drop(db) }
        let head = try sqlite.run(["check"]).out.components(separatedBy: "账本 ").last ?? "?"
        let first = try h.run(["migrate", "--from", sqlite.dbPath, "--to", h.dbPath])
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out.contains("账本 \(head.trimmingCharacters(in: .whitespacesAndNewlines))"), "\(first.out)")
        let again = try h.run(["migrate", "--from", sqlite.dbPath, "--to", h.dbPath])
        #expect(again.code == 2)
        #expect(again.err.contains("already holds an office"))
        #expect(try h.run(["check"]).code == 0)
        // The field work came along: the site register, the rounds with their coverage, and the photos read the same.
        for args in [["site", "list"], ["round", "list"], ["coverage", "--round", "1"], ["case", "list", "--limit", "500"]] {
            let here = try sqlite.run(args), there = try h.run(args)
            #expect(here.code == 0 && there.code == 0, "\(args): \(here.err)\(there.err)")
            #expect(there.out == here.out, "\(args) differs after migrate")
        }
    }

    @Test("operator add and set keep the person's server login role in the matching civgrid group; pg grants re-grants")
    func operatorServerRoles() throws {
        try PostgresCLI.withDemoAndLogin { h, login in try operatorServerRoles(h, login) }
    }

    func operatorServerRoles(_ h: PostgresCLIHarness, _ login: String) throws {
        let add = try h.run(["operator", "add", login, "--name", "欧阳娜娜", "--role", "clerk"])
        #expect(add.code == 0, "\(add.err)")
        #expect(add.out.contains("GRANT civgrid_clerk TO \"\(login)\""), "\(add.out)")
        let groups = "SELECT u.rolcanlogin::text || ':' || coalesce(string_agg(g.rolname, ',' ORDER BY g.rolname), '') FROM pg_roles u "
            + "LEFT JOIN pg_auth_members m ON m.member = u.oid LEFT JOIN pg_roles g ON g.oid = m.roleid WHERE u.rolname = '\(login)' GROUP BY u.rolcanlogin"
        #expect(try PostgresCLI.psqlValue(h.address, groups) == "true:civgrid_clerk")
        let set = try h.run(["operator", "set", login, "--role", "viewer"])
        #expect(set.code == 0, "\(set.err)")
        #expect(try PostgresCLI.psqlValue(h.address, groups) == "true:civgrid_viewer")
        // A name change leaves the server alone; an operator's role already in step changes nothing there.
        let rename = try h.run(["operator", "set", login, "--name", "欧阳"])
        #expect(rename.code == 0 && !rename.out.contains("服务器角色"), "\(rename.out)")
        let grants = try h.run(["pg", "grants"])
        #expect(grants.code == 0 && grants.out.contains("civgrid_viewer"), "\(grants.err)")
        // A clerk may not change operators: refused by civgrid before the server is asked.
        let clerk = try h.run(["operator", "set", login, "--role", "admin"], login: "lina")
        #expect(clerk.code == 3, "\(clerk.err)")
        #expect(try PostgresCLI.psqlValue(h.address, groups) == "true:civgrid_viewer")
    }

    @Test("pg grants on an SQLite file is refused with what it is for")
    func grantsOnSQLite() throws {
        let h = CLIHarness()
        try h.demo()
        let r = try h.run(["pg", "grants"])
        #expect(r.code == 2 && r.err.contains("only on a PostgreSQL"), "\(r.err)")
    }

    @Test("a database that does not exist on the server is refused with the reason")
    func missingDatabase() throws {
        let h = try PostgresCLI.harness(database: "civgrid_cli_absent_\(UUID().uuidString.prefix(8).lowercased())", create: false)
        let r = try h.run(["tree"])
        #expect(r.code == 4)
        #expect(r.err.contains("refused the connection"), "\(r.err)")
    }
}

/// The server the CLI tests create their databases on.
enum PostgresCLI {
    static var required: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["CI"] == "true" || env["CIVGRID_REQUIRE_PG"] == "1"
    }

    /// `postgresql:///postgres?host=/dir`, or nil.
    static var server: String? {
        guard let text = ProcessInfo.processInfo.environment["CIVGRID_TEST_PG"], !text.isEmpty else { return nil }
        return text.hasPrefix("host=") ? "postgresql:///postgres?\(text)" : text
    }

    /// A harness whose CIVGRID_DB is a new database on the server (created with psql).
    static func harness(database: String? = nil, create: Bool = true) throws -> PostgresCLIHarness {
        guard let server else { throw PostgresCLIError(message: "no PostgreSQL test server: set CIVGRID_TEST_PG or run `bash .ci/run`") }
        let name = database ?? "civgrid_cli_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        if create { try psql(server, "CREATE DATABASE \(name)") }
        guard let range = server.range(of: "/postgres?") else { throw PostgresCLIError(message: "CIVGRID_TEST_PG must name the postgres database") }
        return PostgresCLIHarness(server.replacingCharacters(in: range, with: "/\(name)?"))
    }

    static func harness() throws -> (PostgresCLIHarness, String) {
        let h = try harness(database: nil, create: true)
        return (h, h.database)
    }

    static func drop(_ name: String) {
        if let server { try? psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }

    /// The one value `sql` returns, read with psql.
    static func psqlValue(_ address: String, _ sql: String) throws -> String {
        let p = Process(), out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        p.arguments = ["-qAt", "-v", "ON_ERROR_STOP=1", address, "-c", sql]
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func psql(_ server: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        p.arguments = ["-q", "-v", "ON_ERROR_STOP=1", server, "-c", sql]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw PostgresCLIError(message: "psql failed: \(sql)") }
    }
}

struct PostgresCLIError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// `CLIHarness` with CIVGRID_DB set to a server address.
final class PostgresCLIHarness: Sendable {
    let inner = CLIHarness()
    let address: String
    var database: String { String(address.split(separator: "?")[0].split(separator: "/").last ?? "") }
    var dbPath: String { address }
    var folder: URL { inner.folder }

    init(_ address: String) { self.address = address }

    /// Runs civgrid against the server database as `login`.
    @discardableResult
    func run(_ args: [String], login: String? = "admin") throws -> CLIHarness.Result {
        try inner.run(args, login: login, extraEnv: ["CIVGRID_DB": address])
    }
}
