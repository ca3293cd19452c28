import ArgumentParser
import GridCore
import TerminalKit

/// `civgrid office add|list|set`: the offices (三创办) one database holds — a city's office above its counties'.
struct OfficeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office", abstract: "Add and list offices (三创办); put county offices under a city's (admins only, audited).",
        subcommands: [Add.self, List.self, SetParent.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an office, optionally under another.")
        @Argument(help: ArgumentHelp("The office's name, e.g. 东城县创城办.", valueName: "name")) var name: String
        @Option(help: ArgumentHelp("The office above it (a city's office); left out: a top-level office.", valueName: "office")) var parent: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            let parentID = try parent.flatMap { p throws(GridError) in try OperatorOffice.id(p, db: cli.db) }
            let out = try cli.services.addOffice(name: name, parentID: parentID, context: cli.context)
            let under = try parentID.map { p throws(GridError) in "，上级 \(OperatorOffice.label(p, offices: try cli.db.offices()))" } ?? ""
            Output.print("已新增三创办 \(out.audit.first?.newValue ?? name)（#\(out.id)\(under)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the offices, each under its parent.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env, forReading: true)
            let offices = try db.offices()
            if output.json {
                Output.json(Format.jsonText(offices.map { ["id": $0.id, "name": $0.name, "parent_id": $0.parentID as Any] as [String: Any] }))
                return
            }
            var table = TextTable.forOutput(headers: ["三创办", "上级", "街道数"])
            for (depth, office) in OfficeCommand.outline(offices) {
                let parent = office.parentID.map { OperatorOffice.label($0, offices: offices) } ?? "—"
                table.append([String(repeating: "  ", count: depth) + office.name, parent, "\(try db.streets(officeID: office.id).count)"])
            }
            Output.print(table.render())
        }
    }

    struct SetParent: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Put an office under another (\"\" for the top level).")
        @Argument(help: ArgumentHelp("The office's name or unique prefix.", valueName: "office")) var office: String
        @Option(help: ArgumentHelp("The office above it; \"\" for the top level.", valueName: "office")) var parent: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            guard let id = try OperatorOffice.id(office, db: cli.db) else {
                throw GridError.invalidInput("name the office to move (\"\" means the whole database, which has no parent)")
            }
            let parentID = try OperatorOffice.id(parent, db: cli.db)
            let out = try cli.services.setOfficeParent(id: id, parentID: parentID, context: cli.context)
            let offices = try cli.db.offices()
            let name = OperatorOffice.label(id, offices: offices)
            MasterDataCLI.report(out, "已调整 \(name) 的上级 → \(parentID.map { OperatorOffice.label($0, offices: offices) } ?? "无（顶级）")",
                                 unchanged: "\(name) already sits there")
        }
    }

    /// The offices in tree order (each after its parent, siblings by name) with their depth.
    static func outline(_ offices: [Office]) -> [(Int, Office)] {
        let ids = Set(offices.map(\.id))
        var out: [(Int, Office)] = []
        func visit(_ parent: RowID?, _ depth: Int) {
            // An office whose parent is missing is listed at the top rather than lost.
            let children = offices.filter { $0.parentID == parent || (depth == 0 && $0.parentID.map { !ids.contains($0) } == true) }
            for o in children where !out.contains(where: { $0.1.id == o.id }) {
                out.append((depth, o))
                visit(o.id, depth + 1)
            }
        }
        visit(nil, 0)
        return out
    }
}
