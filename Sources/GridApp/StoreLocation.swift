import Foundation
import GridCore
import GridStore
import GridStorePostgres

/// Where the data lives: an SQLite file, or a PostgreSQL database (`--db postgres://…`, `postgresql:///civgrid?host=/dir`).
enum StoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// Reads `--db` / `CIVGRID_DB`: a `postgres://` or `postgresql://` address is a server, anything else a file path.
    init(_ text: String, osUser: String) throws(GridError) {
        self = PostgresLocation.isPostgres(text) ? .postgres(try PostgresLocation(url: text, osUser: osUser)) : .sqlite(path: text)
    }

    /// The path or address, for messages (never a password).
    var display: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.display
        }
    }

    /// The file's name or the database's, for the console's title.
    var shortName: String {
        switch self {
        case .sqlite(let path): URL(fileURLWithPath: path).lastPathComponent
        case .postgres(let location): location.database
        }
    }

    /// Creates a new, empty database there (the file, or civgrid's schema in an existing server database).
    func create() throws(GridError) -> any CivgridStore {
        switch self {
        case .sqlite(let path): try SQLiteStore.create(path: path)
        case .postgres(let location): try PostgresStore.create(location)
        }
    }

    /// Opens the existing database. `forReading`: a command that only reads (an SQLite file is left exactly as it was).
    func open(forReading: Bool = false) throws(GridError) -> any CivgridStore {
        switch self {
        case .sqlite(let path): try SQLiteStore.open(path: path, forReading: forReading)
        case .postgres(let location): try PostgresStore.open(location)
        }
    }
}

/// What GridApp asks of a store beyond GridCore's ports: its meta values, `check`, closing, and where it is (so a
/// background job can open its own connection). Both stores conform; nothing here is storage-specific logic.
protocol CivgridStore: GridRepository {
    /// Where the store is.
    var storeLocation: StoreLocation { get }
    /// A value from the store's `meta` table.
    func meta(_ key: String) throws(GridError) -> String?
    /// Everything `civgrid check` verifies; empty when sound.
    func check(anchor: (seq: Int64, prefix: String)?) throws(GridError) -> [String]
    /// Fills a freshly created database (meta, themes, the first admin, the office).
    func bootstrap(kind: String, officeName: String?, admin: Operator, context: ChangeContext,
                   extra meta: [String: String]) throws(GridError)
    /// Closes the connection(s).
    func close()
    /// Makes `changeMarker()` follow other processes' commits as they are announced (PostgreSQL's LISTEN/NOTIFY);
    /// a no-op where reading the marker is already free (SQLite's data_version).
    func listenForChanges() throws(GridError)
    /// `listenForChanges()` without waiting for it (the console's first frame does not); until it is up the marker is
    /// read as without it.
    func startListeningForChanges()
}

extension CivgridStore {
    /// The path or address, for messages.
    var displayName: String { storeLocation.display }
}

extension SQLiteStore: CivgridStore {
    var storeLocation: StoreLocation { .sqlite(path: path) }

    func listenForChanges() {}

    func startListeningForChanges() {}

    func bootstrap(kind: String, officeName: String?, admin: Operator, context: ChangeContext,
                   extra meta: [String: String]) throws(GridError) {
        try bootstrap(kind: DatabaseKind(rawValue: kind) ?? .office, officeName: officeName, admin: admin, context: context, extra: meta)
    }
}

extension PostgresStore: CivgridStore {
    var storeLocation: StoreLocation { .postgres(location) }
}
