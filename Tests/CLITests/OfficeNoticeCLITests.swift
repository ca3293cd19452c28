import Foundation
import Testing

/// A city's counties issuing their own notices, operators removed, and a county admin's sheet, from the command line:
/// `notice --office` numbered per county (both 2026·第1期 for November), an overlap refused within one county,
/// `operator remove` (kept in the list as 已停用, refused thereafter, the last admin kept, restored with `operator set
/// --restore`), and `import` of master data by a county admin (their rows in, the other county's rejected).
@Suite("civgrid notice --office and operator remove", .serialized)
struct OfficeNoticeCLITests {
    func auditCount(_ h: CLIHarness) throws -> String { try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM audit") }

    @Test("two counties each issue 2026·第1期 for November; an overlapping one in the same county exits 2 and records nothing",
          .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/sqlite3")))
    func countiesNumberTheirOwn() throws {
        let (h, demoOffice) = try OfficeScopeCLITests().city()
        let nov = ["notice", "--from", "2026-11-01", "--to", "2026-11-30"]
        let west = try h.run(nov + ["--office", "西城县创城办"])
        #expect(west.code == 0, "\(west.err)")
        #expect(west.out.contains("西城县创城办督查通报") && west.out.contains("2026·第1期"), "\(west.out)")
        // The west county has no case in November: its notice lists none of the demo county's.
        #expect(west.out.contains("本期发现问题 0 个"), "\(west.out)")
        let east = try h.run(nov + ["--office", demoOffice])
        #expect(east.code == 0 && east.out.contains("\(demoOffice)督查通报") && east.out.contains("2026·第1期"), "\(east.out) \(east.err)")
        #expect(!east.out.contains("本期发现问题 0 个"), "the demo county has November cases")
        let before = try auditCount(h)
        let overlap = try h.run(["notice", "--from", "2026-11-20", "--to", "2026-12-10", "--office", "西城县"])
        #expect(overlap.code == 2 && overlap.err.contains("overlaps 西城县创城办 notice 2026·第1期"), "\(overlap.err)")
        #expect(try auditCount(h) == before)
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM notice WHERE office_id IS NOT NULL") == "2")
        // The county's clerk's own office is the default; a clerk may not issue notices at all (role).
        #expect(try h.run(["notice", "--from", "2026-12-01", "--to", "2026-12-31"], login: "zhao_xi").code == 3)
        let unknown = try h.run(nov + ["--office", "南城县"])
        #expect(unknown.code == 2 && unknown.err.contains("no office “南城县”"), "\(unknown.err)")
    }

    @Test("operator remove keeps the row (已停用 in the list), refuses the login thereafter, keeps the last admin, and restores")
    func operatorRemove() throws {
        let (h, _) = try OfficeScopeCLITests().city()
        let theme = try OfficeScopeCLITests().firstTheme(h, "西关新村")
        let removed = try h.run(["operator", "remove", "zhao_xi", "--reason", "调离"])
        #expect(removed.code == 0 && removed.out.contains("已停用操作员 zhao_xi"), "\(removed.out) \(removed.err)")
        let list = try h.run(["operator", "list"])
        let line = try #require(list.lines.first { $0.contains("zhao_xi") })
        #expect(line.contains("已停用") && line.contains("(admin)"), "\(list.out)")
        let json = try #require(try h.json(["operator", "list", "--json"]) as? [[String: Any]])
        #expect(json.first { $0["login"] as? String == "zhao_xi" }?["removed_by"] as? String == "admin")
        let before = try auditCount(h)
        let set = try h.run(["set", "西关新村", theme, "达标"], login: "zhao_xi")
        #expect(set.code == 3 && set.err.contains("zhao_xi was removed (已停用)"), "\(set.err)")
        #expect(try auditCount(h) == before)
        #expect(try h.run(["operator", "remove", "zhao_xi"]).out.contains("未变更"))
        let log = try h.run(["log", "--limit", "5"])
        #expect(log.out.contains("调离"), "\(log.out)")
        // The last admin stays; an unknown login is named.
        let last = try h.run(["operator", "remove", "admin"])
        #expect(last.code == 2 && last.err.contains("last admin"), "\(last.err)")
        let nobody = try h.run(["operator", "remove", "nobody"])
        #expect(nobody.code == 2 && nobody.err.contains("nobody is not an operator"), "\(nobody.err)")
        // A removed admin may not replace the database either (a check made before any service runs).
        #expect(try h.run(["operator", "add", "boss", "--name", "司马主任", "--role", "admin"]).code == 0)
        #expect(try h.run(["operator", "remove", "boss"]).code == 0)
        let replace = try h.run(["demo", "--force"], login: "boss")
        #expect(replace.code == 3 && replace.err.contains("boss was removed (已停用)"), "\(replace.err)")
        let back = try h.run(["operator", "set", "zhao_xi", "--restore"])
        #expect(back.code == 0, "\(back.err)")
        #expect(try h.run(["set", "西关新村", theme, "达标"], login: "zhao_xi").code == 0)
    }

    @Test("a county admin's sheet: their county's communities go in, the other county's rows are rejected with the scope's message",
          .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/sqlite3")))
    func countyAdminImport() throws {
        let (h, demoOffice) = try OfficeScopeCLITests().city()
        #expect(try h.run(["operator", "add", "qian_xi", "--name", "钱县管", "--role", "admin", "--office", "西城县创城办"]).code == 0)
        let sheet = h.folder.appendingPathComponent("两县小区.csv").path
        try "三创办,所属街道,小区名称\n西城县创城办,西关街道,西关二村\n\(demoOffice),越界街道,越界小区\n西城县创城办,西城开发区,开发区一村\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let r = try h.run(["import", sheet], login: "qian_xi")
        #expect(r.code == 0, "\(r.out) \(r.err)")
        let rejected = try String(contentsOfFile: sheet + ".rejected.csv", encoding: .utf8)
        #expect(rejected.contains("belongs to \(demoOffice)") && rejected.contains("you (qian_xi) work for 西城县创城办"), "\(rejected)")
        #expect(try h.run(["show", "西关二村"]).code == 0 && h.run(["show", "开发区一村"]).code == 0)
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM community WHERE name = '越界小区'") == "0")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM street WHERE name = '越界街道'") == "0")
    }
}
