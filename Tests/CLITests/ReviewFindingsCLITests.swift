import Foundation
import Testing

/// Defects an adversarial review found, each refused with a clear message and nothing written.
@Suite("civgrid command line: review findings", .serialized)
struct ReviewFindingsCLITests {
    @Test("a new long-term case planned for a day already past is refused (it would be overdue at once)")
    func longTermPlanInThePast() throws {
        let h = CLIHarness()
        try h.demo()
        let (community, theme) = try CLITests().freeCell(h)
        let before = try h.lastAuditID()
        let r = try h.run(["set", community, theme, "2", "--note", "楼顶违建待拆除", "--class", "long_term", "--plan", "2020-01-01"])
        #expect(r.code == 2)
        #expect(r.err.contains("plan date 2020-01-01 of a long-term (长期) case must be after today"), "\(r.err)")
        #expect(try h.lastAuditID() == before)
        #expect(try h.run(["set", community, theme, "2", "--note", "楼顶违建待拆除", "--class", "long_term", "--plan", "2027-03-31"]).code == 0)
    }

    @Test("an operator without a display name is refused")
    func operatorNeedsAName() throws {
        let h = CLIHarness()
        try h.demo()
        let before = try h.lastAuditID()
        let r = try h.run(["operator", "add", "newguy", "--name", "  ", "--role", "clerk"])
        #expect(r.code == 2)
        #expect(r.err.contains("needs a display name"), "\(r.err)")
        #expect(try h.lastAuditID() == before)
    }

    @Test("importing a folder says it is a folder")
    func importFolder() throws {
        let h = CLIHarness()
        try h.demo()
        let r = try h.run(["import", h.folder.path])
        #expect(r.code == 2)
        #expect(r.err.contains("is a folder, not a sheet"), "\(r.err)")
    }

    @Test("the case ledger export names its rework count 返工次数")
    func exportReworkHeader() throws {
        let h = CLIHarness()
        try h.demo()
        let out = h.folder.appendingPathComponent("cases.csv").path
        #expect(try h.run(["export", "--kind", "cases", "-o", out]).code == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let header = try #require(text.split(separator: "\n").first)
        #expect(header.contains("返工次数") && !header.contains("退回次数"), "\(header)")
    }
}

extension ReviewFindingsCLITests {
    @Test("a community whose name holds “/” is found by its name and by 街道/名称")
    func slashInName() throws {
        let h = CLIHarness()
        try h.demo()
        let sheet = h.folder.appendingPathComponent("slash.csv")
        try "所属街道,小区名称\n城关镇,金桂园一/二期\n".write(to: sheet, atomically: true, encoding: .utf8)
        #expect(try h.run(["import", sheet.path]).code == 0)
        for name in ["金桂园一/二期", "城关镇/金桂园一/二期"] {
            let shown = try h.run(["show", name])
            #expect(shown.code == 0, "\(name): \(shown.err)")
            #expect(shown.out.contains("金桂园一/二期"))
        }
    }
}

extension ReviewFindingsCLITests {
    @Test("an export imported into another database, then again, changes nothing: its 编号 are not trusted over names")
    func exportIntoAnotherDatabase() throws {
        let h = CLIHarness()
        try h.demo()
        let sheet = h.folder.appendingPathComponent("communities.csv").path
        #expect(try h.run(["export", "--kind", "communities", "-o", sheet]).code == 0)
        let other = h.folder.appendingPathComponent("other.sqlite").path
        #expect(try h.run(["init", "--office", "城关县三创办", "--db", other]).code == 0)
        #expect(try h.run(["import", sheet, "--db", other]).code == 0)
        let again = try h.run(["import", sheet, "--db", other])
        #expect(again.code == 0, "\(again.err)")
        #expect(again.out.contains("变更 changed 0") && again.out.contains("拒绝 rejected 0"), "\(again.out)")
        #expect(!again.out.contains("按规范化名称匹配"), "\(again.out)")
    }
}

