import ArgumentParser
import Foundation
import GridCore
import GridStore

/// `civgrid backup [-o FILE]`: an online, consistent copy while consoles are open.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the database safely while it is in use.")

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the copy (default: beside the database, with the time).", valueName: "file"))
    var output: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        _ = try store.sqlitePath(env, for: "backup", tool: "pg_dump -Fc (e.g. pg_dump -Fc -f civgrid.dump civgrid)")
        guard let db = try store.open(env, forReading: true) as? SQLiteStore else { return }
        let stamp = env.clock.now().description.prefix(19).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        let path = output ?? db.path.replacingOccurrences(of: ".sqlite", with: "") + ".backup-\(stamp).sqlite"
        let head = try db.auditChainHead()
        // Written under a fresh temporary name in a private folder beside it, then linked into place: a symbolic
        // link planted at the path is refused, and an existing file is never overwritten. A path the operator
        // chose (-o) is written with the operator's own group, never the data group of a setgid installation.
        let write = { () throws(GridError) in
            try SafeFile.refuseLink(path)
            guard !FileManager.default.fileExists(atPath: path) else {
                throw GridError.invalidInput("\(path) already exists; choose another -o path (a backup never overwrites)")
            }
            let folder = try SafeFile.privateFolder(beside: path)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let temporary = folder + "/backup.sqlite"
            try db.backup(to: temporary)
            try SafeFile.moveIntoPlaceWithoutReplacing(temporary, to: path)
        }
        if output != nil { try SafeFile.asOperator(write) } else { try write() }
        Output.print("已备份 backed up → \(path) (\(head.label))")
    }
}

/// `civgrid restore FILE [--force]`: verifies a backup and copies it over the database.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the database with a verified backup (needs --force when it exists).")

    @Argument(help: ArgumentHelp("The backup file.", valueName: "file")) var file: String
    @Flag(help: "Replace an existing database.") var force = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let target = try store.sqlitePath(env, for: "restore", tool: "pg_restore (e.g. pg_restore -d civgrid civgrid.dump)")
        guard FileManager.default.fileExists(atPath: file) else {
            throw GridError.invalidInput("no backup at \(file)")
        }
        if FileManager.default.fileExists(atPath: target) {
            try ReplaceGuard.authorize(try SQLiteStore.open(path: target), env: env)
        }
        let actor = Operator(login: env.login, name: env.login, role: .admin)
        try SQLiteStore.restore(from: file, to: target, force: force, context: env.context(actor))
        Output.print("已恢复 restored \(file) → \(target)")
    }
}

/// Replacing a whole database (`demo` or `restore` over it) is the `replace_database` permission of its own
/// operators' table: only its admins may.
enum ReplaceGuard {
    static func authorize(_ existing: any CivgridStore, env: RunEnvironment) throws(GridError) {
        try env.verifyIdentity(existing)
        let actor = try existing.operatorAccount(login: env.login)
        try GridServices(existing).authorize(actor, .replaceDatabase, on: existing.displayName)
    }
}

/// `civgrid check [--anchor N:HASH]`: integrity, foreign keys, the audit chain, protective triggers, cells against their
/// audit history, tallies, cells against cases; with `--anchor`, that history up to a printed document is unchanged.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the database: integrity, foreign keys, the audit chain and its triggers, cells, tallies.")

    @Option(help: ArgumentHelp("A chain head printed on a notice, report or backup (账本 #N:HASH): prove history up to it was not rewritten.",
                               valueName: "N:HASH"))
    var anchor: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let parsed = try anchor.map { text throws(GridError) in
            guard let a = AuditChainHead.parseAnchor(text) else {
                throw GridError.invalidInput("--anchor \(text) is not a chain head: give it as printed, N:HASH (e.g. 1234:3fa9c1d2e7b0, "
                    + "at least \(AuditChainHead.minimumDigits) hex digits)")
            }
            return a
        }
        let db = try store.open(env, forReading: true)
        let problems = try db.check(anchor: parsed)
        guard problems.isEmpty else {
            for p in problems { Output.print(p) }
            throw GridError.database("\(problems.count) problem(s) found in \(db.displayName); restore a backup (civgrid restore) if they are real")
        }
        let head = try db.auditChainHead()
        let anchored = parsed.map { " history up to 账本 #\($0.seq):\($0.prefix) is unchanged;" } ?? ""
        Output.print("ok: \(db.displayName) — integrity, foreign keys, audit chain, triggers, cells and tallies are sound;\(anchored) \(head.label)")
    }
}
