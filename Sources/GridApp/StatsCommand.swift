import ArgumentParser
import GridCore
import TerminalKit

extension Grouping: ExpressibleByArgument {}

/// `civgrid stats [--by street|unit|property]`: counts by status and overdue.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count cells by status and overdue.")

    @Option(help: "Group by office (default), street, community, unit or property.")
    var by: Grouping = .office

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let env = try RunEnvironment()
        let db = try store.open(env, forReading: true)
        let groups = try db.rollups(groupedBy: by, within: .all, today: env.clock.today)
        if output.json {
            Output.json(Format.jsonText(["today": env.clock.today.description, "by": by.rawValue, "groups": groups.map { g in
                ["node": g.node.map(Format.json) as Any, "counts": Format.json(g.counts)] as [String: Any]
            }]))
            return
        }
        var table = TextTable.forOutput(headers: ["名称", "所属"] + Format.countHeaders + ["达标率"], trailing: Format.countColumns(after: 2).union([12]))
        for g in groups {
            let rate = g.counts.total == 0 ? "—" : "\(g.counts[.ok] * 100 / g.counts.total)%"
            table.append([g.node?.name ?? "无物业（自管）", g.node?.path ?? ""] + Format.counts(g.counts) + [rate])
        }
        // A community with several units counts for each, so unit groups do not add up to a total.
        if by != .unit {
            var total = StatusCounts()
            for g in groups { total.add(g.counts) }
            table.append(["合计", ""] + Format.counts(total) + [total.total == 0 ? "—" : "\(total[.ok] * 100 / total.total)%"])
        }
        Output.print(table.render())
    }
}
