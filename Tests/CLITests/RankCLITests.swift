import Foundation
import Testing

@Suite("civgrid rank lists everyone in scope", .serialized)
struct RankCLITests {
    /// The names `civgrid stats --by LEVEL` rolls up: every unit or property company with a community.
    func names(_ h: CLIHarness, by level: String) throws -> Set<String> {
        let stats = try h.json(["stats", "--by", level, "--json"]) as? [String: Any]
        let groups = stats?["groups"] as? [[String: Any]] ?? []
        return Set(groups.compactMap { ($0["node"] as? [String: Any])?["name"] as? String })
    }

    @Test("every unit of the demo county is ranked, those without deductions at 100; the bottom three are the three lowest")
    func everyUnit() throws {
        let h = CLIHarness()
        try h.demo()
        let table = try #require(try h.json(["rank", "--period", "2026-11", "--json"]) as? [[String: Any]])
        let units = try names(h, by: "unit")
        #expect(units.count > 10)
        #expect(Set(table.compactMap { $0["name"] as? String }) == units)
        #expect(table.count == units.count, "each unit once")
        let clean = table.filter { $0["deductions"] as? Int == 0 }
        #expect(!clean.isEmpty, "the demo county has units without deductions in November")
        #expect(clean.allSatisfy { $0["score"] as? Double == 100 && $0["bottom_three"] as? Bool == false })
        let bottom = table.filter { $0["bottom_three"] as? Bool == true }.compactMap { $0["name"] as? String }
        #expect(bottom == table.prefix(3).compactMap { $0["name"] as? String }, "lowest first: the first three")
        let text = try h.run(["rank", "--period", "2026-11"])
        #expect(text.code == 0)
        for unit in units { #expect(text.out.contains(unit), "\(unit) is listed") }
        #expect(text.lines.filter { $0.hasSuffix("倒数") }.count == 3)

        let properties = try #require(try h.json(["rank", "--period", "2026-11", "--by", "property", "--json"]) as? [[String: Any]])
        #expect(Set(properties.compactMap { $0["name"] as? String }) == (try names(h, by: "property")))
    }

    @Test("--detail on a unit without deductions prints its 100 and says there were none")
    func detailWithoutDeductions() throws {
        let h = CLIHarness()
        try h.demo()
        let table = try #require(try h.json(["rank", "--period", "2026-11", "--json"]) as? [[String: Any]])
        let clean = try #require(table.first { $0["deductions"] as? Int == 0 }?["name"] as? String)
        let r = try h.run(["rank", "--period", "2026-11", "--detail", clean])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.lines.first?.hasPrefix("\(clean) 2026-11 得分 100.00") == true, "\(r.out)")
        #expect(r.out.contains("本期无扣分") && r.out.contains("no deductions"))
        #expect(try h.run(["rank", "--period", "2026-11", "--detail", "不存在的单位"]).code == 2)
    }
}