extension ReviewFindingsCLITests {
    @Test("demo --force never overwrites a file that is not a civgrid database")
    func demoForceSparesOtherFiles() throws {
        let h = CLIHarness()
        let sheet = h.folder.appendingPathComponent("名单.csv")
        let bytes = Data("所属街道,小区名称\n城关镇,阳光小区\n".utf8)
        try bytes.write(to: sheet)
        let r = try h.run(["demo", "--force", "--db", sheet.path])
        #expect(r.code == 2)
        #expect(r.err.contains("is not a civgrid database"), "\(r.err)")
        #expect(try Data(contentsOf: sheet) == bytes, "the sheet is left byte for byte")
    }
}

extension ReviewFindingsCLITests {
    @Test("--class and --source on a status other than 有问题 are refused, not ignored")
    func caseOptionsOnlyFor2() throws {
        let h = CLIHarness()
        try h.demo()
        let (community, theme) = try CLITests().freeCell(h)
        let before = try h.lastAuditID()
        for extra in [["--class", "days7"], ["--source", "citizen"]] {
            let r = try h.run(["set", community, theme, "5", "--note", "已清理"] + extra)
            #expect(r.code == 2, "\(extra): \(r.err)")
            #expect(r.err.contains("--class and --source describe the case"), "\(r.err)")
        }
        #expect(try h.lastAuditID() == before)
    }

    @Test("options a step does not take are refused, not dropped: set --due moving a case, case move --until/--unit, import --sheet on a CSV")
    func silentOptions() throws {
        let h = CLIHarness()
        try h.demo()
        let (community, theme) = try CLITests().freeCell(h)
        let recorded = try h.run(["set", community, theme, "2", "--note", "垃圾桶满溢"])
        let number = try #require(recorded.out.firstMatch(of: /已上报案件 ([0-9]{4}-[0-9]+)/).map { String($0.1) }, "\(recorded.out)")
        for step in ["register", "assign"] { #expect(try h.run(["case", "move", number, step]).code == 0) }
        var before = try h.lastAuditID()
        let due = try h.run(["set", community, theme, "3", "--due", "+5"])
        #expect(due.code == 2 && due.err.contains("--due cannot set its deadline") && due.err.contains("request_extension"), "\(due.err)")
        #expect(try h.lastAuditID() == before)

        for (extra, says) in [(["register", "--until", "2027-01-31"], "--until applies only to request_extension"),
                              (["register", "--unit", "城关住建局"], "--unit applies only to assign")] {
            let r = try h.run(["case", "move", number] + extra)
            #expect(r.code == 2 && r.err.contains(says), "\(extra): \(r.err)")
        }
        #expect(try h.lastAuditID() == before)

        let csv = h.folder.appendingPathComponent("小区.csv")
        try Data("街道,小区名称\n城关镇,新建小区\n".utf8).write(to: csv)
        before = try h.lastAuditID()
        let sheet = try h.run(["import", csv.path, "--sheet", "Sheet2"])
        #expect(sheet.code == 2 && sheet.err.contains("--sheet picks a sheet of an .xlsx"), "\(sheet.err)")
        #expect(try h.lastAuditID() == before)
    }

    @Test("case list: --limit below 1 and --since after --until are refused")
    func caseListBounds() throws {
        let h = CLIHarness()
        try h.demo()
        let zero = try h.run(["case", "list", "--limit", "0"])
        #expect(zero.code == 2 && zero.err.contains("--limit 0: give at least 1"), "\(zero.err)")
        let swapped = try h.run(["case", "list", "--all", "--since", "2026-11-30", "--until", "2026-11-01"])
        #expect(swapped.code == 2 && swapped.err.contains("is after --until"), "\(swapped.err)")
        #expect(try h.run(["case", "list", "--all", "--since", "2026-11-01", "--until", "2026-11-30"]).code == 0)
    }
}
