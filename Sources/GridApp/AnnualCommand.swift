import ArgumentParser
import Foundation
import GridCore
import GridExchange
import TerminalKit

/// `civgrid annual 2026`: the year's performance assessment of the responsible units (年度综合绩效考核).
struct AnnualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual", abstract: "The year's performance assessment per unit, with commendation and accountability candidates and the trace-back.",
        discussion: """
            Scores are 100 − deductions under deductions.toml (as `civgrid rank`); the candidates follow [annual] in \
            assessment.toml. The trace-back (倒查责任) names the unit's head and liaison, and the property company and its \
            manager, from each case's chain as registered.
            """)

    enum FileFormat: String, ExpressibleByArgument, CaseIterable { case text, md, xlsx }

    @Argument(help: ArgumentHelp("The year, e.g. 2026.", valueName: "year")) var year: String
    @Option(help: "text (default), md or xlsx.") var format: FileFormat = .text
    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output; required for xlsx).", valueName: "file")) var output: String?
    @Option(help: ArgumentHelp("Deduction rules (default: $XDG_CONFIG_HOME/civgrid/deductions.toml, else the standard rules).",
                               valueName: "file")) var rules: String?
    @Option(help: ArgumentHelp("Assessment model with the [annual] rules (default: $XDG_CONFIG_HOME/civgrid/assessment.toml, else built in).",
                               valueName: "file")) var file: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let y = Int(FullWidth.fold(year).trimmingWhitespace()), (2000...2100).contains(y), let period = Period(String(y)) else {
            throw GridError.invalidInput("annual “\(year)”: give a year such as 2026")
        }
        if format == .xlsx && output == nil { throw GridError.invalidInput("--format xlsx needs -o FILE.xlsx") }
        let env = try RunEnvironment()
        let deductions = try RankCommand.loadRules(rules, env: env)
        let db = try store.open(env, forReading: true)
        let model = try AssessmentEngine(store: db).model(file, variables: env.variables)
        let asOf = min(period.last, env.clock.today)
        let offset = env.clock.utcOffsetSeconds
        let assessment = AnnualAssessment.build(
            year: y, cases: try db.scoredCases(from: period.first, to: period.last, utcOffsetSeconds: offset), deductions: deductions,
            rules: model.annual, unitNames: try db.leagueNames(byProperty: false, on: asOf),
            notices: try db.noticesNaming(casesFoundFrom: period.first, to: period.last, utcOffsetSeconds: offset), asOf: asOf)
        var names = NameCache(store: db)
        let report = try AnnualReport(assessment: assessment, rules: model.annual, communityName: { id throws(GridError) in try names.site(id).community })
        switch format {
        case .xlsx:
            try SafeFile.write(try XLSXWriter.data(sheetName: "\(y)年度考核", headers: AnnualReport.headers, rows: report.sheetRows()), to: output!)
            Output.error("已生成 annual → \(output!)\n")
        case .text, .md:
            let text = report.text(markdown: format == .md)
            if let output {
                try SafeFile.write(Data(Sanitiser.forLines(text).utf8), to: output)
                Output.error("已生成 annual → \(output)\n")
            } else {
                Output.print(text, terminator: "")
            }
        }
    }
}
