import ArgumentParser
import GridCore
import TerminalKit

extension KindList: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }

    init?(parsing text: String) {
        guard let list = KindList.parse(text) else { return nil }
        self = list
    }
}

/// `civgrid kind list|add|rename`: the office's site kinds (学校, 医院 …) and unit kinds (县直部门, 乡镇 …).
struct KindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kind", abstract: "List, add or relabel site kinds (点位类型) and unit kinds (单位类型).",
        subcommands: [List.self, Add.self, Rename.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List both kind lists.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try RunEnvironment()
            let kinds = try store.open(env, forReading: true).kinds()
            if output.json {
                Output.json(Format.jsonText([
                    "site": kinds.site.map { ["code": $0.code, "name": $0.zh, "like": $0.base.rawValue, "seeded": $0.isSeeded] as [String: Any] },
                    "unit": kinds.unit.map { ["code": $0.code, "name": $0.zh, "like": $0.base.rawValue, "seeded": $0.isSeeded] as [String: Any] },
                ]))
                return
            }
            var table = TextTable.forOutput(headers: ["类别", "代码", "名称", "按…检查/计为"])
            for k in kinds.site { table.append([KindList.site.zh, k.code, k.zh, k.isSeeded ? "—" : k.base.zh]) }
            for k in kinds.unit { table.append([KindList.unit.zh, k.code, k.zh, k.isSeeded ? "—" : k.base.zh]) }
            Output.print(table.render())
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a kind (admins only). A site kind is checked on the themes of the kind it is --like.")
        @Argument(help: ArgumentHelp("site or unit.", valueName: "list")) var list: KindList
        @Argument(help: ArgumentHelp("The label, e.g. 学校, 政务服务大厅, 县直部门.", valueName: "label")) var label: String
        @Option(help: ArgumentHelp("A site kind: the seeded kind whose themes apply (default 其他); a unit kind: the seeded kind it counts as (default 部门).",
                                   valueName: "kind")) var like: String?
        @Option(help: ArgumentHelp("A stable code for --json and scripts (default site_N / unit_N).", valueName: "code")) var code: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            let out = try cli.services.addKind(list, label: label, like: like, code: code, context: cli.context)
            Output.print("已新增\(list.zh) \(out.audit.first?.newValue ?? label)（\(out.code)）: \(out.audit.first?.note ?? "")")
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Relabel a kind (admins only).")
        @Argument(help: ArgumentHelp("site or unit.", valueName: "list")) var list: KindList
        @Argument(help: ArgumentHelp("The kind's code or label.", valueName: "kind")) var kind: String
        @Argument(help: ArgumentHelp("The new label.", valueName: "label")) var label: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            let out = try cli.services.renameKind(list, kind, to: label, context: cli.context)
            MasterDataCLI.report(out, "已更名\(list.zh) \(out.audit.first?.oldValue ?? kind) → \(out.audit.first?.newValue ?? label)",
                                 unchanged: "\(kind) already has that label")
        }
    }
}
