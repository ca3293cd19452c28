import Foundation
import Testing

/// A city with two counties in one database, from the command line: `office add --parent`, `operator add --office`,
/// a county clerk refused in the other county (exit 3, both offices named, nothing written) and working in their own,
/// and the city's tree, report and league table spanning both counties.
@Suite("civgrid office and operator --office: a city over its counties", .serialized)
struct OfficeScopeCLITests {
    /// The demo county put under 江州市创城办, with 西城县创城办 beside it (one street, one community) and a clerk there.
    func city() throws -> (h: CLIHarness, demoOffice: String) {
        let h = CLIHarness()
        try h.demo()
        // A cell of the demo county without open cases, found while the demo office is still the only top office.
        let (community, theme) = try CLITests().freeCell(h)
        try (community + "\t" + theme).write(to: h.folder.appendingPathComponent("east-cell"), atomically: true, encoding: .utf8)
        let offices = try #require(try h.json(["office", "list", "--json"]) as? [[String: Any]])
        let demoOffice = try #require(offices.first?["name"] as? String)
        for args in [["office", "add", "江州市创城办"], ["office", "set", demoOffice, "--parent", "江州市创城办"],
                     ["office", "add", "西城县创城办", "--parent", "江州市"], ["street", "add", "西关街道", "--office", "西城县创城办"],
                     ["community", "add", "西关街道", "西关新村"],
                     ["operator", "add", "zhao_xi", "--name", "赵西城", "--role", "clerk", "--office", "西城县创城办"]] {
            let r = try h.run(args)
            #expect(r.code == 0, "\(args): \(r.err)")
        }
        return (h, demoOffice)
    }

    func auditCount(_ h: CLIHarness) throws -> String { try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM audit") }

    /// The demo county's free cell `city()` noted, with a status that changes it.
    func eastCell(_ h: CLIHarness) throws -> [String] {
        let saved = try String(contentsOf: h.folder.appendingPathComponent("east-cell"), encoding: .utf8).split(separator: "\t").map(String.init)
        let show = try #require(try h.json(["show", saved[0], "--json"]) as? [String: Any])
        let cell = ((show["cells"] as? [[String: Any]]) ?? []).first { $0["theme"] as? String == saved[1] }
        return [saved[0], saved[1], cell?["status"] as? String == "ok" ? "未查" : "达标"]
    }

    /// The first theme of a community.
    func firstTheme(_ h: CLIHarness, _ community: String) throws -> String {
        let show = try #require(try h.json(["show", community, "--json"]) as? [String: Any])
        return try #require(((show["cells"] as? [[String: Any]]) ?? []).first?["theme"] as? String)
    }

    @Test("a county clerk's set and case add in the other county exit 3 naming both offices and write nothing; at home they work")
    func clerkScoped() throws {
        let (h, demoOffice) = try city()
        let before = try auditCount(h)
        let east = try eastCell(h)
        let set = try h.run(["set"] + east, login: "zhao_xi")
        #expect(set.code == 3, "\(set.out) \(set.err)")
        #expect(set.err.contains("belongs to \(demoOffice)") && set.err.contains("you (zhao_xi) work for 西城县创城办"), "\(set.err)")
        #expect(set.err.contains("ask an admin (管理员) of \(demoOffice)"), "\(set.err)")
        let add = try h.run(["case", "add", east[0], east[1], "--desc", "垃圾桶满溢"], login: "zhao_xi")
        #expect(add.code == 3 && add.err.contains("belongs to \(demoOffice)"), "\(add.err)")
        #expect(try auditCount(h) == before)
        let theme = try firstTheme(h, "西关新村")
        let home = try h.run(["set", "西关新村", theme, "达标"], login: "zhao_xi")
        #expect(home.code == 0, "\(home.err)")
        let homeCase = try h.run(["case", "add", "西关新村", theme, "--desc", "占道经营"], login: "zhao_xi")
        #expect(homeCase.code == 0, "\(homeCase.err)")
        // The city-level admin (no office) still works everywhere.
        let byCity = try h.run(["set"] + east)
        #expect(byCity.code == 0, "\(byCity.err)")
    }

    @Test("a set into the other county that would change nothing is refused the same way (exit 3, both offices named, no audit)")
    func unchangedRefused() throws {
        let (h, demoOffice) = try city()
        let east = try eastCell(h)
        let show = try #require(try h.json(["show", east[0], "--json"]) as? [String: Any])
        let cell = try #require(((show["cells"] as? [[String: Any]]) ?? []).first { $0["theme"] as? String == east[1] })
        let current = try #require(cell["status"] as? String)
        let before = try auditCount(h)
        let same = try h.run(["set", east[0], east[1], current], login: "zhao_xi")
        #expect(same.code == 3, "\(same.out) \(same.err)")
        #expect(same.err.contains("belongs to \(demoOffice)") && same.err.contains("you (zhao_xi) work for 西城县创城办"), "\(same.err)")
        #expect(!same.out.contains("未变更"), "\(same.out)")
        #expect(try auditCount(h) == before)
        // At home the same request is 未变更, exit 0.
        let theme = try firstTheme(h, "西关新村")
        let home = try h.run(["set", "西关新村", theme, "未查"], login: "zhao_xi")
        #expect(home.code == 0 && home.out.contains("未变更"), "\(home.out) \(home.err)")
    }

    @Test("operator add --office refuses an unknown office listing the offices; operator list shows each one's office")
    func operatorOffice() throws {
        let (h, demoOffice) = try city()
        let bad = try h.run(["operator", "add", "qian", "--name", "钱多多", "--role", "clerk", "--office", "南城县"])
        #expect(bad.code != 0 && bad.err.contains("no office “南城县”"), "\(bad.err)")
        #expect(bad.err.contains("西城县创城办") && bad.err.contains("江州市创城办") && bad.err.contains(demoOffice), "\(bad.err)")
        let list = try h.run(["operator", "list"])
        let zhao = try #require(list.lines.first { $0.contains("zhao_xi") })
        #expect(zhao.contains("西城县创城办"))
        #expect(list.lines.first { $0.hasPrefix("admin") }?.contains("全部") == true, "\(list.out)")
        // A county clerk cannot change operators at all (role), and a scoped admin cannot grant the whole database.
        #expect(try h.run(["operator", "add", "xi_admin", "--name", "孙西管", "--role", "admin", "--office", "西城县创城办"]).code == 0)
        let grant = try h.run(["operator", "set", "zhao_xi", "--office", ""], login: "xi_admin")
        #expect(grant.code == 3 && grant.err.contains("only a city-level admin") && grant.err.contains("add --office 西城县创城办"),
                "\(grant.err)")
        #expect(try h.run(["operator", "add", "wu_xi", "--name", "吴西", "--role", "clerk"], login: "xi_admin").code == 3)
        let own = try h.run(["operator", "add", "wu_xi", "--name", "吴西", "--role", "clerk", "--office", "西城县创城办"], login: "xi_admin")
        #expect(own.code == 0, "\(own.err)")
    }

