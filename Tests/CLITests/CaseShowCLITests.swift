import Foundation
import TerminalKit
import Testing

@Suite("civgrid case show: dispatched unit and trace-back", .serialized)
struct CaseShowCLITests {
    /// The display column where `text` starts in `line`.
    func column(of text: String, in line: String) -> Int? {
        line.range(of: text).map { DisplayWidth.standard.of(line[..<$0.lowerBound]) }
    }

    @Test("a dispatched case names its unit; after reassignment the chain as registered stands beside today's")
    func dispatchedAndReassigned() throws {
        let h = CLIHarness()
        try h.demo()
        let tree = try h.json(["tree", "--depth", "3", "--json"]) as? [String: Any]
        let street = ((tree?["nodes"] as? [[String: Any]])?.first?["children"] as? [[String: Any]])?.first
        let community = ((street?["children"] as? [[String: Any]])?.first?["node"] as? [String: Any])?["name"] as? String ?? ""
        let path = "\(street?["label"] as? String ?? "")/\(community)"
        let add = try h.run(["case", "add", path, "公益广告", "--desc", "公益广告破损"])
        #expect(add.code == 0, "\(add.err)")
        let number = String(add.out.split(separator: " ")[1].dropLast())
        let before = try #require(try h.json(["case", "show", number, "--json"]) as? [String: Any])
        #expect(before["dispatched_unit"] is NSNull, "not dispatched yet")
        #expect(try h.run(["case", "show", number]).out.contains("交办单位 未交办"))
        let lead = try #require((before["chain_registered"] as? [String: Any])?["unit"] as? String)
        for action in ["register", "assign"] { #expect(try h.run(["case", "move", number, action]).code == 0) }

        let dispatched = try #require(try h.json(["case", "show", number, "--json"]) as? [String: Any])
        #expect((dispatched["dispatched_unit"] as? [String: Any])?["name"] as? String == lead)
        #expect((dispatched["chain_today"] as? [String: Any])?["unit"] as? String == lead, "nothing reassigned yet")
        #expect(try h.run(["case", "show", number]).out.contains("交办单位 \(lead)"))

        // Another unit takes the community over from today.
        let stats = try h.json(["stats", "--by", "unit", "--json"]) as? [String: Any]
        let units = (stats?["groups"] as? [[String: Any]] ?? []).compactMap { ($0["node"] as? [String: Any])?["name"] as? String }
        let successor = try #require(units.first { $0 != lead && !$0.hasPrefix(lead) && !lead.hasPrefix($0) })
        let assign = try h.run(["assign", path, successor, "--role", "lead", "--no-property"])
        #expect(assign.code == 0, "\(assign.err)")

        let after = try #require(try h.json(["case", "show", number, "--json"]) as? [String: Any])
        let registered = try #require(after["chain_registered"] as? [String: Any])
        let today = try #require(after["chain_today"] as? [String: Any])
        #expect(registered["unit"] as? String == lead)
        #expect(today["unit"] as? String == successor)
        #expect(today["property"] is NSNull)
        #expect((after["dispatched_unit"] as? [String: Any])?["name"] as? String == lead, "still with the unit it was dispatched to")

        let text = try h.run(["case", "show", number])
        #expect(text.code == 0)
        let header = try #require(text.lines.first { $0.contains("登记时责任链") && $0.contains("今日责任链") })
        let row = try #require(text.lines.first { $0.hasPrefix("责任单位") })
        #expect(row.contains(lead) && row.contains(successor) && row.hasSuffix("已变更"), "\(row)")
        #expect(column(of: "登记时责任链", in: header) == column(of: lead, in: row), "\(header)\n\(row)")
        #expect(column(of: "今日责任链", in: header) == column(of: successor, in: row), "\(header)\n\(row)")
        let property = try #require(text.lines.first { $0.hasPrefix("物业") })
        #expect(property.hasSuffix("无物业") || property.hasSuffix("已变更"), "\(property)")
    }
}
