import Foundation
import Testing

/// Real OS users and a setgid civgrid for the deployment tests (root only): each test gets its own users, group and
/// folder, removed when it ends.
final class SharedOffice {
    static let isRoot = getuid() == 0

    let tag = String(UInt32.random(in: 0..<100_000))
    let group: String, root: String
    var data: String { root + "/data" }
    var bin: String { root + "/bin/civgrid" }
    private(set) var users: [String] = []
    /// `CIVGRID_DB` for the shared database (a real office database: the clock is the system's, not pinned).
    var env: [String: String] { ["CIVGRID_DB": data + "/grid.sqlite"] }

    /// Creates a folder and runs `civgrid server setup` into it with a new data group.
    init(_ prefix: String) throws {
        group = "cg\(prefix)\(tag)"
        root = "/tmp/civgrid-\(prefix)-\(tag)"
        SharedOffice.shell("mkdir -p \(root) && chmod 755 \(root)")
        let setup = Process()
        setup.executableURL = CLIHarness.binary
        setup.arguments = ["server", "setup", "--group", group, "--data", data, "--bin", bin]
        setup.standardOutput = FileHandle.nullDevice
        try setup.run()
        setup.waitUntilExit()
        #expect(setup.terminationStatus == 0)
    }

    deinit {
        SharedOffice.shell(users.map { "userdel \($0)" }.joined(separator: "; ") + "; groupdel \(group); rm -rf \(root)")
    }

    /// A new OS user with a primary group of its own (not the data group).
    func user(_ name: String) -> String {
        let login = "cg\(name)\(tag)"
        SharedOffice.shell("useradd -M -U -s /bin/sh \(login)")
        users.append(login)
        return login
    }

    /// Runs `args` as OS user `user` (via runuser) with a clean environment plus `env`.
    func run(as user: String, _ args: [String], env extra: [String: String] = [:]) throws -> (code: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        let vars = ["LANG=C.UTF-8", "TZ=Asia/Shanghai", "PATH=/usr/bin:/bin", "HOME=/tmp", "SWIFT_BACKTRACE=interactive=no"]
            + extra.map { "\($0.key)=\($0.value)" }
        p.arguments = ["-u", user, "--", "/usr/bin/env", "-i"] + vars + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// civgrid (the setgid copy) as `user` on the shared database.
    func civgrid(as user: String, _ args: [String], env extra: [String: String] = [:]) throws -> (code: Int32, out: String, err: String) {
        try run(as: user, [bin] + args, env: env.merging(extra) { $1 })
    }

    static func shell(_ command: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
    }

    static func groupName(ofFile path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, let g = getgrgid(info.st_gid) else { return nil }
        return String(cString: g.pointee.gr_name)
    }
}
