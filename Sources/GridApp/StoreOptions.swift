import ArgumentParser
import GridCore
import GridStore

/// `--db PATH`, shared by every command that touches a database.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "Database file (default: $CIVGRID_DB, else $XDG_DATA_HOME/civgrid/grid.sqlite).", valueName: "path"))
    var path: String?

    /// The path in force: `--db`, then `CIVGRID_DB`, then the XDG default.
    func resolvedPath(_ env: RunEnvironment) -> String {
        if let path, !path.isEmpty { return path }
        if let fromEnv = env.variables["CIVGRID_DB"], !fromEnv.isEmpty { return fromEnv }
        return env.defaultDatabasePath
    }

    /// Opens the existing database with one clear message on failure, and settles who acts on it. `forReading`:
    /// a command that only reads (the file is left exactly as it was).
    func open(_ env: RunEnvironment, forReading: Bool = false) throws(GridError) -> SQLiteStore {
        let store = try SQLiteStore.open(path: resolvedPath(env), forReading: forReading)
        try env.verifyIdentity(store)
        return store
    }
}

/// `--json`, for read commands whose output scripts consume.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON with stable field names instead of a table.")
    var json = false
}
