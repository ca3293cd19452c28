import Foundation
import Testing

/// The chain head on every document, `check --anchor`, and tampering with `sqlite3` found by `check` (exit 4).
@Suite("Audit chain from the command line", .serialized)
struct AuditChainCLITests {
    /// `账本 #N:HASH` in `text`, as `N:HASH`.
    static func anchor(in text: String) -> String? {
        guard let range = text.range(of: #"账本 #[0-9]+:[0-9a-f]{12}"#, options: .regularExpression) else { return nil }
        return String(text[range].dropFirst("账本 #".count))
    }

    /// Runs SQL on the file as an operator with `sqlite3` would.
    static func sqlite(_ path: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test("notices, reports in every format and backups print the chain head; check --anchor accepts it, then refuses a rewrite")
    func anchorsOnDocuments() throws {
        let h = CLIHarness()
        try h.demo()
        let backup = try h.run(["backup", "-o", h.folder.appendingPathComponent("copy.sqlite").path])
        let printed = try #require(Self.anchor(in: backup.out), "\(backup.out)")
        for format in ["md", "txt", "html"] {
            #expect(Self.anchor(in: try h.run(["report", "--format", format]).out) == printed, "report --format \(format)")
        }
        for format in ["text", "md", "csv"] {
            let notice = try h.run(["notice", "--from", "2026-11-01", "--to", "2026-11-30", "--format", format, "--preview"])
            #expect(Self.anchor(in: notice.out) == printed, "notice --format \(format)")
        }
        let issued = try h.run(["notice", "--from", "2026-11-01", "--to", "2026-11-30"])
        #expect(Self.anchor(in: issued.out) != printed, "issuing is audited, so the issued notice anchors a newer head")
        let ok = try h.run(["check", "--anchor", printed])
        #expect(ok.code == 0, "\(ok.out)\(ok.err)")
        #expect(ok.out.contains("history up to 账本 #\(printed) is unchanged"))
        #expect(try h.run(["check", "--anchor", "12:xyz"]).code == 2, "a malformed anchor is a usage error")
        try Self.sqlite(h.dbPath, "DROP TRIGGER audit_no_update; UPDATE audit SET note = '改过' WHERE id = 3;")
        let bad = try h.run(["check", "--anchor", printed])
        #expect(bad.code == 4)
        #expect(bad.out.contains("audit #3 (chain #3) was changed after it was written"), "\(bad.out)")
        #expect(bad.out.contains("trigger: audit_no_update is missing"), "\(bad.out)")
    }

    @Test("restore --force refuses a backup whose triggers were dropped; the live database keeps its own")
    func restoreRefusesTamperedBackup() throws {
        let h = CLIHarness()
        try h.demo()
        let copy = h.folder.appendingPathComponent("copy.sqlite").path
        #expect(try h.run(["backup", "-o", copy]).code == 0)
        try Self.sqlite(copy, "DROP TRIGGER audit_no_delete; DROP TRIGGER chain_no_delete;")
        let r = try h.run(["restore", copy, "--force"])
        #expect(r.code == 4, "\(r.out)\(r.err)")
        #expect(r.err.contains("trigger: audit_no_delete is missing"), "\(r.err)")
        #expect(try h.run(["check"]).code == 0)
    }
}
