import Foundation
import Testing

/// Runs the built `civgrid` binary with a pinned environment and a temporary database, the way a script
/// or an operator would, and captures stdout, stderr and the exit code.
final class CLIHarness: Sendable {
    let folder: URL
    var dbPath: String { folder.appendingPathComponent("grid.sqlite").path }
    static let now = "2026-11-30T02:00:00.000Z"

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("civgrid-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The civgrid executable next to the test bundle.
    static var binary: URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("civgrid")
    }

    struct Result {
        var code: Int32
        var out: String
        var err: String
        var lines: [String] { out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    /// Runs civgrid with `args` as operator `login` (CIVGRID_LOGIN; the demo's admin by default).
    @discardableResult
    func run(_ args: [String], login: String? = "admin", extraEnv: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = CLIHarness.binary
        p.arguments = args
        var env = ["LANG": "C.UTF-8", "TZ": "Asia/Shanghai", "HOME": folder.path, "PATH": "/usr/bin:/bin",
                   "CIVGRID_DB": dbPath, "CIVGRID_NOW": CLIHarness.now, "SWIFT_BACKTRACE": "interactive=no"]
        if let login { env["CIVGRID_LOGIN"] = login }
        env.merge(extraEnv) { $1 }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(code: p.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }

    /// A demo county in this harness's database, created as `login`.
    func demo(login: String = "admin") throws {
        let r = try run(["demo"], login: login)
        #expect(r.code == 0, "demo failed: \(r.err)")
    }

    /// Parses stdout as JSON.
    func json(_ args: [String], login: String? = "admin") throws -> Any {
        let r = try run(args, login: login)
        #expect(r.code == 0, "\(args) failed: \(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8))
    }

    /// Runs `sql` with the sqlite3 tool on `path` (the attacker's or the inspector's view) and returns its output,
    /// trimmed of `trimming`.
    @discardableResult
    static func sqlite3(_ path: String, _ sql: String, trimming: CharacterSet = .whitespacesAndNewlines) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: trimming)
    }

    /// The newest audit id (0 when empty), to prove a refused command wrote nothing.
    func lastAuditID() throws -> Int {
        let rows = try json(["log", "--limit", "1", "--json"]) as? [[String: Any]]
        return (rows?.first?["id"] as? Int) ?? 0
    }
}
