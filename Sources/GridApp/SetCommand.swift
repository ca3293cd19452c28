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

    @Option(help: ArgumentHelp("What was found or done (required for 有问题, where it becomes the case's description, and for 挂账).",
                               valueName: "text"))
    var note: String = ""

    @Option(help: ArgumentHelp("Due date for 整改中 on an imported cell: YYYY-MM-DD, today, or +N days.", valueName: "date"))
    var due: String?

    @Option(help: ArgumentHelp("Plan date for 挂账: YYYY-MM-DD or +N days.", valueName: "date"))
    var plan: String?

    @Option(name: .customLong("class"), help: "有问题: the case's deadline class — immediate, days3, days7 or long_term (with --plan).")
    var deadlineClass: DeadlineClass?

    @Option(help: "有问题: where the problem came from — supervision, self_inspection, grid_worker, higher_level, assessment, citizen or media.")
    var source: CaseSource?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let target = try Resolver.status(status)
        // Options that only describe a new case are refused elsewhere, not silently ignored.
        if target != .problem, deadlineClass != nil || source != nil {
            throw GridError.invalidInput("--class and --source describe the case that 有问题 (2) records; \(target.zh) takes neither. "
                + "Leave them out, or use 2 to record a problem")
        }
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
        // A problem is a case: its class and plan go to the case, the plan date of 挂账 to the cell or its case.
        let problem = ProblemDetails(source: source ?? .supervision, deadlineClass: deadlineClass ?? .threeDays,
                                     plan: target == .problem && deadlineClass == .longTerm ? planDay : nil)
        let request = StatusChangeRequest(status: target, note: note, due: dueDay, plan: target == .problem ? nil : planDay)
        let result = try env.services(db).setStatus(CellKey(communityID: communityID, themeID: th.id), request, problem: problem,
                                                    context: env.context(actor))
        let label = "\(c.name) · \(th.zh)"
        guard result.changesSomething else {
            Output.print("未变更: \(label) 已是 \(target.zh)\(result.after.dueOn.map { "（期限 \($0)）" } ?? "")")
            return
        }
        let change = result.before.status == result.after.status ? result.after.status.zh : "\(result.before.status.zh) → \(result.after.status.zh)"
        let deadline = result.after.dueOn.map { "，期限 \($0)" } ?? ""
        let cases = result.cases.map { c in target == .problem ? "已上报案件 \(c.number)" : "案件 \(c.number) → \(c.state.zh)" }
        let caseText = cases.isEmpty ? "" : "  " + cases.joined(separator: "，")
        Output.print("已保存: \(label)  \(change)\(deadline)\(caseText)  (\(actor.login), \(Format.time(result.after.changedAt, env)))")
    }
}
