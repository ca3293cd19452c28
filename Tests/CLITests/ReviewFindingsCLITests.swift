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
