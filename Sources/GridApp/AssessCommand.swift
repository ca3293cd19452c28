import ArgumentParser
import Foundation
import GridCore
import GridTheme
import TerminalKit

/// `civgrid assess`: predicts the assessment score from the board (Monte Carlo over the sampling plan), ranks the fixes,
/// and checks the assessment file.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", abstract: "Predict the assessment score from the board (测评模拟), rank the fixes, check assessment.toml.",
        discussion: """
            The model (indicators, sampling plan, deductions, target) is read from --file, else \
            $XDG_CONFIG_HOME/civgrid/assessment.toml, else the built-in example (Config/assessment.toml in the source).
            """,
        subcommands: [AssessRun.self, AssessFixes.self, AssessCheck.self], defaultSubcommand: AssessRun.self)
}

/// The options every simulation takes.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Simulated assessments (1…1000000).") var runs = 10_000
    @Option(help: "Random seed: the same seed on the same board gives the same figures.") var seed: UInt64 = 2026
    @Option(help: ArgumentHelp("Only this office, street, unit or property company.", valueName: "node")) var scope: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "What-if: the board on this day if every deadline holds (cases due by then closed, overdue ones still open).",
        valueName: "date")) var asOf: String?
    @Option(help: ArgumentHelp("Assessment model (default: $XDG_CONFIG_HOME/civgrid/assessment.toml, else the built-in one).",
                               valueName: "file")) var file: String?

    /// Everything a simulation needs, resolved and checked (bad input changes nothing and says how to fix it).
    func prepare(_ env: RunEnvironment, _ engine: AssessmentEngine) throws(GridError) -> Prepared {
        guard (1...1_000_000).contains(runs) else { throw .invalidInput("--runs \(runs): give 1 to 1000000 simulated assessments") }
        let today = env.clock.today
        var asOfDay = today
        if let asOf {
            asOfDay = try Resolver.day(asOf, option: "--as-of", today: today)
            guard asOfDay >= today else {
                throw .invalidInput("--as-of \(asOfDay) is in the past; give today or a later day (e.g. \(today.adding(days: 7)))")
            }
        }
        var scopeValue = CommunityScope.all, scopeName = "全部"
        if let scope {
            let ref = try Resolver(store: engine.store).node(scope, levels: Set(Grouping.allCases), what: "nodes")
            (scopeValue, scopeName) = (CommunityScope(ref.node), ref.name)
        }
        let model = try engine.model(file, variables: env.variables)
        return Prepared(model: model, board: try engine.board(model, scope: scopeValue, today: today), scopeName: scopeName,
                        today: today, asOf: asOfDay)
    }

    /// A checked simulation request.
    struct Prepared {
        var model: AssessmentModel
        var board: AssessmentBoard
        var scopeName: String
        var today: Day
        var asOf: Day
    }
}

/// `civgrid assess`: the predicted score, its range, the chance of reaching the target, and the indicators.
struct AssessRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Predict the score: expected, 5–95% range, probability of reaching the target, per indicator.")

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let env = try RunEnvironment()
        let engine = AssessmentEngine(store: try store.open(env, forReading: true))
        let p = try simulation.prepare(env, engine)
        let (runs, seed) = (simulation.runs, simulation.seed)
        let outcome = try engine.simulate(p.model, board: p.board, today: p.today, asOf: p.asOf, runs: runs, seed: seed)
        var baseline: AssessmentOutcome?, overdueClosed: AssessmentOutcome?
        if p.asOf > p.today {
            baseline = try engine.simulate(p.model, board: p.board, today: p.today, asOf: p.today, runs: runs, seed: seed)
            overdueClosed = try engine.simulate(p.model, board: p.board, today: p.today, asOf: p.asOf, closingOverdue: true, runs: runs, seed: seed)
        }
        if output.json {
            var object = AssessReport.json(outcome)
            object["scope"] = p.scopeName
            object["as_of"] = p.asOf.description
            object["edition"] = p.model.edition
            if let baseline, let overdueClosed {
                object["today"] = AssessReport.json(baseline)
                object["overdue_cost"] = overdueClosed.expected - outcome.expected
            }
            Output.json(Format.jsonText(object))
            return
        }
        var text = "测评模拟 \(p.model.edition) · 范围 \(p.scopeName) · \(runs) 次抽查 (种子 \(seed)) · 每次 \(outcome.visitsPerRun) 个点位\n"
        if let baseline, let overdueClosed {
            text += "今天 \(p.today)      \(baseline.headline)\n"
            text += "到 \(p.asOf)  \(outcome.headline)  (期限内的案件按期结案，逾期案件仍未结)\n"
            text += "逾期案件的代价 \(AssessmentOutcome.points(overdueClosed.expected - outcome.expected, 2)) 分"
                + " (逾期案件也在 \(p.asOf) 前结案则预计 \(AssessmentOutcome.points(overdueClosed.expected, 1)))\n"
        } else {
            text += outcome.headline + "\n"
        }
        text += "满分 \(AssessmentOutcome.trimmed(outcome.fullScore)) · 标准误 ±\(AssessmentOutcome.points(outcome.standardError, 3))\n\n"
        text += AssessReport.indicatorTable(outcome).render()
        for note in outcome.notes { text += "\n注: " + note }
        Output.print(text)
    }
}

