import ArgumentParser
import Foundation
import GridCore
import GridStore

extension DemoScale: ExpressibleByArgument {}

/// `civgrid demo`: a deterministic, realistic grid for trying civgrid out and for benchmarks.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Build a demo grid (county ≈ 300 communities, city ≈ 10,000, province ≈ 100,000).")

    @Option(help: "county, city or province.")
    var scale: DemoScale = .county

    @Option(help: "Seed; the same seed and day give the same grid.")
    var seed: UInt64 = 2026

    @Flag(help: "Replace an existing database even if it is a real office's.")
    var force = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let path = store.resolvedPath(env)
        try clearTarget(path, env: env)
        let started = Date()
        // Built beside the target and renamed into place when complete: a killed or failed build leaves the old
        // database (or none) behind, never a half-built one that `check` would accept.
        let building = path + ".building-\(getpid())"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        do {
            let communities = try build(at: building, env: env)
            // The build checkpointed its WAL into the main file before closing: what is left beside it is empty.
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            guard rename(building, path) == 0 else {
                throw GridError.database("cannot move the new demo database into place at \(path): \(String(cString: strerror(errno)))")
            }
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            Output.print("已生成 \(scale.rawValue) 演示网格: \(communities) 个小区/点位, 用时 \(seconds) 秒 → \(path)")
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
            throw error
        }
    }

    /// Builds the demo into a new file at `path`, closes it, and returns the number of communities.
    func build(at path: String, env: RunEnvironment) throws -> Int {
        let db = try SQLiteStore.create(path: path)
        defer { db.close() }
        let admin = Operator(login: env.login, name: env.login, role: .admin)
        let context = env.context(admin, source: .demo)
        try db.bootstrap(kind: .demo, officeName: nil, admin: admin, context: context,
                         extra: ["demo_scale": scale.rawValue, "demo_seed": "\(seed)"].merging(env.fixtureMeta) { $1 })
        let generator = DemoGenerator(scale: scale, seed: seed, today: env.clock.today, now: env.clock.now())
        try DemoLoader(store: db).load(generator, context: context) { done, total in
            if total > 1 { FileHandle.standardError.write(Data("  office \(done)/\(total)\n".utf8)) }
        }
        try DemoEvidence.attach(to: db, context: context)
        let communities = try db.communityCount(in: .all, filter: .none, today: env.clock.today)
        try db.checkpoint()
        return communities
    }

    /// Refuses to replace a real office's database unless `--force`, and any database unless the operator is its
    /// admin (replacing a database is the `replace_database` permission). The old file goes only when the new one is built.
    func clearTarget(_ path: String, env: RunEnvironment) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let existing = try? SQLiteStore.open(path: path, forReading: true)
        // --force replaces a civgrid database, never another file (a sheet, a document) that happens to be at --db.
        guard existing != nil else {
            throw GridError.invalidInput("\(path) is not a civgrid database (a sheet or another file?); refusing to overwrite it, "
                + "even with --force. Point --db at a new path or at a civgrid database")
        }
        if !force {
            let kind = existing.flatMap { try? $0.meta("kind") }
            guard kind == DatabaseKind.demo.rawValue else {
                throw GridError.invalidInput("\(path) holds a real office's database (or one civgrid cannot read); "
                    + "refusing to overwrite it. Use another --db path, or --force to replace it")
            }
        }
        if let existing { try ReplaceGuard.authorize(existing, env: env) }
    }
}
