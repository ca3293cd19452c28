import ArgumentParser
import GridCore

/// `civgrid coverage --since DATE [--scope NODE] [--round R]`: which cells, sites and themes were checked, by whom, and
/// which sites were not checked since a day.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Which cells, sites and themes were checked since a day (or in a round), by whom, and which were not.")

    @Option(help: ArgumentHelp("Count inspections on or after this local day: YYYY-MM-DD, today, or --since=-N for N days ago. Required unless --round.",
                               valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Only this office, street, community, unit or property company.", valueName: "node")) var scope: String?
    @Option(help: ArgumentHelp("Only this round's inspections and cells (number or name).", valueName: "round")) var round: String?
    @Option(help: "List at most this many sites still owing checks.") var limit: Int = 50
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit \(limit) must be 0 or more") }
        guard since != nil || round != nil else {
            throw ValidationError("give --since DATE (inspections on or after that day) or --round R (a round's inspections)")
        }
    }

    func run() throws {
        let env = try RunEnvironment()
        let today = env.clock.today
        let sinceDay = try since.map { t throws(GridError) in try day(t, today: today) }
        let db = try store.open(env, forReading: true)
        let rounds = try RoundCLI.reading(db)
        let inRound = try round.map { r throws(GridError) in try RoundCLI.round(r, in: rounds) }
        var query = CoverageQuery(roundID: inRound?.id, since: sinceDay, today: today, utcOffsetSeconds: env.clock.utcOffsetSeconds, siteLimit: limit)
        var title = ["覆盖"]
        if let inRound { title.append(inRound.label) }
        if let sinceDay { title.append("自 \(sinceDay)") }
        if let scope {
            let ref = try Resolver(store: db).node(scope, levels: Set(Grouping.allCases), what: "nodes")
            query.scope = CommunityScope(ref.node)
            title.append("范围 \(ref.name)")
        }
        let coverage = try rounds.coverage(query)
        if output.json {
            var out = RoundCLI.json(coverage, env)
            if let inRound { out["round"] = RoundCLI.json(inRound, env) }
            if let sinceDay { out["since"] = sinceDay.description }
            Output.json(Format.jsonText(out))
            return
        }
        Output.print(title.joined(separator: " · ") + "\n" + RoundCLI.text(coverage, env))
    }

    /// `--since`: a day as `Resolver.day` reads it, or `-N` days ago (coverage looks back).
    func day(_ text: String, today: Day) throws(GridError) -> Day {
        let t = text.trimmingWhitespace()
        if t.hasPrefix("-"), let n = Int(t.dropFirst()), n >= 0, n <= 3650 { return today.adding(days: -n) }
        let d = try Resolver.day(t, option: "--since", today: today)
        guard d <= today else {
            throw .invalidInput("--since \(d) is after today (\(today)); nothing can have been checked yet — give an earlier day, e.g. -7")
        }
        return d
    }
}
