import ArgumentParser
import GridCore
import GridStorePostgres

/// `civgrid pg grants`: PostgreSQL server administration that civgrid can do itself.
struct PGCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pg", abstract: "PostgreSQL server: civgrid's group roles and their grants.", subcommands: [Grants.self])

    struct Grants: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grants", abstract: "Create civgrid's group roles if missing and grant them every table (admins only).",
            discussion: """
                Opening a database that needs an upgrade grants the new tables by itself; run this after creating the roles \
                by hand, or to repair grants. Creating the roles needs CREATEROLE; granting needs ownership of the tables.
                """)
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env)
            guard let pg = db as? PostgresStore else {
                throw GridError.invalidInput("\(db.displayName) is an SQLite file: server roles and grants exist only on a PostgreSQL "
                    + "database (--db postgresql:///NAME?host=/run/postgresql); nothing was changed")
            }
            try Policy.authorize(try db.operatorAccount(login: env.login), .manageOperators)
            var roles = try pg.grantRoles()
            if roles.count < OperatorRole.allCases.count {
                do throws(GridError) {
                    try pg.installRoles()
                } catch .permissionDenied {
                    throw GridError.permissionDenied("your PostgreSQL role may not create roles (it needs CREATEROLE), and the server lacks "
                        + "some of civgrid's group roles; nothing was changed. Ask the database administrator to run, as a superuser: "
                        + "psql -d \(pg.location.database) -c '\(PostgresStore.roleCreationSQL)' — then run civgrid pg grants again")
                }
                roles = try pg.grantRoles()
            }
            Output.print("已授权（PostgreSQL）：" + roles.joined(separator: ", "))
        }
    }
}
