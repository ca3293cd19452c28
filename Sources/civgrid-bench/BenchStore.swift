import Foundation
import GridApp
import GridCore
import GridStore
import GridStorePostgres
import GridTheme
import TerminalKit

/// What the scenarios ask of a store beyond GridCore's ports: verifying the chain, `check`, and closing. Both stores
/// have these; the scenarios are written once against this protocol and run on either.
protocol BenchRepository: GridRepository {
    /// The audit chain recomputed entry by entry; empty when it verifies.
    func verifyAuditChain() throws(GridError) -> [String]
    /// Everything `civgrid check` verifies; empty when sound.
    func check(anchor: (seq: Int64, prefix: String)?) throws(GridError) -> [String]
    /// Closes the connection(s).
    func close()
}

extension SQLiteStore: BenchRepository {}
extension PostgresStore: BenchRepository {}

/// The store a run of the scenarios measures: the generated SQLite file, or its copy in a PostgreSQL database
/// (`PostgresCopy`). The table's store column and `--json`'s `store` field say which.
enum BenchStore {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// `sqlite` or `postgres`, as the table prints it.
    var label: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    var isPostgres: Bool { if case .postgres = self { true } else { false } }

    /// What `civgrid --db` (and CIVGRID_DB) is given for this store: the file's path or the server address.
    var database: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.url
        }
    }

    /// A new connection to the store (a separate one each call, as another process or console would have).
    func open() throws -> any BenchRepository {
        switch self {
        case .sqlite(let path): try SQLiteStore.open(path: path)
        case .postgres(let location): try PostgresStore.open(location)
        }
    }

    /// A console over a new connection, with its store (the scenarios watch its change marker). On PostgreSQL the
    /// console starts listening for NOTIFY beside its first frame, as `civgrid` does when it starts.
    func console(_ backend: any TerminalBackend, context: ChangeContext) throws -> (Console, any BenchRepository) {
        switch self {
        case .sqlite(let path):
            let store = try SQLiteStore.open(path: path)
            return (try Console(store: store, context: context, backend: backend, catalog: ThemeCatalog(folders: []),
                                theme: BuiltinThemes.default, colors: 256, measure: .standard), store)
        case .postgres(let location):
            let store = try PostgresStore.open(location)
            store.startListeningForChanges()
            return (try Console(store: store, context: context, backend: backend, catalog: ThemeCatalog(folders: []),
                                theme: BuiltinThemes.default, colors: 256, measure: .standard), store)
        }
    }
}

extension PostgresLocation {
    /// The location as a URL `civgrid --db` reads back (a socket directory goes in `host=`; the password, if any, is
    /// included: the URL is only handed to the civgrid processes the benchmark starts, never printed).
    var url: String {
        var c = URLComponents()
        c.scheme = "postgresql"
        c.path = "/" + database
        var items = [URLQueryItem(name: "user", value: user)]
        if isSocket {
            c.host = ""
            items.append(URLQueryItem(name: "host", value: host))
            if port != 5432 { items.append(URLQueryItem(name: "port", value: String(port))) }
        } else {
            c.host = host
            c.port = port
        }
        if let password { items.append(URLQueryItem(name: "password", value: password)) }
        c.queryItems = items
        return c.string ?? display
    }
}
