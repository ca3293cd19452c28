import Foundation
import GridCore
import GridStore
import GridStoreCopy
import GridStorePostgres

/// The PostgreSQL side of a scale: the generated SQLite grid copied into its own database on the server
/// (`civgrid_bench_<scale>`) by `StoreCopy`, as `civgrid migrate` copies an office. A database that already holds that
/// grid (the same `created_at` in both `meta` tables) is reused, as the SQLite file is, unless `--regenerate`.
struct PostgresCopy {
    /// The server, as `--postgres` or CIVGRID_TEST_PG gave it (any database on it: the bench creates its own).
    let server: PostgresLocation
    let recorder: Recorder

    /// The database of a scale's copy.
    func location(_ scale: DemoScale) -> PostgresLocation { server.database("civgrid_bench_\(scale.rawValue)") }

    /// Makes sure the server holds the grid at `path` and returns where; the copy (when one is made) is timed.
    func ensure(_ scale: DemoScale, from path: String, regenerate: Bool) throws -> PostgresLocation {
        let target = location(scale)
        let source = try SQLiteStore.open(path: path, forReading: true)
        defer { source.close() }
        if !regenerate, let existing = try? PostgresStore.open(target) {
            defer { existing.close() }
            let here = try source.meta("created_at"), there = try? existing.meta("created_at")
            if here != nil && here == there { return target }
            FileHandle.standardError.write(Data("  \(target.display) holds another grid than \(path): copying it again\n".utf8))
        }
        try PostgresStore.dropDatabase(target.database, on: server)
        try PostgresStore.createDatabase(target.database, on: server)
        var report: StoreCopy.Report?
        let samples = try Recorder.time(1) { _ in
            let store = try PostgresStore.create(target)
            defer { store.close() }
            report = try StoreCopy.copy(from: source, to: store)
        }
        let rows = report?.counts.reduce(Int64(0)) { $0 + $1.rows } ?? 0
        recorder.add("11 copy into PostgreSQL (StoreCopy, \(rows) rows, chain verified)", scale.rawValue, samples.map { $0 / 1000 },
                     unit: "s")
        return target
    }

    /// The server's version and whether its commits reach the disk (a throw-away cluster runs with fsync off).
    func describe(_ scale: DemoScale) -> String {
        guard let store = try? PostgresStore.open(location(scale)) else { return "PostgreSQL ?" }
        defer { store.close() }
        let settings = (try? store.settings(["server_version", "fsync", "synchronous_commit"])) ?? [:]
        return "PostgreSQL \(settings["server_version"] ?? "?") (fsync \(settings["fsync"] ?? "?"), "
            + "synchronous_commit \(settings["synchronous_commit"] ?? "?"))"
    }
}
