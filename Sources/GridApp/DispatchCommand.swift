import ArgumentParser
import Foundation
import GridCore
import TerminalKit

/// `civgrid dispatch --unit U`: a numbered dispatch slip (交办单) listing the unit's open cases, recorded when issued.
struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch", abstract: "Write a numbered dispatch slip (交办单) of a unit's open cases and record it as issued.")

    enum SlipFormat: String, ExpressibleByArgument, CaseIterable { case text, md, html }

    @Option(help: ArgumentHelp("The responsible unit.", valueName: "unit")) var unit: String
    @Option(help: "text (default), md or html (printable).") var format: SlipFormat = .text
    @Flag(help: "Show the slip without recording it as issued.") var preview = false
    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output).", valueName: "file")) var output: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let db = try store.open(env)
        guard case .unit(let id) = try Resolver(store: db).node(unit, levels: [.unit], what: "units").node,
              let u = try db.unit(id: id) else { throw GridError.notFound("no unit “\(unit)”") }
        let today = env.clock.today
        var content = try DispatchSlipContent.build(store: db, unit: u, label: "（预览 preview）", asOf: today)
        if !preview {
            let slip = try env.services(db).issueDispatchSlip(unitID: u.id, cases: content.lines.map(\.number),
                                                             context: env.context(try db.operatorAccount(login: env.login)))
            content.label = slip.label
        }
        let text = switch format {
        case .text: content.text()
        case .md: content.markdown()
        case .html: content.html()
        }
        if let output {
            try SafeFile.write(Data((format == .html ? text : Sanitiser.forLines(text)).utf8), to: output)
            Output.error("已生成交办单 \(content.label) → \(output)\n")
        } else {
            Output.print(text, terminator: "")
        }
    }
}
