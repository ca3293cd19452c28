import Foundation
import GRDB
import GridCore

/// The SQLite implementation of `GridRepository`: one type owning the database connection(s) and the
/// migrator. WAL mode and a busy timeout let several operators' consoles and scripts share one file.
public final class SQLiteStore: GridRepository {
    /// Where the database lives.
    public let path: String
    let db: any DatabaseWriter
    /// Whether the file could only be opened for reading.
    public let isReadOnly: Bool
    /// Search's prepared names (see `nameIndex()`).
    let searchCache = NameIndexCache()

    init(path: String, db: any DatabaseWriter, readOnly: Bool) {
        self.path = path
        self.db = db
        self.isReadOnly = readOnly
    }

    /// Opens an existing civgrid database, upgrading an older schema. Fails with one clear message when
    /// the file is missing, not a civgrid database, corrupt, newer than this civgrid, or unusable.
    ///
    /// The file is first looked at without writing a byte (its header, then a read-only connection), so an empty,
    /// foreign or newer file is refused exactly as it was. With `forReading`, an up-to-date database stays on that
    /// read-only connection: a read never changes the file or other connections' schema (opening for writing lets
    /// GRDB create and drop a table to set up WAL, which bumps the schema version).
    public static func open(path: String, forReading: Bool = false) throws(GridError) -> SQLiteStore {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else {
            throw .database("no civgrid database at \(path): create one with `civgrid init --office NAME` "
                + "(or `civgrid demo` for a demo county), or point --db / CIVGRID_DB at an existing file")
        }
        // Effective ids, not real ones: installed setgid to the data group (`civgrid server setup`), civgrid may open
        // what the operator running it may not.
        guard effectiveAccess(path, R_OK) else {
            throw .database("cannot read \(path): permission denied; ask the file's owner to add you to its group")
        }
        try checkHeader(path)
        let writable = effectiveAccess(path, W_OK)
        let probe = try connect(path: path, readOnly: true)
        let upToDate = try probe.checkSchema()
        if !writable || (forReading && upToDate) {
            guard upToDate else {
                throw GridError.database("\(path) needs a schema upgrade but is read-only; open it once as its owner to upgrade it")
            }
            return probe
        }
        probe.close()
        let store = try connect(path: path, readOnly: false)
        if !upToDate { try store.migrate() }
        // Rows added or renamed by another SQLite client are keyed now (a write only when there are any).
        if try store.read(OrderKeys.needsSettling) { try store.write { _ in } }
        return store
    }

