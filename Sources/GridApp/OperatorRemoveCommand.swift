import ArgumentParser
import GridCore

extension OperatorCommand {
    /// `civgrid operator remove LOGIN [--reason …]`: ends a person's access, keeping their row for the audit.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove an operator (admins only): the login may no longer change anything; its row and history stay.")

        @Argument(help: "The operator's login.") var login: String
        @Option(help: "Why (kept in the audit), e.g. 调离.") var reason: String = ""
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env)
            let actor = try db.operatorAccount(login: env.login)
            // On PostgreSQL the login also leaves civgrid's group roles; tried and rolled back first, so a connecting role
            // without CREATEROLE stops here, naming what the database administrator runs, before anything has changed.
            let serverRole = try OperatorServerRoles.prepare(db, actor: actor.acting, login: login, role: nil)
            let entries = try env.services(db).removeOperator(login: login, reason: reason, context: env.context(actor))
            guard !entries.isEmpty else {
                let old = try db.operatorAccount(login: login)
                let when = old.removedAt.map { $0.minuteText(offsetSeconds: env.clock.utcOffsetSeconds) } ?? ""
                Output.print("未变更: \(login) 已于 \(when) 停用" + (old.removedBy.map { "（\($0)）" } ?? ""))
                return
            }
            Output.print("已停用操作员 \(login)：不能再作任何更改；记录与历史保留（恢复：civgrid operator set \(login) --restore）")
            try serverRole?.apply()
        }
    }
}
