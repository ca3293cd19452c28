import GridCore

/// civgrid's roles as PostgreSQL roles, for a server the IT department runs: `civgrid_admin`, `civgrid_inspector`,
/// `civgrid_clerk` and `civgrid_viewer` (NOLOGIN group roles; a person's login role is made a member of one). The server
/// then enforces what each may touch even outside civgrid (psql, a report tool): viewers read; the others read and
/// write the grid, and may only INSERT into the audit log, the case events and the chain — no role is granted UPDATE,
/// DELETE or TRUNCATE there, on top of the triggers that refuse them. civgrid's own permission table (GridCore's
/// `Policy`) still decides every change; these grants are the server's second line.
///
/// Roles belong to the whole cluster, so creating them needs CREATEROLE; `civgrid_roles(grantee)` is run by the
/// database's owner or a superuser (`PostgresStore.installRoles`), and tolerates roles that already exist.
enum PGRoles {
    static let names: [OperatorRole: String] = [.admin: "civgrid_admin", .inspector: "civgrid_inspector", .clerk: "civgrid_clerk",
                                                .viewer: "civgrid_viewer"]
    /// Tables every writing role may change.
    static let data = ["site_kind", "unit_kind", "office", "street", "community", "unit", "property", "assignment", "theme", "cell", "tally", "operator",
                       "case_record", "notice", "notice_case", "change_marker", "inspection_round",
                       "site_contact", "site_cadence", "office_cadence", "dispatch_slip", "dispatch_slip_case"]
    /// Tables that only grow.
    static let appendOnly = ["audit", "case_event", "chain", "attachment", "attachment_blob", "inspection",
                              "inspection_round_member", "inspection_round_scope"]

    static func statements() -> [String] { createStatements() + grantStatements(to: names.values.sorted()) }

    /// Creates the group roles that are missing (a role that exists is kept as it is).
    static func createStatements() -> [String] {
        names.values.sorted().map { role in
            "DO $$ BEGIN CREATE ROLE \(role) NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        }
    }

    /// Grants this database's tables to `roles` (which must exist). Idempotent; needs only ownership of the tables, so
    /// the store repeats it after every migration it applies: a table added by a later migration reaches roles
    /// installed before it.
    static func grantStatements(to roles: [String]) -> [String] {
        var sql: [String] = []
        let all = data + appendOnly + ["meta", "civgrid_migration"]
        for role in roles {
            sql.append("GRANT SELECT ON \(all.joined(separator: ", ")) TO \(role)")
        }
        let writers = [OperatorRole.admin, .inspector, .clerk].compactMap { names[$0] }
        for role in roles where writers.contains(role) {
            sql.append("GRANT INSERT, UPDATE ON \(data.joined(separator: ", ")) TO \(role)")
            // A responsible person cleared, or a site back on the office's cadence, deletes its row (as SQLite's store does).
            sql.append("GRANT DELETE ON site_contact, site_cadence TO \(role)")
            sql.append("GRANT INSERT ON \(appendOnly.joined(separator: ", ")) TO \(role)")
            sql.append("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(role)")
        }
        sql.append("REVOKE UPDATE, DELETE, TRUNCATE ON \(appendOnly.joined(separator: ", ")) FROM PUBLIC")
        return sql
    }

    /// The group roles that exist on the server now.
    static func existing(_ s: PGSession) throws(GridError) -> [String] {
        let list = names.values.sorted().map { "'\($0)'" }.joined(separator: ", ")
        return try s.query("SELECT rolname FROM pg_roles WHERE rolname IN (\(list)) ORDER BY rolname").map { $0.text("rolname") }
    }
}

extension PostgresStore {
    /// Creates civgrid's group roles if missing and grants them this database's tables (see `PGRoles`); a person's login
    /// role then gets one of them: `GRANT civgrid_clerk TO zhang`. Needs CREATEROLE (or a superuser).
    public func installRoles() throws(GridError) {
        try read { s throws(GridError) in
            try s.query("BEGIN")
            do throws(GridError) {
                try s.execute(PGRoles.statements())
                try s.query("COMMIT")
            } catch {
                _ = try? s.query("ROLLBACK")
                throw error
            }
        }
    }

    /// Grants this database's tables again to those of civgrid's group roles that exist (after an upgrade added tables);
    /// needs only ownership of the tables. Returns the roles granted to.
    @discardableResult
    public func grantRoles() throws(GridError) -> [String] {
        try read { s throws(GridError) in
            let roles = try PGRoles.existing(s)
            try s.query("BEGIN")
            do throws(GridError) {
                try s.execute(PGRoles.grantStatements(to: roles))
                try s.query("COMMIT")
            } catch {
                _ = try? s.query("ROLLBACK")
                throw error
            }
            return roles
        }
    }

    /// What a database administrator runs to create civgrid's group roles (when civgrid's admin may not).
    public static var roleCreationSQL: String { PGRoles.names.values.sorted().map { "CREATE ROLE \($0) NOLOGIN" }.joined(separator: "; ") }

    /// The PostgreSQL group role for a civgrid role.
    public static func serverRole(for role: OperatorRole) -> String { PGRoles.names[role] ?? "civgrid_viewer" }
}