    /// Refuses, before SQLite opens it, a file that is empty or not an SQLite database at all.
    static func checkHeader(_ path: String) throws(GridError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .database("cannot read \(path); check the path and its permissions")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard !header.isEmpty else {
            throw .database("\(path) is an empty file, not a civgrid database; nothing was changed. "
                + "Create a database with `civgrid init --office NAME` (at a new path) or point --db elsewhere")
        }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw .database("\(path) is not a usable civgrid database (not an SQLite file at all); nothing was changed. "
                + "Restore it from a backup or point --db at a civgrid database")
        }
    }

    /// Moves everything in the WAL into the main file and empties the WAL, so the main file alone holds the database
    /// (before it is renamed or copied).
    public func checkpoint() throws(GridError) {
        do {
            try db.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        } catch {
            throw StoreError.map(error, path: path)
        }
    }

    /// Closes the connections (the store must not be used afterwards).
    public func close() {
        if let queue = db as? DatabaseQueue { try? queue.close() }
        if let pool = db as? DatabasePool { try? pool.close() }
    }

    /// Creates a new, empty database file (migrated, readable and writable by owner and group only).
    /// Fails if a file already exists there.
    public static func create(path: String) throws(GridError) -> SQLiteStore {
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: path) {
            throw .invalidInput("\(path) already exists; choose another --db path or remove the file first")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .database("cannot create the folder for \(path): \(error.localizedDescription)")
        }
        let store = try connect(path: path, readOnly: false)
        do {
            try Schema.migrator.migrate(store.db)
        } catch {
            throw StoreError.map(error, path: path)
        }
        store.restrictPermissions()
        return store
    }

    static func connect(path: String, readOnly: Bool) throws(GridError) -> SQLiteStore {
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.readonly = readOnly
        config.label = "civgrid"
        do {
            let writer: any DatabaseWriter = readOnly
                ? try DatabaseQueue(path: path, configuration: config)
                : try DatabasePool(path: path, configuration: config)
            // Touch the schema so a corrupt or foreign file fails here, with the right message.
            _ = try writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            return SQLiteStore(path: path, db: writer, readOnly: readOnly)
        } catch {
            throw StoreError.map(error, path: path)
        }
    }

    /// Refuses foreign and newer files; returns whether every migration has been applied.
    func checkSchema() throws(GridError) -> Bool {
        let migrator = Schema.migrator
        do {
            let (superseded, complete, known) = try db.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db),
                 try db.tableExists("grdb_migrations") && db.tableExists("meta"))
            }
            guard known else {
                throw GridError.database("\(path) is an SQLite file but not a civgrid database; "
                    + "point --db at a civgrid database or create one with `civgrid init --office NAME`")
            }
            if superseded {
                throw GridError.database("\(path) was written by a newer civgrid (its schema has migrations this "
                    + "version does not know); upgrade civgrid before opening it. Nothing was changed.")
            }
            return complete
        } catch let e as GridError {
            throw e
        } catch {
            throw StoreError.map(error, path: path)
        }
    }

    /// Applies the migrations this file lacks.
    func migrate() throws(GridError) {
        do {
            try Schema.migrator.migrate(db)
        } catch {
            throw StoreError.map(error, path: path)
        }
    }

    /// Owner and group may read and write the database and its WAL files; others get nothing.
    func restrictPermissions() {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o660], ofItemAtPath: path + suffix)
        }
    }

    /// Runs a read, mapping storage errors to `GridError`.
    func read<T>(_ body: (Database) throws -> T) throws(GridError) -> T {
        do {
            return try db.read(body)
        } catch let e as GridError {
            throw e
        } catch {
            throw StoreError.map(error, path: path)
        }
    }

    /// Runs one write transaction: everything in `body` commits together or not at all. It ends by keying the
    /// streets and communities the body added or renamed (`OrderKeys.settle`), whichever path wrote them.
    func write<T>(_ body: (Database) throws -> T) throws(GridError) -> T {
        guard !isReadOnly else {
            throw .database("\(path) is read-only for you; nothing was changed. Ask its owner for group write access")
        }
        do {
            return try db.write { db in
                let result = try body(db)
                try OrderKeys.settle(db)
                return result
            }
        } catch let e as GridError {
            throw e
        } catch {
            throw StoreError.map(error, path: path)
        }
    }

    /// A value from the `meta` table (`kind`, `created_by` …).
    public func meta(_ key: String) throws(GridError) -> String? {
        try read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }
}

/// Whether the process may access `path` as `mode` by its effective user and group (what `open` will check).
func effectiveAccess(_ path: String, _ mode: Int32) -> Bool {
    faccessat(AT_FDCWD, path, mode, AT_EACCESS) == 0
}

/// Turns SQLite's errors into messages an operator can act on.
enum StoreError {
    static func map(_ error: any Error, path: String) -> GridError {
        guard let e = error as? DatabaseError else {
            return .database("database error in \(path): \(error)")
        }
        let detail = e.message ?? "\(e.resultCode)"
        switch e.resultCode.primaryResultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .database("\(path) is not a usable civgrid database (\(detail)); restore it from a backup "
                + "or point --db elsewhere. Nothing was changed.")
        case .SQLITE_READONLY:
            return .database("\(path) is read-only (\(detail)); nothing was changed. Check the file's and its folder's permissions")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy("\(path) is busy: another civgrid held it for more than 5 seconds; nothing was changed — try again")
        case .SQLITE_CANTOPEN:
            return .database("cannot open \(path) (\(detail)); check the path and the folder's permissions")
        case .SQLITE_FULL:
            return .database("the disk holding \(path) is full; nothing was changed")
        case .SQLITE_CONSTRAINT:
            return .invalidInput("refused by the database: \(detail); nothing was changed")
        default:
            return .database("database error in \(path): \(detail)")
        }
    }
}