/// `civgrid assess fixes`: the cells whose fix gains most, with unit, deadline and open case.
struct AssessFixes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixes", abstract: "What to fix first: non-compliant cells by expected points gained if 达标 tomorrow (caps counted).")

    @Option(help: "How many to list.") var top = 20
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard top > 0 else { throw GridError.invalidInput("--top \(top): give how many fixes to list, 1 or more") }
        let env = try RunEnvironment()
        let engine = AssessmentEngine(store: try store.open(env, forReading: true))
        let p = try simulation.prepare(env, engine)
        let outcome = try engine.simulate(p.model, board: p.board, today: p.today, asOf: p.asOf, runs: simulation.runs, seed: simulation.seed)
        let rows = try engine.fixRows(outcome, top: top, today: p.today)
        if output.json {
            Output.json(Format.jsonText(rows.enumerated().map { i, r in AssessReport.json(r, rank: i + 1) }))
            return
        }
        guard !rows.isEmpty else {
            Output.print("没有可提分的整改项 (no non-compliant cell costs points under the plan) · \(outcome.headline)")
            return
        }
        var t = TextTable.forOutput(headers: ["序", "预计提分", "街道", "小区", "主题", "状态", "期限", "案件", "责任单位"], trailing: [0, 1])
        for (i, r) in rows.enumerated() {
            t.append(["\(i + 1)", "+" + AssessmentOutcome.points(r.gain, 3), r.streetName, r.communityName, r.themeName, r.status.zh,
                      (r.dueOn?.description ?? "—") + (r.overdue ? " 逾期" : ""), r.caseNumber?.description ?? "—",
                      r.unitName.isEmpty ? "—" : r.unitName])
        }
        Output.print("先整改这些 (范围 \(p.scopeName)，按预计提分) · \(outcome.headline)\n" + t.render())
    }
}

/// `civgrid assess check [FILE]`: every problem of an assessment file with its line.
struct AssessCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check an assessment file (default: the one in force), with file:line for every problem.")

    @Argument(help: ArgumentHelp("The file (default: $XDG_CONFIG_HOME/civgrid/assessment.toml, else the built-in one).",
                                 valueName: "file")) var file: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let (text, path) = try AssessmentEngine.modelText(file, variables: env.variables)
        // Theme codes from the database when there is one, else the standard themes.
        let codes = (try? store.open(env, forReading: true).themes().map(\.code)).map(Set.init) ?? Set(StandardThemes.all.map(\.code))
        let (model, problems) = AssessmentFile.check(text, path: path, themeCodes: codes)
        guard let model else {
            Output.error(problems.map(\.description).joined(separator: "\n") + "\n")
            throw ExitCode(2)
        }
        Output.print("\(path): ok — \(model.indicators.count) 项指标 (满分 \(AssessmentOutcome.trimmed(model.fullScore))), "
            + "\(model.sampling.count) 条抽样规则, 目标 \(AssessmentOutcome.trimmed(model.target))")
    }
}
