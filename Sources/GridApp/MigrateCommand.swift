import ArgumentParser
import GridCore
import GridStore
import GridStoreCopy
import GridStorePostgres

/// `civgrid migrate --from grid.sqlite --to postgres://…`: moves an office onto a PostgreSQL server.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy an office from an SQLite file into an empty PostgreSQL database, its audit chain verified on both sides.")

    @Option(help: ArgumentHelp("The SQLite database to copy.", valueName: "file")) var from: String
    @Option(help: ArgumentHelp("The PostgreSQL database: postgres://… or postgresql:///civgrid?host=/run/postgresql (it must exist).",
                               valueName: "address"))
    var to: String

    func run() throws {
        let env = try RunEnvironment()
        guard case .postgres(let target) = try StoreLocation(to, osUser: env.osUser) else {
            throw GridError.invalidInput("--to \(to) is not a PostgreSQL address; write postgres://USER@HOST/DATABASE or "
                + "postgresql:///DATABASE?host=/run/postgresql")
        }
        let source = try SQLiteStore.open(path: from, forReading: true)
        defer { source.close() }
        // Copying an office out is as strong as replacing one: the source's admins only.
        try ReplaceGuard.authorize(source, env: env)
        let store: PostgresStore
        do {
            store = try PostgresStore.open(target)
        } catch {
            store = try PostgresStore.create(target)
        }
        defer { store.close() }
        let report = try StoreCopy.copy(from: source, to: store)
        Output.print(report.counts.map { "\($0.table) \($0.rows)" }.joined(separator: " · "))
        Output.print("已迁移 migrated \(from) → \(target.display): counts equal, chain verified on the server (\(report.head.label))")
    }
}