    @Test("the city's tree, report and league table cover both counties")
    func cityRollups() throws {
        let (h, demoOffice) = try city()
        let tree = try h.run(["tree", "--depth", "2"])
        #expect(tree.code == 0)
        let lines = tree.lines
        let cityLine = try #require(lines.firstIndex { $0.contains("江州市创城办") })
        let west = try #require(lines.firstIndex { $0.contains("西城县创城办") })
        let east = try #require(lines.firstIndex { $0.contains(demoOffice) })
        #expect(cityLine < west && cityLine < east, "\(tree.out)")
        let cityTree = try #require(try h.json(["tree", "江州市创城办", "--depth", "1", "--json"]) as? [String: Any])
        let demoTree = try #require(try h.json(["tree", demoOffice, "--depth", "1", "--json"]) as? [String: Any])
        #expect(total(cityTree) > total(demoTree) && total(demoTree) > 0, "\(cityTree) \(demoTree)")
        let report = try h.run(["report", "--scope", "江州市创城办"])
        #expect(report.code == 0 && report.out.contains("西关街道") && report.out.contains("江州市创城办 创城测评准备情况"), "\(report.err)")
        let rank = try h.run(["rank", "--period", "2026", "--scope", "江州市创城办"])
        #expect(rank.code == 0, "\(rank.err)")
        #expect(rank.out.contains("\(demoOffice)·"), "\(rank.out)")
        let county = try h.run(["rank", "--period", "2026", "--scope", demoOffice])
        #expect(county.code == 0 && !county.out.contains("西城县创城办·"), "\(county.out)")
    }

    /// The first node's total number of cells in `tree --json`.
    func total(_ tree: [String: Any]) -> Int {
        let node = (tree["nodes"] as? [[String: Any]])?.first
        let counts = node?["counts"] as? [String: Any]
        return (counts?["total"] as? Int) ?? -1
    }
}
