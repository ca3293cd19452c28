import GridCore

/// A person's login role on the server, kept in step with their civgrid operator role: `civgrid operator add zhang
/// --role clerk` makes sure a LOGIN role `zhang` exists (the person connects over the socket as their OS login, by
/// peer authentication, so it must be able to log in) and is a member of `civgrid_clerk` and of no other civgrid group
/// role. Roles belong to the whole cluster, so creating or granting them needs CREATEROLE (or a superuser); when the
/// connecting admin lacks it, nothing is changed and the error names the statements a database administrator runs.
extension PostgresStore {
    /// The statements that would make login `login` a member of exactly `role`'s group role (nil: of none, as when
    /// an operator is removed) — empty when the server already says so. Creates the group roles too if they are missing.
    public func serverRolePlan(login: String, role: OperatorRole?) throws(GridError) -> [String] {
        try read { s throws(GridError) in
            var plan: [String] = []
            let groups = try PGRoles.existing(s)
            if groups.count < PGRoles.names.count, role != nil { plan += PGRoles.statements() }
            // Roles are the cluster's, grants each database's: group roles installed for another database have none here.
            else if let target = role.flatMap({ PGRoles.names[$0] }), try !PGRoles.granted(target, s) {
                plan += PGRoles.grantStatements(to: PGRoles.names.values.sorted())
            }
            let name = PGRoles.quoted(login)
            let member = try s.query("SELECT rolcanlogin::int AS can FROM pg_roles WHERE rolname = ?", [login]).first
            if role != nil {
                if member == nil { plan.append("CREATE ROLE \(name) LOGIN") }
                else if member?.int("can") == 0 { plan.append("ALTER ROLE \(name) LOGIN") }
            }
            let target = role.flatMap { PGRoles.names[$0] }
            let held = member == nil ? [] : try s.query("""
                SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                WHERE u.rolname = ? ORDER BY g.rolname
                """, [login]).map { $0.text("rolname") }.filter { PGRoles.names.values.contains($0) }
            for group in held where group != target { plan.append("REVOKE \(group) FROM \(name)") }
            if let target, !held.contains(target) { plan.append("GRANT \(target) TO \(name)") }
            return plan
        }
    }

    /// The statements of `plan` about the person's own login role (created, given LOGIN, granted or revoked a group),
    /// without the group roles' creation and table grants that may precede them: what `operator add` reports.
    public static func loginStatements(_ plan: [String], login: String) -> [String] {
        plan.filter { $0.contains(PGRoles.quoted(login)) }
    }

    /// Runs `plan` (from `serverRolePlan`) in one transaction; `commit: false` tries it and rolls it back, to learn
    /// before anything else changes whether the server allows it. Refused for want of privileges: a permission error
    /// naming the statements for the database administrator, and nothing changed.
    public func applyServerRoles(_ plan: [String], login: String, commit: Bool) throws(GridError) {
        guard !plan.isEmpty else { return }
        try read { s throws(GridError) in
            try s.query("BEGIN")
            do throws(GridError) {
                try s.execute(plan)
                try s.query(commit ? "COMMIT" : "ROLLBACK")
            } catch {
                _ = try? s.query("ROLLBACK")
                guard error.exitCode == 3 else { throw error }
                let me = (try? s.text("SELECT current_user")) ?? location.user
                throw GridError.permissionDenied("""
                    your PostgreSQL role \(me) may not create or grant roles (it needs CREATEROLE, and from PostgreSQL 16 \
                    ADMIN OPTION on civgrid's group roles), so the server \
                    role of \(login) cannot be set; nothing was changed. Ask the database administrator to run, as a superuser: \
                    psql -d \(location.database) -c '\(plan.joined(separator: "; ").replacingOccurrences(of: "'", with: "'\\''"))' — \
                    then run this command again
                    """)
            }
        }
    }
}

extension PGRoles {
    /// Whether group role `role` may read every one of civgrid's tables in this database.
    static func granted(_ role: String, _ s: PGSession) throws(GridError) -> Bool {
        let tables = (data + appendOnly).map { "('\($0)')" }.joined(separator: ", ")
        return try s.int("SELECT count(*) FROM (VALUES \(tables)) t(name) WHERE NOT has_table_privilege('\(role)', t.name, 'SELECT')") == 0
    }

    /// `login` as a quoted SQL identifier (an OS login may hold characters SQL would read otherwise).
    static func quoted(_ login: String) -> String { "\"" + login.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
