import Foundation
import Testing

/// `CIVGRID_LOGIN` cannot make an operator someone else: it is honoured for an admin OS account (recorded as acting
/// for the claimed login) or a database created as a test fixture, and refused for everyone else.
@Suite("civgrid command line: identity", .serialized)
struct IdentityCLITests {
    /// The OS account running the tests (the real uid's login).
    var me: String {
        guard let pw = getpwuid(getuid()), let name = pw.pointee.pw_name else { return "uid\(getuid())" }
        return String(cString: name)
    }

    @Test("a non-admin OS account that sets CIVGRID_LOGIN is refused and changes nothing; an admin acts for another, audited as both")
    func claimsNeedAnAdmin() throws {
        let h = CLIHarness()
        #expect(try h.run(["init", "--office", "白河县三创办"], login: nil).code == 0)
        #expect(try h.run(["operator", "add", "chief", "--name", "主任", "--role", "admin"], login: nil).code == 0)
        // An admin OS account acting for chief: allowed, and the audit shows both.
        #expect(try h.run(["operator", "add", "helper", "--name", "助手", "--role", "clerk"], login: "chief").code == 0)
        let log = try h.json(["log", "--limit", "1", "--json"], login: nil) as? [[String: Any]]
        #expect(log?.first?["operator"] as? String == "chief")
        #expect(log?.first?["os_user"] as? String == me)
        // Now the OS account is only a clerk: its claim to be chief is refused, and so is what a clerk may not do.
        #expect(try h.run(["operator", "set", me, "--role", "clerk"], login: nil).code == 0)
        let before = try h.lastAuditIDAsOSUser()
        let claim = try h.run(["operator", "add", "evil", "--name", "x", "--role", "admin"], login: "chief")
        #expect(claim.code == 3)
        #expect(claim.err.contains("CIVGRID_LOGIN=chief is honoured only for an admin"), "\(claim.err)")
        let plain = try h.run(["operator", "add", "evil", "--name", "x", "--role", "admin"], login: nil)
        #expect(plain.code == 3)
        #expect(try h.lastAuditIDAsOSUser() == before)
    }

    @Test("a database created with CIVGRID_LOGIN is a test fixture that trusts it, and says so")
    func fixtureTrustsClaims() throws {
        let h = CLIHarness()
        let created = try h.run(["init", "--office", "白河县三创办"], login: "chief")
        #expect(created.code == 0)
        #expect(created.err.contains("test fixture"))
        #expect(try h.run(["operator", "add", "li", "--name", "李", "--role", "inspector"], login: "chief").code == 0)
    }
}

extension CLIHarness {
    /// The newest audit id, read as the OS account (no CIVGRID_LOGIN).
    func lastAuditIDAsOSUser() throws -> Int {
        // Read from the file itself: the OS account may no longer be allowed the harness's pinned clock.
        return Int(try CLIHarness.sqlite3(dbPath, "SELECT coalesce(max(id), 0) FROM audit")) ?? -1
    }

}

extension IdentityCLITests {
    @Test("CIVGRID_NOW cannot date a change on an office's database unless an admin sets it; refused, nothing written")
    func pinnedClockNeedsAnAdmin() throws {
        let h = CLIHarness()
        #expect(try h.run(["init", "--office", "白河县三创办"], login: nil).code == 0)
        // The OS account is the admin that created the database: its pinned clock is honoured (what-ifs, repairs).
        #expect(try h.run(["operator", "add", "chief", "--name", "主任", "--role", "admin"], login: nil).code == 0)
        #expect(try h.run(["operator", "set", me, "--role", "clerk"], login: nil, extraEnv: ["CIVGRID_NOW": "2026-12-04T02:00:00.000Z"]).code == 0)
        let before = try h.lastAuditIDAsOSUser()
        // Now a clerk: a change dated by CIVGRID_NOW (backdated half a year) is refused before anything is written.
        let dated = try h.run(["operator", "add", "wangfang", "--name", "王芳", "--role", "clerk"], login: nil,
                              extraEnv: ["CIVGRID_NOW": "2026-06-01T08:00:00.000Z"])
        #expect(dated.code == 3)
        #expect(dated.err.contains("CIVGRID_NOW=2026-06-01T08:00:00.000Z is honoured only for an admin"), "\(dated.err)")
        #expect(try h.lastAuditIDAsOSUser() == before)
    }
}
