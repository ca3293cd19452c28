import ArgumentParser
import GridCore
import GridStore
import GridStorePostgres

/// `--db PATH`, shared by every command that touches a database.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "Database file, or a PostgreSQL address postgres://… / postgresql:///civgrid?host=/run/postgresql "
            + "(default: $CIVGRID_DB, else $XDG_DATA_HOME/civgrid/grid.sqlite).", valueName: "path"))
    var path: String?

    /// The path in force: `--db`, then `CIVGRID_DB`, then the XDG default.
    func resolvedPath(_ env: RunEnvironment) -> String {
        if let path, !path.isEmpty { return path }
        if let fromEnv = env.variables["CIVGRID_DB"], !fromEnv.isEmpty { return fromEnv }
        return env.defaultDatabasePath
    }

    /// Where the database in force is: a PostgreSQL address selects the server store, anything else is a file.
    func location(_ env: RunEnvironment) throws(GridError) -> StoreLocation {
        try StoreLocation(resolvedPath(env), osUser: env.osUser)
    }

    /// Opens the existing database with one clear message on failure, and settles who acts on it. `forReading`:
    /// a command that only reads (the file is left exactly as it was).
    func open(_ env: RunEnvironment, forReading: Bool = false) throws(GridError) -> any CivgridStore {
        let store = try location(env).open(forReading: forReading)
        try env.verifyIdentity(store)
        return store
    }

    /// The SQLite file in force, or a clear refusal naming PostgreSQL's own tool for `what` (backup, restore: the
    /// server's data is copied with pg_dump and pg_restore, by whoever runs the server).
    func sqlitePath(_ env: RunEnvironment, for what: String, tool: String) throws(GridError) -> String {
        guard case .sqlite(let path) = try location(env) else {
            throw .invalidInput("civgrid \(what) copies an SQLite file; this database is on a PostgreSQL server: use \(tool) "
                + "(see README \"PostgreSQL\"). Nothing was changed")
        }
        return path
    }
}

/// `--json`, for read commands whose output scripts consume.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON with stable field names instead of a table.")
    var json = false
}
