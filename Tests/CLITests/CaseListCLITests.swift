import Foundation
import Testing

/// `civgrid case list` filters, answered by the store.
@Suite("civgrid case list filters", .serialized)
struct CaseListCLITests {
    func list(_ h: CLIHarness, _ extra: [String]) throws -> [[String: Any]] {
        try h.json(["case", "list", "--limit", "100000", "--json"] + extra) as? [[String: Any]] ?? []
    }

    @Test("state, overdue, source, unit, street, theme and found-day filters each return exactly the matching cases")
    func filters() throws {
        let h = CLIHarness()
        try h.demo()
        let open = try list(h, [])
        #expect(!open.isEmpty)
        let assigned = try list(h, ["--state", "assigned,整改中"])
        #expect(!assigned.isEmpty && assigned.allSatisfy { ["assigned", "rectifying"].contains($0["state"] as? String ?? "") })
        #expect(assigned.count == open.filter { ["assigned", "rectifying"].contains($0["state"] as? String ?? "") }.count)
        let overdue = try list(h, ["--overdue"])
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0["overdue"] as? Bool == true })
        #expect(overdue.count == open.filter { $0["overdue"] as? Bool == true }.count)
        let citizen = try list(h, ["--all", "--source", "citizen"])
        #expect(citizen.allSatisfy { $0["source"] as? String == "citizen" })
        let closed = try list(h, ["--state", "closed"])
        #expect(!closed.isEmpty && closed.allSatisfy { $0["state"] as? String == "closed" }, "a finished state lists finished cases")

        let (community, theme) = try CLITests().freeCell(h)
        #expect(try h.run(["set", community, theme, "2", "--note", "今天发现"]).code == 0)
        let today = try list(h, ["--since", "today"])
        #expect(today.map { $0["description"] as? String } == ["今天发现"])
        let street = String(community.split(separator: "/")[0])
        let inStreet = try list(h, ["--street", street, "--theme", theme, "--since", "today", "--until", "today"])
        #expect(inStreet.count == 1)
        // --theme filters (it once went to the root command's palette option and listed every theme).
        let openAll = try list(h, ["--all"])
        let byTheme = try list(h, ["--all", "--theme", theme])
        #expect(!byTheme.isEmpty && byTheme.count < openAll.count)
        #expect(Set(byTheme.compactMap { $0["theme_id"] as? Int }).count == 1)
        #expect(try h.run(["case", "list", "--theme", "不存在的主题"]).code == 2)
        let number = try #require(assigned.first?["number"] as? String)
        let shown = try h.json(["case", "show", number, "--json"]) as? [String: Any]
        let unit = try #require(shown?["dispatched_unit"] as? [String: Any])
        let unitID = try #require(unit["id"] as? Int), unitName = try #require(unit["name"] as? String)
        let byUnit = try list(h, ["--unit", unitName])
        #expect(byUnit.contains { $0["number"] as? String == number })
        // Before dispatch a case has no handling unit (JSON null) and is listed under the unit it was registered to.
        #expect(byUnit.allSatisfy { ($0["handling_unit_id"] as? Int) == unitID
            || (($0["handling_unit_id"] == nil || $0["handling_unit_id"] is NSNull) && $0["chain_unit"] as? String == unitName) })
    }

    @Test("a state that does not exist is refused with the list of states")
    func badState() throws {
        let h = CLIHarness()
        try h.demo()
        let r = try h.run(["case", "list", "--state", "done"])
        #expect(r.code == 2)
        #expect(r.err.contains("rectifying (整改中)"))
    }
}
