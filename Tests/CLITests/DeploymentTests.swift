import Foundation
import Testing

/// The shared office deployment end to end, with real OS users. Runs only as root (it creates a group and users and
/// removes them afterwards); elsewhere it says why it did not run.
@Suite("Shared office server (real OS users)", .serialized)
struct DeploymentTests {
    static let isRoot = getuid() == 0

    /// Runs `args` as OS user `user` (via runuser) with a clean environment.
    func run(as user: String, _ args: [String], env: [String: String] = [:]) throws -> (code: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        let vars = ["LANG=C.UTF-8", "TZ=Asia/Shanghai", "PATH=/usr/bin:/bin", "HOME=/tmp", "SWIFT_BACKTRACE=interactive=no"]
            + env.map { "\($0.key)=\($0.value)" }
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

    func shell(_ command: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
    }

    func groupName(ofFile path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, let g = getgrgid(info.st_gid) else { return nil }
        return String(cString: g.pointee.gr_name)
    }

    @Test("two operators in different groups share one database through setgid civgrid; neither can open it with sqlite3",
          .enabled(if: isRoot, "needs root to create OS users and a group (run the suite as root, as CI does)"))
    func sharedOffice() throws {
        let tag = String(UInt32.random(in: 0..<100_000))
        let group = "cgdata\(tag)", alice = "cgalice\(tag)", bob = "cgbob\(tag)"
        let root = "/tmp/civgrid-deploy-\(tag)"
        let data = root + "/data", bin = root + "/bin/civgrid"
        shell("useradd -M -U -s /bin/sh \(alice) && useradd -M -U -s /bin/sh \(bob) && mkdir -p \(root) && chmod 755 \(root)")
        defer { shell("userdel \(alice); userdel \(bob); groupdel \(group); rm -rf \(root)") }

        let setup = Process()
        setup.executableURL = CLIHarness.binary
        setup.arguments = ["server", "setup", "--group", group, "--data", data, "--bin", bin]
        setup.standardOutput = FileHandle.nullDevice
        try setup.run()
        setup.waitUntilExit()
        #expect(setup.terminationStatus == 0)
        let db = ["CIVGRID_DB": data + "/grid.sqlite", "CIVGRID_NOW": CLIHarness.now]

        let demo = try run(as: alice, [bin, "demo"], env: db)
        #expect(demo.code == 0, "\(demo.err)")
        #expect(try run(as: alice, [bin, "operator", "add", bob, "--name", "鲍勃", "--role", "inspector"], env: db).code == 0)
        let tree = try run(as: bob, [bin, "tree"], env: db)
        #expect(tree.code == 0, "bob reads alice's database: \(tree.err)")
        let stats = try run(as: bob, [bin, "operator", "list"], env: db)
        #expect(stats.out.contains(bob))
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: data + "/grid.sqlite" + suffix) {
            #expect(groupName(ofFile: data + "/grid.sqlite" + suffix) == group, "grid.sqlite\(suffix) belongs to the data group")
        }
        // The audit knows bob by his real uid; claiming to be alice is refused.
        let claim = try run(as: bob, [bin, "operator", "add", "mallory", "--name", "x", "--role", "admin"], env: db.merging(["CIVGRID_LOGIN": alice]) { $1 })
        #expect(claim.code == 3, "\(claim.err)")
        // Outside civgrid the file is out of reach.
        let direct = try run(as: bob, ["/usr/bin/sqlite3", data + "/grid.sqlite", "UPDATE cell SET status = 'ok'"])
        #expect(direct.code != 0)
        let read = try run(as: bob, ["/bin/cat", data + "/grid.sqlite"])
        #expect(read.code != 0)
        // After both wrote, the owner still writes (no file left that locks others out).
        #expect(try run(as: alice, [bin, "operator", "set", bob, "--role", "clerk"], env: db).code == 0)
        #expect(try run(as: bob, [bin, "check"], env: db).code == 0)
    }
}
