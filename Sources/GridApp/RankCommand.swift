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
    @Option(help: ArgumentHelp("Only this office (a city's: one table across its counties), street, unit or property company.",
                               valueName: "node")) var scope: String?
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
        let db = try store.open(env, forReading: true)
        let asOf = min(p.last, env.clock.today)
        let byProperty = by == .property
        var cases = try db.scoredCases(from: p.first, to: p.last, utcOffsetSeconds: env.clock.utcOffsetSeconds)
        var names = try db.leagueNames(byProperty: byProperty, on: asOf)
        if let scope {
            let narrowed = try RankScope(scope, db: db, cases: cases, byProperty: byProperty, asOf: asOf)
            (cases, names) = (narrowed.cases, narrowed.names)
        }
        let lines = Scoring.league(cases, rules: rulesValue, asOf: asOf, byProperty: byProperty, names: names)
        let rows = Scoring.table(lines)
        if let detail {
            guard let row = rows.first(where: { $0.line.name == detail }) else {
                throw GridError.notFound("“\(detail)” is not in \(p)'s table; names in it include: \(rows.map(\.line.name).prefix(10).joined(separator: ", "))")
            }
            let heading = "\(row.line.name) \(p) 得分 \(String(format: "%.2f", row.line.score)) 第\(row.place)名"
            guard !row.line.deductions.isEmpty else {
                Output.print(heading + "\n本期无扣分 (no deductions in the period)")
                return
            }
            var t = TextTable.forOutput(headers: ["案件", "扣分原因", "扣分"], trailing: [2])
            for d in row.line.deductions { t.append([d.caseNumber.description, d.reason, String(format: "%.2f", d.points)]) }
            Output.print(heading + "\n" + t.render())
            return
        }
        if output.json {
            Output.json(Format.jsonText(rows.reversed().map { r in
                ["rank": r.place, "name": r.line.name, "score": Double(r.line.hundredths) / 100, "deductions": r.line.deductions.count,
                 "bottom_three": r.isBottomThree] as [String: Any]
            }))
            return
        }
        guard !rows.isEmpty else {
            Output.print("\(p) 没有扣分记录 (no deductions in this period)")
            return
        }
        var t = TextTable.forOutput(headers: ["名次", byProperty ? "物业" : "责任单位", "得分", "扣分项", ""], trailing: [0, 2, 3])
        for r in rows {
            t.append(["\(r.place)", r.line.name, String(format: "%.2f", r.line.score), "\(r.line.deductions.count)", r.isBottomThree ? "倒数" : ""])
        }
        Output.print("\(p) \(by == .unit ? "责任单位" : "物业企业")得分排名 (100 − 扣分)\n" + t.render())
    }
}
