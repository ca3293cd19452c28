import ArgumentParser
import GridCore

/// `civgrid set COMMUNITY THEME STATUS`: one validated, audited status change.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change one cell's status (validated and audited).",
        discussion: "STATUS is the one-key code, the English word or the Chinese label: \(CellStatus.spellings).")

    @Argument(help: ArgumentHelp("Community name, unique prefix, or 街道/小区.", valueName: "community"))
    var community: String

    @Argument(help: ArgumentHelp("Theme code, Chinese or English name, or unique prefix.", valueName: "theme"))
    var theme: String

    @Argument(help: ArgumentHelp("New status.", valueName: "status"))
    var status: String

    @Option(help: ArgumentHelp("What was found or done (required for 有问题 and 挂账).", valueName: "text"))
    var note: String = ""

    @Option(help: ArgumentHelp("Due date for 有问题/整改中: YYYY-MM-DD, today, or +N days (限期 +3 / +7).", valueName: "date"))
    var due: String?

    @Option(help: ArgumentHelp("Plan date for 挂账: YYYY-MM-DD or +N days.", valueName: "date"))
    var plan: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let target = try Resolver.status(status)
        let today = env.clock.today
        let dueDay = try due.map { t throws(GridError) in try Resolver.day(t, option: "--due", today: today) }
        let planDay = try plan.map { t throws(GridError) in try Resolver.day(t, option: "--plan", today: today) }
        let db = try store.open(env)
        let resolver = Resolver(store: db)
        let ref = try resolver.community(community)
        guard case .community(let communityID) = ref.node, let c = try db.community(id: communityID) else {
            throw GridError.notFound("community “\(community)” disappeared while reading; try again")
        }
        let applicable = try db.themes().filter { $0.applies(to: c.kind) }
        let th = try resolver.theme(theme, among: applicable)
        let actor = try db.operatorAccount(login: env.login)
        let result = try db.changeStatus(communityID: communityID, themeID: th.id,
                                         StatusChangeRequest(status: target, note: note, due: dueDay, plan: planDay),
                                         context: env.context(actor))
        let label = "\(c.name) · \(th.zh)"
        guard result.changesSomething else {
            print("未变更: \(label) 已是 \(target.zh)\(result.cell.dueOn.map { "（期限 \($0)）" } ?? "")")
            return
        }
        let old = result.audit.first { $0.field == "status" }?.oldValue.flatMap(CellStatus.init(rawValue:))
        let change = old.map { "\($0.zh) → \(target.zh)" } ?? target.zh
        let deadline = result.cell.dueOn.map { "，期限 \($0)" } ?? ""
        print("已保存: \(label)  \(change)\(deadline)  (\(actor.login), \(Format.time(result.cell.changedAt, env)))")
    }
}
