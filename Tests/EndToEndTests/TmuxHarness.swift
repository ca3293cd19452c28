import Foundation
import Testing

/// Drives the built civgrid under a private tmux server: send keys, capture the pane, poll with a timeout
/// and dump the pane when an expectation fails (as tig's and fzf's real-terminal tests do).
final class TmuxHarness: @unchecked Sendable {
    let socket = "civgrid-e2e-\(getpid())-\(UUID().uuidString.prefix(6))"
    let folder: URL
    var dbPath: String { address ?? folder.appendingPathComponent("grid.sqlite").path }
    /// A PostgreSQL database's address instead of the file (`CIVGRID_DB`), for the console on a server.
    var address: String?
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { tmux != nil }
    static var binary: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("civgrid").path
    }
    static let now = "2026-11-30T02:00:00.000Z"

    /// Whether this harness created (and so removes) the folder.
    let ownsFolder: Bool

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("civgrid-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        ownsFolder = true
    }

    /// A second tmux server on the same database (a restart, another operator).
    init(sharing other: TmuxHarness) throws {
        folder = other.folder
        address = other.address
        ownsFolder = false
    }

    deinit {
        _ = try? tmux(["kill-server"])
        if ownsFolder { try? FileManager.default.removeItem(at: folder) }
    }

    /// The pinned environment every civgrid process here gets, as `env` arguments.
    func environment(term: String = "xterm-256color", extra: [String: String] = [:]) -> [String] {
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": term, "TZ": "Asia/Shanghai", "HOME": folder.path,
                   "CIVGRID_DB": dbPath, "CIVGRID_NOW": TmuxHarness.now, "CIVGRID_LOGIN": "admin",
                   "SWIFT_BACKTRACE": "interactive=no", "PATH": "/usr/bin:/bin"]
        env.merge(extra) { $1 }
        return env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    /// Runs the CLI to completion (no terminal), for setup and for checking what the console wrote.
    @discardableResult
    func cli(_ args: [String]) throws -> (code: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["-i"] + environment() + [TmuxHarness.binary] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Starts a detached session running `command`. tmux daemonizes, so it is started with posix_spawn and
    /// waitpid: Foundation's Process would wait for the daemon too.
    func start(_ command: [String], width: Int = 80, height: Int = 24) throws {
        let args = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)"] + command
        let argv = ([TmuxHarness.tmux!] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The test runner may block or ignore signals; tmux and the console must start from defaults.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawn(&pid, TmuxHarness.tmux!, nil, &attr, argv, environ) == 0 else {
            throw HarnessError("posix_spawn tmux failed")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        _ = try tmux(["set-option", "-g", "status", "off"])
        _ = try tmux(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The console in a pane of its own, with the pinned environment.
    func startConsole(term: String = "xterm-256color", extra: [String: String] = [:], width: Int = 80, height: Int = 24) throws {
        try start(["/usr/bin/env", "-i"] + environment(term: term, extra: extra) + [TmuxHarness.binary], width: width, height: height)
    }

    /// An interactive shell in the pane (for Ctrl-Z / fg and stty checks), with the pinned environment.
    func startShell(term: String = "xterm-256color") throws {
        try start(["/usr/bin/env", "-i"] + environment(term: term) + ["PS1=$ ", "/bin/bash", "--norc", "--noprofile", "-i"])
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxHarness.tmux!)
        p.arguments = ["-L", socket] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs a helper program (pgrep, kill) and returns its output.
    func run(_ path: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends tmux key names (`j`, `Enter`, `C-z`) one by one.
    func keys(_ names: String...) throws {
        for name in names { try tmux(["send-keys", "-t", "t", name]) }
    }

    /// Types literal text.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }

    /// The pane's text.
    func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", "t"]) }

    /// Waits until the pane shows `text` (up to `seconds`); on timeout records an issue with the pane.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 5, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        try waitUntil(seconds: seconds, "“\(text)”", sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits until `condition` holds for the pane's text.
    @discardableResult
    func waitUntil(seconds: Double = 5, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var pane = ""
        while Date() < deadline {
            pane = try capture()
            if condition(pane) { return true }
            usleep(50_000)
        }
        Issue.record("timed out after \(seconds)s waiting for \(what); the pane shows:\n\(pane)", sourceLocation: sourceLocation)
        return false
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
