import ArgumentParser
import Foundation
import GridCore
import TerminalKit

/// `civgrid report`: the readiness report for leaders.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Write the readiness report (Markdown, HTML or text).")

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case md, html, txt }

    @Option(help: "md (default), html or txt.") var format: ReportFormat = .md
    @Option(help: ArgumentHelp("Only this office, street, unit or property company.", valueName: "node")) var scope: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output).", valueName: "file")) var output: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let db = try store.open(env, forReading: true)
        var scopeValue = CommunityScope.all
        var scopeNode: GridNode?
        var scopeName = try db.offices().map(\.name).joined(separator: "、")
        if let scope {
            let ref = try Resolver(store: db).node(scope, levels: Set(Grouping.allCases), what: "nodes")
            scopeValue = CommunityScope(ref.node)
            scopeNode = ref.node
            scopeName = ref.name
        }
        // A city's office reports its counties with it (their streets, units and communities in one report).
        var offices: [RowID]?
        if case .office(let id)? = scopeNode {
            let tree = OfficeScope(offices: try db.offices()).descendants(of: id)
            if tree.count > 1 { offices = tree }
        }
        var report = try Report.build(store: db, scope: scopeValue, offices: offices, scopeName: scopeName, today: env.clock.today)
        if format == .html { report.evidence = try ReportEvidence.section(store: db, scope: scopeNode) }
        // Text and Markdown are read in terminals too (`cat report.md`): what they quote is sanitised even in a file.
        let text = format == .html ? report.html() : Sanitiser.forLines(report.text(markdown: format == .md))
        if let output {
            try SafeFile.write(Data(text.utf8), to: output)
            Output.error("已生成 report → \(output)\n")
        } else {
            Output.print(text, terminator: "")
        }
    }
}
