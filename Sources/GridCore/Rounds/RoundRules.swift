/// The rules of rounds: what a plan must hold, which state moves exist, and the words refusals use.
public enum RoundRules {
    /// The state moves that exist: planned → in progress → closed.
    public static func allows(_ from: RoundState, to: RoundState) -> Bool {
        (from, to) == (.planned, .inProgress) || (from, to) == (.inProgress, .closed)
    }

    /// Refuses a move other than planned → in progress → closed, saying what the round's state allows.
    public static func checkMove(_ round: InspectionRound, to state: RoundState) throws(GridError) {
        guard !allows(round.state, to: state) else { return }
        let verb = state == .inProgress ? "start" : state == .closed ? "close" : "plan"
        let why: String
        switch (round.state, state) {
        case (.inProgress, .inProgress): why = "it is already 进行中 (in progress)"
        case (.closed, _): why = "it is 已结束 (closed) and a closed round stays closed; plan a new round with `civgrid round add`"
        case (.planned, .closed): why = "it is 计划中 (planned) and has not started; start it first with `civgrid round start \(round.id)`"
        default: why = "a round goes 计划中 → 进行中 → 已结束 only"
        }
        throw .invalidInput("cannot \(verb) round \(round.label): \(why)")
    }

    /// Refuses an inspection in a round that is not in progress.
    public static func checkOpen(_ round: InspectionRound) throws(GridError) {
        switch round.state {
        case .inProgress: return
        case .planned:
            throw .invalidInput("round \(round.label) is 计划中 (planned) and has not started; start it with `civgrid round start \(round.id)`, "
                + "or record outside the round (leave out --round)")
        case .closed:
            throw .invalidInput("round \(round.label) is 已结束 (closed); its inspections are final. Record this in a round in progress "
                + "(`civgrid round list`) or outside any round (leave out --round)")
        }
    }

    /// `no round #7; `civgrid round list` shows the rounds`.
    public static func unknown(_ id: RoundID) -> String { "no round #\(id); `civgrid round list` shows the rounds" }

    /// Checks a plan against the store: name, dates, unit, team and scope.
    static func check(_ draft: RoundDraft, _ tx: any RoundTransaction) throws {
        let name = draft.name.trimmingWhitespace()
        try TextRules.checkName(name, field: "the round's name (--name)")
        guard !name.isEmpty else { throw GridError.invalidInput("a round needs a name: add --name \"12月第1周两督\"") }
        // Rounds are picked by number or by name (`--round 3`): a name that reads as a number would be ambiguous.
        if Int64(name.hasPrefix("#") ? String(name.dropFirst()) : name) != nil {
            throw GridError.invalidInput("the round's name “\(name)” reads as a round number; give it a name with words, e.g. \"12月第\(name)轮督查\"")
        }
        if let existing = try tx.round(named: name) {
            throw GridError.invalidInput("a round named “\(name)” already exists (\(existing.label)); give the new one another name")
        }
        guard draft.from <= draft.to else {
            throw GridError.invalidInput("the round's dates \(draft.from) … \(draft.to) end before they start; swap --from and --to")
        }
        if draft.kind == .selfInspection {
            guard let unit = draft.unitID else {
                throw GridError.invalidInput("a self-inspection (自查) round is a unit's own check: name the unit with --unit")
            }
            guard try tx.unitExists(unit) else { throw GridError.notFound("unit #\(unit) does not exist") }
        } else if draft.unitID != nil {
            throw GridError.invalidInput("--unit names the unit of a self-inspection (自查); a \(draft.kind.zh) round is the office's own. "
                + "Leave out --unit or use --kind self_inspection")
        }
        var seen = Set<String>()
        for login in draft.team {
            guard seen.insert(login).inserted else { throw GridError.invalidInput("--team names \(login) twice") }
            guard let account = try tx.storedOperator(login: login) else {
                throw GridError.notFound("--team: no operator “\(login)”; `civgrid operator list` shows the logins")
            }
            guard Policy.allows(account.role, .recordInspection) else {
                throw GridError.invalidInput("--team: \(login) is \(account.role.zh) (\(account.role.rawValue)) and may not record inspections; "
                    + "give them a role first (`civgrid operator set \(login) --role clerk`) or leave them off the team")
            }
        }
        try checkScope(draft.scope, tx)
    }

    static func checkScope(_ scope: RoundScope, _ tx: any RoundTransaction) throws {
        for id in scope.streetIDs where try tx.street(id: id) == nil {
            throw GridError.notFound("--street: street #\(id) does not exist; `civgrid tree --depth 2` lists the streets")
        }
        for id in scope.communityIDs {
            guard let c = try tx.community(id: id) else {
                throw GridError.notFound("--community: community #\(id) does not exist; `civgrid tree` lists the communities")
            }
            if let day = c.retiredOn { throw GridError.invalidInput("--community: \(c.name) was retired (已撤销) on \(day); leave it out") }
        }
        let themes = Set(try tx.themes().map(\.id))
        for id in scope.themeIDs where !themes.contains(id) {
            throw GridError.notFound("--theme: theme #\(id) does not exist; `civgrid themes list` lists the themes")
        }
    }

    /// The audit entry of a newly planned round: its kind, name, dates, unit, team and scope.
    static func planned(_ round: InspectionRound) -> AuditEntry {
        let s = round.scope
        var scope: [String] = []
        if !s.streetIDs.isEmpty { scope.append("streets \(s.streetIDs.map(String.init).joined(separator: ","))") }
        if !s.communityIDs.isEmpty { scope.append("communities \(s.communityIDs.map(String.init).joined(separator: ","))") }
        if !s.themeIDs.isEmpty { scope.append("themes \(s.themeIDs.map(String.init).joined(separator: ","))") }
        if s.declaredSitesOnly { scope.append("declared sites") }
        let unit = round.unitID.map { " unit \($0)" } ?? ""
        let team = round.team.isEmpty ? "" : " team \(round.team.joined(separator: ","))"
        return AuditEntry(entity: .round, entityID: "\(round.id)", field: "state", oldValue: nil, newValue: RoundState.planned.rawValue,
                          note: "\(round.label) \(round.from)…\(round.to)\(unit)\(team) scope "
                            + (scope.isEmpty ? "all" : scope.joined(separator: "; ")))
    }
}
