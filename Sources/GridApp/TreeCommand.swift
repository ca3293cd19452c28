import ArgumentParser
import GridCore
import TerminalKit

/// `civgrid tree [NODE] [--depth N]`: the hierarchy with roll-up counts, columns aligned for CJK text.
struct TreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree",
        abstract: "Show office → street → community → unit → property company with roll-up counts.")

    @Argument(help: ArgumentHelp("An office, street, community (or 街道/小区), unit or property company; default: all offices.",
                                 valueName: "node"))
    var node: String?

    @Option(help: "Levels to show, counting the first (default 3: office, street, community; 5 adds units and property companies).")
    var depth: Int = 3

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...5).contains(depth) else { throw ValidationError("--depth \(depth) is out of range; use 1 to 5") }
    }

    func run() throws {
        let env = try RunEnvironment()
        let db = try store.open(env, forReading: true)
        let ref = try node.map { q throws(GridError) in try Resolver(store: db).node(q, levels: Set(Grouping.allCases), what: "nodes") }
        let roots = try TreeBuilder(store: db, today: env.clock.today, kinds: try db.kinds(), depth: depth).roots(ref)
        if output.json {
            Output.json(Format.jsonText(["today": env.clock.today.description, "nodes": roots.map(TreeText.json)]))
        } else {
            Output.print(TreeText.render(roots))
        }
    }
}

/// Renders tree items as an aligned table with box-drawing branches, or as JSON.
enum TreeText {
    static func render(_ roots: [TreeItem]) -> String {
        var table = TextTable.forOutput(headers: ["名称"] + Format.countHeaders + ["联系人/类型"], trailing: Format.countColumns(after: 1),
                              maxColumnWidth: 48)
        for (i, root) in roots.enumerated() {
            append(root, prefix: "", branch: "", isLast: i == roots.count - 1, into: &table)
        }
        return table.render()
    }

    static func append(_ item: TreeItem, prefix: String, branch: String, isLast: Bool, into table: inout TextTable) {
        let counts = item.counts.map(Format.counts) ?? Array(repeating: "", count: Format.countHeaders.count)
        table.append([prefix + branch + item.label] + counts + [item.contacts])
        let childPrefix = branch.isEmpty ? prefix : prefix + (isLast ? "   " : "│  ")
        for (i, child) in item.children.enumerated() {
            let last = i == item.children.count - 1
            append(child, prefix: childPrefix, branch: last ? "└─ " : "├─ ", isLast: last, into: &table)
        }
    }

    static func json(_ item: TreeItem) -> [String: Any] {
        var result: [String: Any] = ["label": item.label, "contacts": item.contacts, "children": item.children.map(json)]
        if let ref = item.ref { result["node"] = Format.json(ref) }
        if let counts = item.counts { result["counts"] = Format.json(counts) }
        return result
    }
}
