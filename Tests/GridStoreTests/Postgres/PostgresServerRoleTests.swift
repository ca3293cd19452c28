import Foundation
import GridCore
@testable import GridStorePostgres
import Testing

/// An operator's civgrid role mirrored by the server's roles, and grants that follow the schema's migrations.
/// Roles belong to the whole cluster, so each test names its login roles uniquely and drops them afterwards.
@Suite("PostgreSQL server roles", .enabled(if: PGTestServer.location != nil))
struct PostgresServerRoleTests {
    /// A login name no other test uses.
    static func uniqueLogin() -> String { "cg_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12) }

    /// The civgrid group roles `login` is a member of, and whether it may log in (nil: no such role).
    static func membership(_ store: PostgresStore, _ login: String) throws -> (canLogin: Bool, groups: [String])? {
        try store.read { s throws(GridError) in
            guard let row = try s.query("SELECT rolcanlogin::int AS can FROM pg_roles WHERE rolname = ?", [login]).first else { return nil }
            let groups = try s.query("""
                SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                WHERE u.rolname = ? ORDER BY 1
                """, [login]).map { $0.text("rolname") }
            return (row.int("can") == 1, groups)
        }
    }

    static func drop(_ store: PostgresStore, _ login: String) {
        _ = try? store.read { s throws(GridError) in try s.query("DROP ROLE IF EXISTS \(PGRoles.quoted(login))") }
    }

    @Test("adding an operator creates a LOGIN role in its group; a role change moves it; removal revokes; a second run does nothing")
    func loginRoleFollowsOperator() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let login = Self.uniqueLogin()
        defer { Self.drop(store, login) }
        let add = try store.serverRolePlan(login: login, role: .clerk)
        #expect(add.contains("CREATE ROLE \"\(login)\" LOGIN") && add.last == "GRANT civgrid_clerk TO \"\(login)\"", "\(add)")
        try store.applyServerRoles(add, login: login, commit: false)
        #expect(try Self.membership(store, login) == nil, "a trial run left the role behind")
        try store.applyServerRoles(add, login: login, commit: true)
        #expect(try Self.membership(store, login)?.canLogin == true)
        #expect(try Self.membership(store, login)?.groups == ["civgrid_clerk"])
        #expect(try store.serverRolePlan(login: login, role: .clerk) == [], "already in step")
        // Through its group the login may change a cell, and never the audit.
        try store.read { s throws(GridError) in
            try s.query("SET ROLE \(PGRoles.quoted(login))")
            defer { _ = try? s.query("RESET ROLE") }
            try s.query("UPDATE cell SET note = '复查' WHERE community_id = (SELECT min(community_id) FROM cell)")
        }
        let move = try store.serverRolePlan(login: login, role: .inspector)
        #expect(move == ["REVOKE civgrid_clerk FROM \"\(login)\"", "GRANT civgrid_inspector TO \"\(login)\""])
        try store.applyServerRoles(move, login: login, commit: true)
        #expect(try Self.membership(store, login)?.groups == ["civgrid_inspector"])
        try store.applyServerRoles(try store.serverRolePlan(login: login, role: nil), login: login, commit: true)
        #expect(try Self.membership(store, login)?.groups == [])
    }

    @Test("a NOLOGIN role of that name is given LOGIN: the person connects as it by peer authentication")
    func noLoginRoleMadeLogin() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let login = Self.uniqueLogin()
        defer { Self.drop(store, login) }
        _ = try store.read { s throws(GridError) in try s.query("CREATE ROLE \(PGRoles.quoted(login)) NOLOGIN") }
        let plan = try store.serverRolePlan(login: login, role: .viewer)
        #expect(plan.filter { $0.contains(login) } == ["ALTER ROLE \"\(login)\" LOGIN", "GRANT civgrid_viewer TO \"\(login)\""])
        // Tests run in parallel on one server: when this database was migrated before another test created the group
        // roles, the plan also grants it to them first (table grants only, never another login's membership).
        #expect(plan.filter { !$0.contains(login) }.allSatisfy { $0.contains(" ON ") && ($0.hasPrefix("GRANT ") || $0.hasPrefix("REVOKE ")) }, "\(plan)")
        try store.applyServerRoles(plan, login: login, commit: true)
        #expect(try Self.membership(store, login)?.canLogin == true)
    }

    @Test("an admin whose server role lacks CREATEROLE changes nothing and is told what the database administrator must run")
    func withoutCreateRole() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let admin = Self.uniqueLogin(), login = Self.uniqueLogin()
        defer { Self.drop(store, login); Self.drop(store, admin) }
        try store.installRoles()
        try store.read { s throws(GridError) in
            try s.query("CREATE ROLE \(PGRoles.quoted(admin)) LOGIN IN ROLE civgrid_admin")
            try s.query("SET SESSION AUTHORIZATION \(PGRoles.quoted(admin))")
        }
        let plan = try store.serverRolePlan(login: login, role: .clerk)
        let refused = #expect(throws: GridError.self) { try store.applyServerRoles(plan, login: login, commit: false) }
        _ = try store.read { s throws(GridError) in try s.query("RESET SESSION AUTHORIZATION") }
        #expect(refused?.exitCode == 3)
        let text = refused?.description ?? ""
        #expect(text.contains("CREATEROLE") && text.contains("nothing was changed"), "\(text)")
        #expect(text.contains("CREATE ROLE \"\(login)\" LOGIN; GRANT civgrid_clerk TO \"\(login)\"") && text.contains("psql -d "), "\(text)")
        #expect(try Self.membership(store, login) == nil)
    }

    @Test("a database made at pg1 with roles granted then keeps its rows and grants the newer tables when opened by this civgrid")
    func upgradeGrantsNewTables() throws {
        let db = try PGTestDatabase()
        let old = PostgresStore(location: db.location, session: try PGSession(location: db.location))
        try old.migrate(Array(PGSchema.migrations.prefix(1)), grantingRoles: false)
        // The group roles (cluster-wide) exist; this database grants them what pg1's civgrid granted.
        try old.read { s throws(GridError) in
            try s.execute(PGRoles.createStatements())
            try s.execute(["GRANT SELECT, INSERT, UPDATE ON cell, community, audit TO civgrid_clerk",
                           "GRANT SELECT, INSERT, UPDATE ON cell, community, audit TO civgrid_clerk",
                           "INSERT INTO office (name) VALUES ('城关县三创办')",
                           "INSERT INTO street (office_id, name) VALUES (1, '城关街道')",
                           "INSERT INTO community (street_id, name, kind) VALUES (1, '东关街道第一居民委员会老旧小区', 'old_estate')"])
        }
        old.close()
        let store = try PostgresStore.open(db.location)
        db.stores.append(store)
        #expect(try store.appliedMigrations() == PGSchema.migrations.map(\.name))
        let names = try store.communities(in: .all, filter: .none, offset: 0, limit: 10, today: Fixture.today).map(\.community.name)
        #expect(names == ["东关街道第一居民委员会老旧小区"])
        // pg5's tables, granted by the upgrade to the clerk role installed at pg1.
        try store.read { s throws(GridError) in
            try s.query("SET ROLE civgrid_clerk")
            defer { _ = try? s.query("RESET ROLE") }
            _ = try s.query("SELECT count(*) FROM dispatch_slip")
            try s.query("DELETE FROM site_contact WHERE community_id = 1")
            try s.query("INSERT INTO site_cadence (community_id, days) VALUES (1, 7)")
        }
    }
}
