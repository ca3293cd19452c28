import ArgumentParser
import GridCore
import TerminalKit

extension OperatorRole: ExpressibleByArgument {}

/// `civgrid operator add|list|set|remove`: who may do what. Only admins may change operators.
struct OperatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator", abstract: "Manage operators: login → name, unit and role (admin, inspector, clerk, viewer).",
        subcommands: [Add.self, List.self, SetRole.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an operator (admins only).")

        @Argument(help: "The OS login the person SSHes in with.") var login: String
        @Option(help: "Display name, e.g. 张伟.") var name: String
        @Option(help: "admin, inspector, clerk or viewer.") var role: OperatorRole
        @Option(help: ArgumentHelp("The responsible unit the person belongs to.", valueName: "unit")) var unit: String?
        @Option(help: ArgumentHelp("The office (三创办) the person works for; left out: the whole database.", valueName: "office")) var office: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env)
            let login = self.login.trimmingWhitespace()
            guard !login.isEmpty, !login.contains(where: \.isWhitespace) else {
                throw GridError.invalidInput("login “\(self.login)” must be one word without spaces (the OS account name)")
            }
            if try db.operators().contains(where: { $0.login == login }) {
                throw GridError.invalidInput("\(login) is already an operator; change it with `civgrid operator set \(login) …`")
            }
            let unitID = try unit.map { u throws(GridError) in try OperatorCommand.unitID(u, db: db) }
            let officeID = try office.flatMap { o throws(GridError) in try OperatorOffice.id(o, db: db) }
            let account = Operator(login: login, name: name.trimmingWhitespace(), unitID: unitID, role: role, officeID: officeID)
            let serverRole = try OperatorServerRoles.prepare(db, actor: try db.operatorAccount(login: env.login), login: login, role: role)
            _ = try env.services(db).saveOperator(account, context: env.context(try db.operatorAccount(login: env.login)))
            Output.print("已添加操作员 \(login)（\(account.name)，\(role.zh)）")
            try serverRole?.apply()
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List operators.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env, forReading: true)
            let all = try db.operators()
            if output.json {
                Output.json(Format.jsonText(all.map { ["login": $0.login, "name": $0.name, "role": $0.role.rawValue,
                                                 "unit_id": $0.unitID as Any, "office_id": $0.officeID as Any,
                                                 "removed_at": $0.removedAt?.description as Any, "removed_by": $0.removedBy as Any] as [String: Any] }))
                return
            }
            let offices = try db.offices()
            var table = TextTable.forOutput(headers: ["登录名", "姓名", "角色", "所属单位", "所属办", "状态"])
            for op in all {
                let unit = try op.unitID.flatMap { id throws(GridError) in try db.unit(id: id)?.name } ?? ""
                let state = op.removedAt.map { "已停用 \($0.minuteText(offsetSeconds: env.clock.utcOffsetSeconds))" + (op.removedBy.map { " (\($0))" } ?? "") }
                table.append([op.login, op.name, op.role.zh, unit, OperatorOffice.label(op.officeID, offices: offices), state ?? "在用"])
            }
            Output.print(table.render())
            let me = try db.operatorAccount(login: env.login)
            let standing = me.isRemoved ? "，已停用：只能查看" : all.contains(where: { $0.login == me.login }) ? "" : "，不在名单中：只能查看"
            Output.print("\n你是 \(me.login)（\(me.role.zh)）" + standing)
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change an operator's role, name or unit (admins only).")

        @Argument(help: "The operator's login.") var login: String
        @Option(help: "admin, inspector, clerk or viewer.") var role: OperatorRole?
        @Option(help: "Display name.") var name: String?
        @Option(help: ArgumentHelp("The responsible unit the person belongs to (\"\" for none).", valueName: "unit")) var unit: String?
        @Option(help: ArgumentHelp("The office (三创办) the person works for (\"\" for the whole database).", valueName: "office")) var office: String?
        @Flag(help: "Restore an operator removed with `operator remove`: the login may act again.") var restore = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env)
            guard var account = try db.operators().first(where: { $0.login == login }) else {
                throw GridError.notFound("\(login) is not an operator; add it with `civgrid operator add \(login) --name 姓名 --role clerk`")
            }
            guard role != nil || name != nil || unit != nil || office != nil || restore else {
                throw GridError.invalidInput("nothing to change: give --role, --name, --unit, --office or --restore")
            }
            if restore { (account.removedAt, account.removedBy) = (nil, nil) }
            if let role { account.role = role }
            if let name { account.name = name.trimmingWhitespace() }
            if let unit { account.unitID = unit.isEmpty ? nil : try OperatorCommand.unitID(unit, db: db) }
            if let office { account.officeID = try OperatorOffice.id(office, db: db) }
            // A restored login gets its group role back on the server, as a role change does.
            let serverRole = try (role ?? (restore ? account.role : nil)).flatMap { r throws(GridError) in
                try OperatorServerRoles.prepare(db, actor: try db.operatorAccount(login: env.login), login: login, role: r)
            }
            let entries = try env.services(db).saveOperator(account, context: env.context(try db.operatorAccount(login: env.login)))
            Output.print(entries.isEmpty ? "未变更: \(login)" : "已更新操作员 \(login)（\(account.name)，\(account.role.zh)）")
            try serverRole?.apply()
        }
    }

    static func unitID(_ query: String, db: any GridRepository) throws(GridError) -> RowID {
        let ref = try Resolver(store: db).node(query, levels: [.unit], what: "units")
        guard case .unit(let id) = ref.node else { throw GridError.notFound("no unit “\(query)”") }
        return id
    }
}
