import Foundation
import Testing

@Suite("civgrid order: the office's own order of streets and communities")
struct OrderCLITests {
    /// The street names `tree` prints, in order (the office's rows are `├─ 名称`, communities are indented further).
    func streets(_ h: CLIHarness) throws -> [String] {
        let r = try h.run(["tree"])
        #expect(r.code == 0, "\(r.err)")
        return r.out.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("├─ ") || line.hasPrefix("└─ ") else { return nil }
            return line.dropFirst(3).split(separator: " ").first.map(String.init)
        }
    }

    @Test("tree lists streets by pinyin; order puts one first, --clear puts it back; refusals exit 2 or 3 and change nothing")
    func orderStreets() throws {
        let h = CLIHarness()
        try h.demo()
        let before = try streets(h)
        #expect(before.first == "城关镇", "城关镇 (cheng) comes before 兰平镇 (lan): \(before)")
        let last = before[before.count - 1]
        let set = try h.run(["order", "street", last, "1"])
        #expect(set.code == 0 && set.out.contains("已设排序"), "\(set.err)")
        #expect(try streets(h).first == last)
        let again = try h.run(["order", "street", last, "1"])
        #expect(again.code == 0 && again.out.contains("未变更"))
        #expect(try h.run(["order", "street", last, "--clear"]).code == 0)
        #expect(try streets(h) == before)
        #expect(try h.run(["order", "street", last, "-1"]).code != 0)
        #expect(try h.run(["order", "street", last, "一"]).code != 0)
        #expect(try h.run(["order", "unit", last, "1"]).code != 0)
        #expect(try h.run(["order", "street", last]).code != 0)
        #expect(try h.run(["order", "street", "不存在的街道", "1"]).code == 2)
        #expect(try h.run(["order", "street", last, "1"], login: "lina").code == 3)
        #expect(try streets(h) == before)
        let log = try h.run(["log", "--limit", "5"])
        #expect(log.out.contains("office_order") || log.out.contains("排序"), "\(log.out)")
    }

    @Test("order community STREET/NAME N moves it to the top of its street")
    func orderCommunity() throws {
        let h = CLIHarness()
        try h.demo()
        let tree = try h.run(["tree", "城关镇"]).out.split(separator: "\n").map(String.init)
        let communities = tree.filter { $0.hasPrefix("├─ ") || $0.hasPrefix("└─ ") }.map { String($0.dropFirst(3).split(separator: " ")[0]) }
        let lastName = communities[communities.count - 1]
        #expect(try h.run(["order", "community", "城关镇/\(lastName)", "0"]).code == 0)
        let after = try h.run(["tree", "城关镇"]).out.split(separator: "\n").filter { $0.hasPrefix("├─ ") || $0.hasPrefix("└─ ") }
        #expect(after.first?.dropFirst(3).hasPrefix(lastName) == true, "\(after.prefix(2))")
    }
}
