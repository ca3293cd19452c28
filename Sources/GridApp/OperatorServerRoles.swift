import GridCore
import GridStorePostgres

/// On a PostgreSQL store an operator's civgrid role is mirrored by the server's roles (see `PostgresStore
/// .serverRolePlan`): the login role the person connects as (peer authentication) is created if absent and made a
/// member of the matching `civgrid_*` group role only. On SQLite there are no server roles and nothing happens.
struct OperatorServerRoles {
    let store: PostgresStore
    let login: String
    let plan: [String]

    /// Before civgrid's own change: authorises it as the service will, and tries the server's part and rolls it back,
    /// so that a connecting role without CREATEROLE stops the command with what the database administrator must run
    /// before anything has changed. Nil when there is nothing to do on the server.
    static func prepare(_ db: any GridRepository, actor: Operator, login: String, role: OperatorRole?) throws(GridError) -> OperatorServerRoles? {
        guard let store = db as? PostgresStore else { return nil }
        try Policy.authorize(actor, .manageOperators)
        let plan = try store.serverRolePlan(login: login, role: role)
        guard !plan.isEmpty else { return nil }
        try store.applyServerRoles(plan, login: login, commit: false)
        return OperatorServerRoles(store: store, login: login, plan: plan)
    }

    /// After civgrid's change: applies the server's part, and prints what it did.
    func apply() throws(GridError) {
        try store.applyServerRoles(plan, login: login, commit: true)
        Output.print("服务器角色（PostgreSQL）：" + PostgresStore.loginStatements(plan, login: login).joined(separator: "; "))
    }
}
