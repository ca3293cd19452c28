import ArgumentParser
import Foundation
import GridCore
import GridTheme
import TerminalKit

/// `civgrid rank --period 2026-11`: league tables of units or property companies by score.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank", abstract: "Rank units or property companies by score (100 − deductions) for a period.")

    enum By: String, ExpressibleByArgument, CaseIterable { case unit, property }

    @Option(help: ArgumentHelp("A month (2026-11), quarter (2026-Q4) or year (2026).", valueName: "period")) var period: String
    @Option(help: "unit (default) or property.") var by: By = .unit
    @Option(help: ArgumentHelp("Deduction rules (default: $XDG_CONFIG_HOME/civgrid/deductions.toml, else the standard rules).",
                               valueName: "file")) var rules: String?
    @Option(help: ArgumentHelp("Show the deductions behind one name's score.", valueName: "name")) var detail: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    static func loadRules(_ path: String?, env: RunEnvironment) throws(GridError) -> DeductionRules {
        let base = env.variables["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env.variables["HOME"] ?? "") + "/.config")
        let file = path ?? base + "/civgrid/deductions.toml"
        guard let data = FileManager.default.contents(atPath: file) else {
            if path != nil { throw .invalidInput("no rules file at \(file)") }
            return .standard
        }
        return try RulesFile.parse(String(decoding: data, as: UTF8.self), path: file)
    }

    func run() throws {
        let env = try RunEnvironment()
        guard let p = Period(period) else { throw GridError.invalidInput("--period \(period): write 2026-11, 2026-Q4 or 2026") }
        let rulesValue = try RankCommand.loadRules(rules, env: env)
        let db = try store.open(env)
        let asOf = min(p.last, env.clock.today)
        let lines = Scoring.league(try db.scoredCases(from: p.first, to: p.last, utcOffsetSeconds: env.clock.utcOffsetSeconds), rules: rulesValue, asOf: asOf, byProperty: by == .property)
        if let detail {
            guard let line = lines.first(where: { $0.name == detail }) else {
                throw GridError.notFound("“\(detail)” has no deductions in \(p); names in the table are: \(lines.map(\.name).prefix(10).joined(separator: ", "))")
            }
            var t = TextTable(headers: ["案件", "扣分原因", "扣分"], trailing: [2])
            for d in line.deductions { t.append([d.caseNumber.description, d.reason, String(format: "%.2f", d.points)]) }
            print("\(line.name) \(p) 得分 \(String(format: "%.2f", line.score))\n" + t.render())
            return
        }
        if output.json {
            print(Format.jsonText(lines.enumerated().map { i, l in
                ["rank": lines.count - i, "name": l.name, "score": (l.score * 100).rounded() / 100, "deductions": l.deductions.count] as [String: Any]
            }))
            return
        }
        guard !lines.isEmpty else {
            print("\(p) 没有扣分记录 (no deductions in this period)")
            return
        }
        var t = TextTable(headers: ["名次", by == .unit ? "责任单位" : "物业", "得分", "扣分项", ""], trailing: [0, 2, 3])
        let ranked = lines.reversed().enumerated()
        for (i, l) in ranked {
            t.append(["\(i + 1)", l.name, String(format: "%.2f", l.score), "\(l.deductions.count)", i >= lines.count - 3 ? "倒数" : ""])
        }
        print("\(p) \(by == .unit ? "责任单位" : "物业企业")得分排名 (100 − 扣分)\n" + t.render())
    }
}
