import ArgumentParser
import GridCore

/// `civgrid inspect COMMUNITY THEME RESULT`: record one inspection (检查记录), in a round or outside one. Recorded even
/// when the cell does not change ("checked, still 达标").
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Record an inspection of one cell (a fact even when nothing changes).",
        discussion: "RESULT: \(InspectionResult.spellings). 有问题 records a case (the note is its description) whose source is the "
            + "round's kind.")

    @Argument(help: ArgumentHelp("Community name, unique prefix, or 街道/小区.", valueName: "community")) var community: String
    @Argument(help: ArgumentHelp("Theme code, Chinese or English name, or unique prefix.", valueName: "theme")) var theme: String
    @Argument(help: ArgumentHelp("达标/ok, 有问题/problem, 现场整改/fixed or 不适用/na.", valueName: "result")) var result: String
    @Option(help: ArgumentHelp("The round (number or name); leave out for a check outside any round.", valueName: "round")) var round: String?
    @Option(help: ArgumentHelp("What was seen (required for 有问题, where it becomes the case's description).", valueName: "text"))
    var note: String = ""
    @Option(name: .customLong("class"), help: "有问题: the case's deadline class — immediate, days3, days7 or long_term (with --plan).")
    var deadlineClass: DeadlineClass?
    @Option(help: ArgumentHelp("有问题 with long_term: the plan date.", valueName: "date")) var plan: String?
    @Option(help: "有问题: where exactly (building, entrance …).") var location: String = ""
    @Option(help: "有问题 outside a round: where it came from (in a round, the round's kind decides).") var source: CaseSource?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        guard let found = InspectionResult.parse(result) else {
            throw GridError.invalidInput("unknown result “\(result)”; use one of: \(InspectionResult.spellings)")
        }
        if found != .problem, deadlineClass != nil || source != nil || plan != nil || !location.isEmpty {
            throw GridError.invalidInput("--class, --plan, --location and --source describe the case that 有问题 records; \(found.zh) takes none. "
                + "Leave them out, or record 有问题")
        }
        if round != nil, source != nil {
            throw GridError.invalidInput("--source: in a round the round's kind decides the case's source; leave out --source")
        }
        let planDay = try plan.map { t throws(GridError) in try Resolver.day(t, option: "--plan", today: env.clock.today) }
        let db = try store.open(env)
        let rounds = try RoundCLI.reading(db)
        let inRound = try round.map { r throws(GridError) in try RoundCLI.round(r, in: rounds) }
        let resolver = Resolver(store: db)
        guard case .community(let communityID) = try resolver.community(community).node, let c = try db.community(id: communityID) else {
            throw GridError.notFound("community “\(community)” disappeared while reading; try again")
        }
        let th = try resolver.theme(theme, among: try db.themes().filter { $0.applies(to: c.kind) })
        let problem = ProblemDetails(source: source ?? .supervision, deadlineClass: deadlineClass ?? .threeDays, location: location,
                                     plan: deadlineClass == .longTerm ? planDay : nil)
        let request = InspectionRequest(roundID: inRound?.id, cell: CellKey(communityID: communityID, themeID: th.id), result: found,
                                        note: note, problem: problem)
        let actor = try db.operatorAccount(login: env.login)
        let out = try env.services(db).inspect(request, context: env.context(actor))
        let cell = out.cell
        let change = !out.changedCell ? "未变更 \(cell.after.status.zh)"
            : cell.before.status == cell.after.status ? cell.after.status.zh : "\(cell.before.status.zh) → \(cell.after.status.zh)"
        let cases = out.inspection.caseNumber.map { n in "，已上报案件 \(n)（\(inRound?.kind.caseSource.zh ?? problem.source.zh)）" }
            ?? (cell.cases.isEmpty ? "" : "，" + cell.cases.map { "案件 \($0.number) → \($0.state.zh)" }.joined(separator: "，"))
        let within = inRound.map { "  \($0.label)" } ?? "  轮次外"
        Output.print("已记录检查 #\(out.inspection.id): \(c.name) · \(th.zh) \(found.zh)（\(change)\(cases)）\(within)  "
            + "(\(actor.login), \(Format.time(out.inspection.at, env)))")
    }
}
