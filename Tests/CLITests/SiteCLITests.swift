import Foundation
import Testing

/// `civgrid site list|show|set` and the register's import columns, run as the built binary: duplicates refused from
/// the command line and from a sheet, refusals writing nothing, JSON for scripts.
@Suite("civgrid command line: declared-site register", .serialized)
struct SiteCLITests {
    func demo() throws -> CLIHarness {
        let h = CLIHarness()
        try h.demo()
        return h
    }

    @Test("site list shows every declared site by number with its light; show and --json agree")
    func listAndShow() throws {
        let h = try demo()
        let list = try h.run(["site", "list"])
        #expect(list.code == 0, "\(list.err)")
        #expect(list.out.contains("◆1 ") && list.out.contains("◆32"), "\(list.out)")
        #expect(list.out.contains("32 个申报点位"))
        let json = try #require(try h.json(["site", "list", "--json"]) as? [[String: Any]])
        #expect(json.map { $0["number"] as? Int ?? 0 } == Array(1...32))
        let first = try #require(json.first)
        let units = try #require(first["units"] as? [[String: Any]])
        #expect(units.first?["role"] as? String == "lead")
        #expect(units.allSatisfy { ($0["responsible"] as? [String: Any])?["phone"] as? String != nil })
        let show = try h.run(["site", "show", "◆1"])
        #expect(show.code == 0, "\(show.err)")
        #expect(show.out.contains("申报点位 第1号") && show.out.contains("牵头单位") && show.out.contains("配合单位"))
        #expect(show.out.contains("具体责任人"))
        let name = try #require(first["name"] as? String)
        #expect(try h.run(["site", "show", name]).out == show.out)
        let missing = try h.run(["site", "show", "99"])
        #expect(missing.code == 2 && missing.err.contains("no declared site 第99号"))
    }

    @Test("site set changes number, cadence and a responsible person in one audited step")
    func set() throws {
        let h = try demo()
        let site = try #require((try h.json(["site", "show", "2", "--json"]) as? [String: Any]))
        let unit = try #require(((site["units"] as? [[String: Any]])?.first?["unit"]) as? String)
        let r = try h.run(["site", "set", "2", "--number", "40", "--cadence", "每两周", "--unit", unit, "--person", "上官婉儿", "--phone", "139 5761 0000"])
        #expect(r.code == 0, "\(r.err)")
        let after = try #require(try h.json(["site", "show", "40", "--json"]) as? [String: Any])
        #expect(after["cadence_days"] as? Int == 14)
        let lead = try #require((after["units"] as? [[String: Any]])?.first { $0["unit"] as? String == unit })
        #expect((lead["responsible"] as? [String: Any])?["phone"] as? String == "13957610000")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM audit WHERE field = 'declared_site' AND new_value = '40'") == "1")
        let again = try h.run(["site", "set", "40", "--cadence", "14天"])
        #expect(again.code == 0 && again.out.contains("未变更"))
        let office = try h.run(["site", "set", "--default-cadence", "monthly"])
        #expect(office.code == 0, "\(office.err)")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT days FROM office_cadence") == "30")
        #expect(try h.run(["check"]).code == 0)
    }

    @Test("a duplicate number is refused from site set, community add and an import; nothing is written",
          arguments: [["site", "set", "3", "--number", "4"],
                      ["community", "add", "城关镇", "东门农贸市场", "--kind", "农贸市场", "--site", "4"]])
    func duplicate(args: [String]) throws {
        let h = try demo()
        let before = try CLIHarness.sqlite3(h.dbPath, ".dump")
        let r = try h.run(args)
        #expect(r.code == 2)
        #expect(r.err.contains("申报点位 第4号 is already"), "\(r.err)")
        #expect(try CLIHarness.sqlite3(h.dbPath, ".dump") == before)
    }

    @Test("an import refuses the row whose number another site holds, and takes the site's person and cadence columns")
    func importColumns() throws {
        let h = try demo()
        let site = try #require((try h.json(["site", "show", "3", "--json"]) as? [String: Any]))
        let (street, name) = (site["street"] as? String ?? "", site["name"] as? String ?? "")
        let lead = try #require(((site["units"] as? [[String: Any]])?.first?["unit"]) as? String)
        let csv = h.folder.appendingPathComponent("点位.csv")
        try """
        所属街道,小区名称,申报点位,责任单位,具体责任人,具体责任人电话,自查周期
        \(street),\(name),3,\(lead),诸葛亮,13957612999,每两周
        \(street),新开农贸市场,4,\(lead),王五,13957612998,每周
        """.write(to: csv, atomically: true, encoding: .utf8)
        let r = try h.run(["import", csv.path, "--update"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("申报点位 第4号 is already"), "\(r.out)")
        let after = try #require((try h.json(["site", "show", "3", "--json"]) as? [String: Any]))
        #expect(after["cadence_days"] as? Int == 14)
        let person = (after["units"] as? [[String: Any]])?.first { $0["unit"] as? String == lead }?["responsible"] as? [String: Any]
        #expect(person?["name"] as? String == "诸葛亮")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM community WHERE name = '新开农贸市场'") == "0")
        #expect(try h.run(["check"]).code == 0)
    }

    @Test("clerks and inspectors may not edit the register (exit 3); bad input exits 2 with what to write")
    func refusals() throws {
        let h = try demo()
        let clerk = try h.run(["site", "set", "3", "--cadence", "weekly"], login: "lina")
        #expect(clerk.code == 3 && clerk.err.contains("维护申报点位"), "\(clerk.err)")
        let inspector = try h.run(["site", "set", "3", "--cadence", "weekly"], login: "zhangwei")
        #expect(inspector.code == 3)
        let cadence = try h.run(["site", "set", "3", "--cadence", "sometimes"])
        #expect(cadence.code == 2 && cadence.err.contains("weekly (每周)"))
        let person = try h.run(["site", "set", "3", "--person", "王五"])
        #expect(person.code == 2 && person.err.contains("--unit"))
        let site = try #require((try h.json(["site", "show", "3", "--json"]) as? [String: Any]))
        let lead = try #require(((site["units"] as? [[String: Any]])?.first?["unit"]) as? String)
        let control = try h.run(["site", "set", "3", "--unit", lead, "--person", "王\u{7}五"])
        #expect(control.code == 2 && control.err.contains("具体责任人"), "\(control.err)")
        #expect(!control.err.contains("\u{7}"))
    }
}
