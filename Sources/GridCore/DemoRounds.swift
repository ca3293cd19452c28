/// The demo's rounds of checking: one of each kind, closed, in progress and planned, with inspections recorded through
/// the services (so each has its audit row and the audit chain, cases and cells agree), at the moments they happened.
///
/// Only the first office's first streets are used, so every scale gets the same handful (a few hundred inspections).
/// Inspections of the past find cells as they stand (达标 stays 达标: the facts the demo shows on `coverage`); the round in
/// progress also finds a few new problems, each recorded as a case linked to the round.
public struct DemoRounds {
    let store: any GridRepository
    let seed: UInt64
    let osUser: String
    /// The demo's now and the office's offset from UTC.
    let clock: GridClock

    /// Creates a loader for a demo store whose grid, ledger and operators are already loaded.
    public init(store: any GridRepository, seed: UInt64, osUser: String, clock: GridClock) {
        self.store = store
        self.seed = seed
        self.osUser = osUser
        self.clock = clock
    }

    /// One planned round: kind, name, days from today, team, where, what share of its cells is checked, problems found.
    struct Plan {
        var kind: RoundKind
        var name: String
        var from: Int, to: Int
        var team: [String]
        var street: Int?
        var declaredOnly = false
        var ledBySelf = false
        var state: RoundState
        var share: Double
        var problems = 0
    }

    static let plans: [Plan] = [
        Plan(kind: .selfInspection, name: "11月第3周牵头单位自查", from: -20, to: -14, team: ["zhangwei"], ledBySelf: true, state: .closed, share: 0.9),
        Plan(kind: .supervision, name: "11月第4周督查", from: -13, to: -9, team: ["zhangwei", "lina"], street: 0, state: .closed, share: 0.7),
        Plan(kind: .unannounced, name: "11月申报点位暗访", from: -8, to: -7, team: ["ouyangmx"], declaredOnly: true, state: .closed, share: 0.8),
        Plan(kind: .jointSupervision, name: "12月第1周两督", from: -2, to: 4, team: ["zhangwei", "ouyangmx"], street: 1, state: .inProgress,
             share: 0.35, problems: 3),
        Plan(kind: .selfInspection, name: "12月第1周牵头单位自查", from: -1, to: 5, team: ["ouyangmx", "zhangwei"], ledBySelf: true,
             state: .inProgress, share: 0.3),
        Plan(kind: .mockAssessment, name: "12月模拟测评", from: 5, to: 7, team: [], declaredOnly: true, state: .planned, share: 0),
    ]

    /// Plans, starts, inspects and closes the demo's rounds.
    public func load() throws(GridError) {
        var rng = SeededRandom(seed: seed &+ 1_515)
        let today = clock.today
        let rows = try store.communities(in: .all, filter: .none, offset: 0, limit: 400, today: today)
        guard !rows.isEmpty else { return }
        let streets = rows.map(\.community.streetID).reduce(into: [RowID]()) { if !$0.contains($1) { $0.append($1) } }
        // The unit leading the first declared site (or the first community) does the self-inspections of what it leads.
        let firstSite = rows.first { $0.community.declaredSite != nil } ?? rows[0]
        let lead = try store.chain(communityID: firstSite.community.id, on: today).first { $0.assignment.role == .lead }?.unit.id
        for plan in Self.plans {
            var communities = rows.filter { row in
                if plan.declaredOnly && row.community.declaredSite == nil { return false }
                if let s = plan.street { return streets.indices.contains(s) && row.community.streetID == streets[s] }
                return true
            }
            var scope = RoundScope(declaredSitesOnly: plan.declaredOnly)
            if let s = plan.street, streets.indices.contains(s) { scope.streetIDs = [streets[s]] }
            if plan.ledBySelf {
                guard let lead else { continue }
                var led: [CommunityRow] = []
                for row in communities where led.count < 12 {
                    if try store.chain(communityID: row.community.id, on: today).contains(where: { $0.assignment.role == .lead && $0.unit.id == lead }) {
                        led.append(row)
                    }
                }
                communities = led
                scope.communityIDs = communities.map(\.community.id)
            }
            try run(plan, scope: scope, unit: plan.ledBySelf ? lead : nil, communities: communities, rng: &rng)
        }
    }

    /// The context of `login` at `days` from today, `hour` o'clock local time.
    func context(_ login: String, days: Int, hour: Int) throws(GridError) -> ChangeContext {
        let midnight = Timestamp.localMidnight(of: clock.today.adding(days: days), offsetSeconds: clock.utcOffsetSeconds)
        let at = Timestamp(millis: min(midnight.millis + Int64(hour) * 3_600_000, clock.now().millis))
        let actor = try store.operatorAccount(login: login)
        return ChangeContext(actor: actor, osUser: osUser, source: .demo, clock: GridClock.fixed(at, utcOffsetSeconds: clock.utcOffsetSeconds))
    }

    func run(_ plan: Plan, scope: RoundScope, unit: RowID?, communities: [CommunityRow], rng: inout SeededRandom) throws(GridError) {
        let services = GridServices(store)
        let planner = "zhangwei" // an inspector plans, starts and closes every demo round
        let today = clock.today
        let round = try services.addRound(RoundDraft(name: plan.name, kind: plan.kind, unitID: unit, from: today.adding(days: plan.from),
                                                     to: today.adding(days: plan.to), team: plan.team, scope: scope),
                                          context: try context(planner, days: min(plan.from, 0) - 1, hour: 9))
        guard plan.state != .planned else { return }
        _ = try services.startRound(round.id, context: try context(planner, days: plan.from, hour: 8))
        // Each community checked by one team member on one day of the round (never after yesterday), cell by cell.
        let lastDay = min(plan.to, -1) // the demo's history ends yesterday: today starts clean, as the case ledger does
        var problems = plan.problems
        for row in communities where rng.chance(plan.share) {
            let login = rng.pick(plan.team)
            let day = plan.from + rng.int(0...max(0, lastDay - plan.from))
            let cells = try store.cells(communityID: row.community.id)
                .filter { scope.covers(themeID: $0.cell.themeID) && $0.cell.status == .ok }
            var requests: [InspectionRequest] = []
            for cell in cells {
                let key = CellKey(communityID: cell.cell.communityID, themeID: cell.cell.themeID)
                if problems > 0, rng.chance(0.15) {
                    problems -= 1
                    requests.append(InspectionRequest(roundID: round.id, cell: key, result: .problem, note: rng.pick(DemoNames.problems[cell.theme.code] ?? ["现场发现问题"]),
                                                      problem: ProblemDetails(deadlineClass: rng.pick([.immediate, .threeDays]))))
                } else {
                    requests.append(InspectionRequest(roundID: round.id, cell: key, result: .ok))
                }
            }
            guard !requests.isEmpty else { continue }
            _ = try services.inspect(requests, context: try context(login, days: day, hour: 9 + rng.int(0...7)))
        }
        if plan.state == .closed { _ = try services.closeRound(round.id, context: try context(planner, days: plan.to, hour: 18)) }
    }

}
