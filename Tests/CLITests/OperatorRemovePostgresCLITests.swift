import Foundation
import Testing

/// `operator remove` on a PostgreSQL store: the person's login role leaves civgrid's group roles (so the server, too,
/// stops them writing — or reading — outside civgrid), and `operator set --restore` puts it back.
@Suite("operator remove on PostgreSQL", .enabled(if: PostgresCLI.server != nil || PostgresCLI.required,
                                                 "no PostgreSQL server (CIVGRID_TEST_PG unset): CLI-on-PostgreSQL tests skipped"))
struct OperatorRemovePostgresCLITests {
    @Test("remove revokes the login's civgrid group role; restore grants it again")
    func removeRevokes() throws {
        try PostgresCLI.withDemoAndLogin { h, login in try removeRevokes(h, login) }
    }

    func removeRevokes(_ h: PostgresCLIHarness, _ login: String) throws {
        #expect(try h.run(["operator", "add", login, "--name", "司马光", "--role", "inspector"]).code == 0)
        let groups = "SELECT coalesce(string_agg(g.rolname, ',' ORDER BY g.rolname), '') FROM pg_roles u "
            + "LEFT JOIN pg_auth_members m ON m.member = u.oid LEFT JOIN pg_roles g ON g.oid = m.roleid WHERE u.rolname = '\(login)'"
        #expect(try PostgresCLI.psqlValue(h.address, groups) == "civgrid_inspector")
        let removed = try h.run(["operator", "remove", login, "--reason", "退休"])
        #expect(removed.code == 0, "\(removed.err)")
        #expect(removed.out.contains("REVOKE civgrid_inspector FROM \"\(login)\""), "\(removed.out)")
        #expect(try PostgresCLI.psqlValue(h.address, groups) == "")
        #expect(try PostgresCLI.psqlValue(h.address, "SELECT removed_by FROM operator WHERE login = '\(login)'") == "admin")
        let restored = try h.run(["operator", "set", login, "--restore"])
        #expect(restored.code == 0 && restored.out.contains("GRANT civgrid_inspector"), "\(restored.out) \(restored.err)")
        #expect(try PostgresCLI.psqlValue(h.address, groups) == "civgrid_inspector")
    }
}

extension PostgresCLI {
    /// Runs `body` on a new server database holding the demo, with a fresh login name; drops both afterwards.
    static func withDemoAndLogin(_ body: (PostgresCLIHarness, String) throws -> Void) throws {
        let (h, db) = try harness()
        let login = "cg_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        defer {
            drop(db)
            if let server { try? psql(server, "DROP ROLE IF EXISTS \(login)") }
        }
        #expect(try h.run(["demo"]).code == 0)
        try body(h, login)
    }
}
