import ArgumentParser
import Foundation
import GridCore

/// `civgrid server setup`: the shared office deployment. A dedicated group owns the data directory; civgrid is
/// installed setgid to that group, so operators (who are not in the group) reach the database only through civgrid,
/// which knows them by their real uid. Every file in the directory is created group-readable and -writable by a
/// process running as that group, so no operator's `-wal` or `-shm` file locks the others out.
struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server", abstract: "Set up a shared office server: data group, data directory, setgid civgrid.",
        subcommands: [Setup.self])

    struct Setup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setup", abstract: "As root: create the data group and directory and install civgrid setgid to it.",
            discussion: """
                Operators must NOT be members of the group: they reach the database only through civgrid. Afterwards, \
                as the office's first admin: civgrid init --office NAME --db DATA/grid.sqlite, and export \
                CIVGRID_DB=DATA/grid.sqlite for everyone (e.g. in /etc/profile.d/civgrid.sh).
                """)

        @Option(help: "The group that owns the data (operators are not in it).") var group = "civgrid"
        @Option(help: ArgumentHelp("The data directory.", valueName: "dir")) var data = "/srv/civgrid"
        @Option(help: ArgumentHelp("Where to install the setgid civgrid.", valueName: "path")) var bin = "/usr/local/bin/civgrid"

        func run() throws {
            guard getuid() == 0 else {
                throw GridError.permissionDenied("server setup changes groups, owners and modes: run it as root (sudo civgrid server setup …)")
            }
            let gid = try ServerSetup.ensureGroup(group)
            try ServerSetup.makeDataDirectory(data, gid: gid)
            try ServerSetup.install(from: ServerSetup.currentExecutable(), to: bin, gid: gid)
            Output.print("""
                已完成 done:
                  group     \(group) (gid \(gid)) — do not add operators to it
                  data      \(data)  (root:\(group), mode 2770: setgid, group only)
                  civgrid   \(bin)  (root:\(group), mode 2755: setgid \(group))
                next, as the office's first admin (their own login, no sudo):
                  \(bin) init --office 城关县三创办 --db \(data)/grid.sqlite
                and give every operator CIVGRID_DB=\(data)/grid.sqlite (e.g. /etc/profile.d/civgrid.sh)
                """)
        }
    }
}

/// The steps of `server setup`, each checked and explained on failure.
enum ServerSetup {
    /// The gid of `group`, creating it as a system group when missing.
    static func ensureGroup(_ group: String) throws(GridError) -> gid_t {
        if let entry = getgrnam(group) { return entry.pointee.gr_gid }
        try run("/usr/sbin/groupadd", ["--system", group])
        guard let entry = getgrnam(group) else { throw .database("groupadd \(group) ran but the group does not exist") }
        return entry.pointee.gr_gid
    }

    /// `dir` owned by root and `gid`, mode 2770: new files inherit the group (setgid directory), others see nothing.
    static func makeDataDirectory(_ dir: String, gid: gid_t) throws(GridError) {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw .database("cannot create \(dir): \(error.localizedDescription)")
        }
        guard chown(dir, 0, gid) == 0, chmod(dir, 0o2770) == 0 else {
            throw .database("cannot set owner root:\(gid) and mode 2770 on \(dir): \(String(cString: strerror(errno)))")
        }
        // Files already there (a database moved in) join the group, readable and writable by it only.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
            let path = dir + "/" + name
            _ = chown(path, uid_t.max, gid)
            _ = chmod(path, 0o660)
        }
    }

    /// Copies the running civgrid to `target`, root:`gid`, mode 2755 (setgid), replacing it atomically.
    static func install(from source: String, to target: String, gid: gid_t) throws(GridError) {
        let temporary = target + ".installing"
        do {
            try? FileManager.default.removeItem(atPath: temporary)
            // A folder created for it must be reachable by every operator (the process's umask is 007).
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            try FileManager.default.copyItem(atPath: source, toPath: temporary)
        } catch {
            throw .database("cannot copy \(source) to \(temporary): \(error.localizedDescription)")
        }
        // chown clears the setgid bit, so the mode is set after it.
        guard chown(temporary, 0, gid) == 0, chmod(temporary, 0o2755) == 0, rename(temporary, target) == 0 else {
            throw .database("cannot install \(target) as root:\(gid) mode 2755: \(String(cString: strerror(errno)))")
        }
    }

    /// The path of the running executable.
    static func currentExecutable() throws(GridError) -> String {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            throw .database("cannot find the running civgrid (/proc/self/exe)")
        }
        return path
    }

    static func run(_ tool: String, _ arguments: [String]) throws(GridError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        do {
            try process.run()
        } catch {
            throw .database("cannot run \(tool): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .database("\(tool) \(arguments.joined(separator: " ")) failed (exit \(process.terminationStatus))")
        }
    }
}
