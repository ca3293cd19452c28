import Foundation
import Testing

@Suite("civgrid tree and report scoped to a node of every kind", .serialized)
struct ScopeCLITests {
    /// One name per level, office → street → community (as 街道/小区) → unit → property company, taken
    /// from the first branch of `tree --depth 5 --json`.
    func firstBranch(_ h: CLIHarness) throws -> [(level: String, name: String)] {
        let tree = try #require(try h.json(["tree", "--depth", "5", "--json"]) as? [String: Any])
        var nodes = tree["nodes"] as? [[String: Any]] ?? []
        var branch: [(level: String, name: String)] = []
        while let first = nodes.first, let node = first["node"] as? [String: Any],
              let level = node["level"] as? String, let name = node["name"] as? String {
            let street = branch.last { $0.level == "street" }?.name
            branch.append((level, level == "community" ? "\(street ?? "")/\(name)" : name))
            nodes = first["children"] as? [[String: Any]] ?? []
        }
        return branch
    }

    @Test("tree NODE and report --scope NODE exit 0 for an office, street, community, unit and property company")
    func everyKind() throws {
        let h = CLIHarness()
        try h.demo()
        let branch = try firstBranch(h)
        #expect(branch.map(\.level) == ["office", "street", "community", "unit", "property"])
        for (level, name) in branch {
            let shortName = String(name.split(separator: "/").last ?? "")
            let tree = try h.run(["tree", name])
            #expect(tree.code == 0, "tree \(level) \(name): \(tree.err)")
            #expect(tree.out.contains(shortName), "tree \(level) \(name)")
            let report = try h.run(["report", "--scope", name])
            #expect(report.code == 0, "report \(level) \(name): \(report.err)")
            #expect(report.out.contains("\(shortName) 创城测评准备情况"), "report \(level) \(name)")
        }
    }
}
