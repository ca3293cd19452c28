import Foundation
import GridCore
import Synchronization

/// The PostgreSQL implementation of `GridRepository`: the same ports as the SQLite store, on a server many machines
/// reach. It owns one connection (see `PGSession` for why it blocks) and serialises its use with a lock: the console's
/// background reads and its key presses take turns, as they do on SQLite's writer.
public final class PostgresStore: GridRepository, @unchecked Sendable {
    /// Where the database is.
    public let location: PostgresLocation
    let session: PGSession
    let lock = NSRecursiveLock()
    /// Search's prepared names (rebuilt when the change marker and the names' fingerprint move).
    let searchCache = PGNameIndexCache()
    /// The LISTEN connection and the marker it counts from, once `listenForChanges()` has run.
    let listenerState = Mutex<(PGChangeListener, Int)?>(nil)
    /// Set by `close()`, for a listener that finishes connecting afterwards (`startListeningForChanges`).
    let closed = Atomic<Bool>(false)

    init(location: PostgresLocation, session: PGSession) {
        self.location = location
        self.session = session
    }

    /// Opens an existing civgrid database on a server, applying the migrations it lacks. Fails with one clear message
    /// when the server cannot be reached, the database is not civgrid's, or it was written by a newer civgrid.
    public static func open(_ location: PostgresLocation) throws(GridError) -> PostgresStore {
        let store = PostgresStore(location: location, session: try PGSession(location: location))
        let applied = try store.appliedMigrations()
        guard let applied, applied.contains(PGSchema.migrations[0].name) else {
            throw .database("\(location.display) holds no civgrid database: create one with "
                + "`civgrid init --db \(location.display) --office NAME` (or `civgrid demo --db …`)")
        }
        let known = Set(PGSchema.migrations.map(\.name))
        if let newer = applied.first(where: { !known.contains($0) }) {
            throw .database("\(location.display) was written by a newer civgrid (its schema has migration \(newer), which this "
                + "version does not know); upgrade civgrid before opening it. Nothing was changed.")
        }
        try store.migrate(skipping: applied)
        // Rows added or renamed by another client (or just migrated to pg2) are keyed now: a write only when there are any.
        if try store.read({ s throws(GridError) in try PGOrderKeys.needsSettling(s) }) { try store.write { _ in } }
        return store
    }

    /// Creates civgrid's schema in an existing, empty database. Fails if civgrid's tables are already there.
    public static func create(_ location: PostgresLocation) throws(GridError) -> PostgresStore {
        let store = PostgresStore(location: location, session: try PGSession(location: location))
        if let applied = try store.appliedMigrations(), !applied.isEmpty {
            throw .invalidInput("\(location.display) already holds a civgrid database; nothing was changed. "
                + "Open it with --db, or create another database (createdb NAME) for a new office")
        }
        try store.migrate(skipping: [])
        return store
    }

    /// Creates a new database `name` on the server of `server` (connecting to `server`'s database to do it): UTF-8,
    /// from template0, so it starts empty whatever was added to template1 — or a copy of database `template` (which
    /// nobody may be connected to meanwhile).
    public static func createDatabase(_ name: String, on server: PostgresLocation, template: String? = nil) throws(GridError) {
        for n in [name, template ?? name] where n.isEmpty || !n.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
            throw .invalidInput("“\(n)” is not a database name civgrid creates; use ASCII letters, digits and _")
        }
        let admin = try PGSession(location: server)
        defer { admin.close() }
        try admin.query("CREATE DATABASE \(name) TEMPLATE \(template ?? "template0") ENCODING 'UTF8'")
    }

    /// Drops database `name` on the server of `server` (tests clean up after themselves).
    public static func dropDatabase(_ name: String, on server: PostgresLocation) throws(GridError) {
        let admin = try PGSession(location: server)
        defer { admin.close() }
        try admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Closes the connection (the store must not be used afterwards).
    public func close() {
        closed.store(true, ordering: .relaxed)
        listenerState.withLock { $0?.0.session.close(); $0 = nil }
        lock.withLock { session.close() }
    }

    /// Statements sent since the store opened (tests guard how many a window costs).
    public var statementCount: Int { lock.withLock { session.statements } }

    /// The names of the migrations applied, or nil when the database has no civgrid ledger at all.
    func appliedMigrations() throws(GridError) -> [String]? {
        try read { s throws(GridError) in
            guard try s.int("SELECT count(*) FROM information_schema.tables WHERE table_name = 'civgrid_migration'") == 1 else {
                return nil
            }
            return try s.query("SELECT name FROM civgrid_migration ORDER BY name").compactMap { $0[0].text }
        }
    }

    /// Applies the migrations not in `applied`, each in its own transaction; the last also grants the tables again to
    /// civgrid's group roles, if the server has them, so tables a migration added reach roles installed before it.
    func migrate(skipping applied: [String]) throws(GridError) {
        try migrate(PGSchema.migrations.filter { !applied.contains($0.name) }, grantingRoles: true)
    }

    /// Applies `migrations`, each in its own transaction (tests stop at a named one to upgrade an old database).
    /// `grantingRoles` (only when the last one brings the schema up to date): the last transaction also grants every
    /// table to the group roles there are, so an upgrade that fails to grant is not recorded as applied.
    func migrate(_ migrations: [(name: String, statements: [String])], grantingRoles: Bool) throws(GridError) {
        for (i, m) in migrations.enumerated() {
            try lock.withLock { () throws(GridError) in
                try session.query("BEGIN")
                do throws(GridError) {
                    try session.query(PGSchema.ledger)
                    try session.execute(m.statements)
                    if grantingRoles, i == migrations.count - 1 {
                        try session.execute(PGRoles.grantStatements(to: try PGRoles.existing(session)))
                    }
                    try session.query("INSERT INTO civgrid_migration (name, applied_at) VALUES (?, ?)",
                                      [m.name, Timestamp(millis: Int64(Date().timeIntervalSince1970 * 1000)).description])
                    try session.query("COMMIT")
                } catch {
                    _ = try? session.query("ROLLBACK")
                    throw error
                }
            }
        }
    }

    /// Runs reads on the connection (one caller at a time).
    func read<T>(_ body: (PGSession) throws(GridError) -> T) throws(GridError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(session)
    }

    /// Runs one write transaction: everything in `body` commits together or not at all. It starts by bumping the
    /// change marker, which row-locks it: writers queue there (the audit chain is extended by one transaction at a
    /// time), and the bump notifies listeners when the transaction commits. It ends by keying the streets and
    /// communities the body added or renamed (`PGOrderKeys.settle`). `commit: false` rolls back (dry runs).
    func write<T>(commit: Bool = true, _ body: (PGSession) throws -> T) throws(GridError) -> T {
        lock.lock()
        defer { lock.unlock() }
        try session.query("BEGIN")
        do {
            try session.query("UPDATE change_marker SET n = n + 1 WHERE id = 1")
            let result = try body(session)
            try PGOrderKeys.settle(session)
            try session.query(commit ? "COMMIT" : "ROLLBACK")
            return result
        } catch {
            _ = try? session.query("ROLLBACK")
            if let e = error as? GridError { throw e }
            throw GridError.database("error in \(location.display): \(error)")
        }
    }

    /// A value from the `meta` table (`kind`, `created_by` …).
    public func meta(_ key: String) throws(GridError) -> String? {
        try read { s throws(GridError) in try s.text("SELECT value FROM meta WHERE key = ?", [key]) }
    }
}

extension NSRecursiveLock {
    /// Runs `body` holding the lock, rethrowing its typed error.
    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}
