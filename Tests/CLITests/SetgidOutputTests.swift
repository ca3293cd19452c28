import Foundation
import Testing

/// Output files under a setgid installation: an operator's -o path is written with the operator's own group, so
/// the data group's folder (and the database in it) cannot be written through export, report, notice or backup.
@Suite("Output files of a setgid civgrid (real OS users)", .serialized)
struct SetgidOutputTests {
    static let isRoot = getuid() == 0

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

    @Test("export, report, notice and backup -o cannot write into the data folder; an operator's file gets the operator's group",
          .enabled(if: isRoot, "needs root to create OS users and a group (run the suite as root, as CI does)"))
    func outputsAsOperator() throws {
        let tag = String(UInt32.random(in: 0..<100_000))
        let group = "cgout\(tag)", alice = "cgoa\(tag)", bob = "cgob\(tag)"
        let root = "/tmp/civgrid-setgid-out-\(tag)"
        let data = root + "/data", bin = root + "/bin/civgrid", mine = root + "/bob"
        shell("useradd -M -U -s /bin/sh \(alice) && useradd -M -U -s /bin/sh \(bob) && mkdir -p \(mine) && chmod 755 \(root) && chown \(bob):\(bob) \(mine)")
        defer { shell("userdel \(alice); userdel \(bob); groupdel \(group); rm -rf \(root)") }
        let setup = Process()
        setup.executableURL = CLIHarness.binary
        setup.arguments = ["server", "setup", "--group", group, "--data", data, "--bin", bin]
        setup.standardOutput = FileHandle.nullDevice
        try setup.run()
        setup.waitUntilExit()
        #expect(setup.terminationStatus == 0)
        let db = ["CIVGRID_DB": data + "/grid.sqlite", "CIVGRID_NOW": CLIHarness.now]
        #expect(try run(as: alice, [bin, "demo"], env: db).code == 0)
        #expect(try run(as: alice, [bin, "operator", "add", bob, "--name", "鲍勃", "--role", "inspector"], env: db).code == 0)

        let attempts: [[String]] = [
            ["export", "--kind", "communities", "-o", data + "/grid.sqlite"],
            ["export", "--kind", "communities", "-o", data + "/planted.csv"],
            ["report", "-o", data + "/report.md"],
            ["notice", "--from", "2026-11-01", "--to", "2026-11-30", "--preview", "-o", data + "/notice.txt"],
            ["backup", "-o", data + "/copy.sqlite"],
        ]
        for args in attempts {
            let r = try run(as: bob, [bin] + args, env: db)
            #expect(r.code != 0, "\(args.prefix(3)) wrote into the data folder")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: data).filter { !$0.hasPrefix("grid.sqlite") }
        #expect(left.isEmpty, "nothing new in the data folder: \(left)")
        #expect(try run(as: alice, [bin, "check"], env: db).code == 0, "the database is intact")

        let export = try run(as: bob, [bin, "export", "--kind", "communities", "-o", mine + "/out.csv"], env: db)
        #expect(export.code == 0, "\(export.err)")
        #expect(groupName(ofFile: mine + "/out.csv") == bob, "the operator's file has the operator's group, not the data group")
        #expect(try run(as: bob, [bin, "backup", "-o", mine + "/copy.sqlite"], env: db).code == 0)
        #expect(groupName(ofFile: mine + "/copy.sqlite") == bob)
    }
}
