extension GridServices {
    /// Records problems (上报) at cells in one transaction: every case or none. Each gets the next number of its
    /// year and the chain in force today; its cell follows (有问题).
    public func recordProblems(_ drafts: [CaseDraft], context: ChangeContext) throws(GridError) -> [CaseRecord] {
        try run(context) { ws in try drafts.map { try record(ws, $0, due: nil) } }
    }

    /// Records one problem (see `recordProblems`).
    public func recordProblem(_ draft: CaseDraft, context: ChangeContext) throws(GridError) -> CaseRecord {
        try recordProblems([draft], context: context)[0]
    }

    /// Moves a case one step, appending its event; the cell follows its open cases. 交办 without a unit goes to
    /// the community's lead unit in force today.
    public func moveCase(_ number: CaseNumber, _ action: CaseAction, reason: String,
                         context: ChangeContext) throws(GridError) -> CaseRecord {
        try moveCases([number], action, reason: reason, context: context)[0]
    }

    /// Moves several cases by the same step in one transaction: all of them or none.
    public func moveCases(_ numbers: [CaseNumber], _ action: CaseAction, reason: String,
                          context: ChangeContext) throws(GridError) -> [CaseRecord] {
        try run(context) { ws in try numbers.map { try move(ws, $0, action, reason: reason) } }
    }

    /// Records a problem (上报). `carriedOver`: a sheet's existing problem, whose plan date may already have passed.
    func record(_ ws: Workspace, _ draft: CaseDraft, due: Day?, carriedOver: Bool = false) throws -> CaseRecord {
        let key = CellKey(communityID: draft.communityID, themeID: draft.themeID)
        guard (try? ws.cell(key)) != nil else {
            throw GridError.notFound("that theme is not checked at this community (no such cell); `civgrid show` lists its cells")
        }
        try Policy.authorize(ws.actor, .recordFinding, on: ws.label(key))
        let text = draft.description.trimmingWhitespace()
        try TextRules.checkNote(text, field: "the description (--desc)")
        guard !text.isEmpty else { throw GridError.invalidInput("a case needs a description of the problem: add --desc \"…\"") }
        if draft.deadlineClass == .longTerm && draft.plan == nil {
            throw GridError.invalidInput("a long-term (长期) case needs a plan date: add --plan YYYY-MM-DD")
        }
        // A new long-term case planned for a day already past would be overdue from the moment it is recorded.
        if draft.deadlineClass == .longTerm, let plan = draft.plan, plan <= ws.today, !carriedOver {
            throw GridError.invalidInput("the plan date \(plan) of a long-term (长期) case must be after today (\(ws.today)); give a later --plan")
        }
        let number = try ws.nextCaseNumber(year: ws.today.civil.year)
        let chain = try ws.tx.chain(communityID: draft.communityID, on: ws.today)
        var c = CaseRecord(number: number, source: draft.source, communityID: draft.communityID, themeID: draft.themeID,
                           location: draft.location, description: text, urgent: draft.urgent, deadlineClass: draft.deadlineClass,
                           foundAt: ws.now, foundBy: ws.actor.login, chain: ChainSnapshot(chain: chain))
        c.dueOn = draft.plan ?? due
        ws.insert(c, event: CaseEvent(action: "report", from: .reported, to: .reported, actor: ws.actor.login, reason: text,
                                      dueOn: c.dueOn))
        try follow(ws, key, note: "案件 \(number) 上报", fixedOnSite: false)
        return c
    }

    func move(_ ws: Workspace, _ number: CaseNumber, _ requested: CaseAction, reason: String) throws -> CaseRecord {
        try TextRules.checkNote(reason, field: "the reason (--reason)")
        let current = try ws.caseRecord(number)
        var action = requested
        if case .assign(let unit) = requested {
            if let unit {
                guard try ws.tx.unitExists(unit) else { throw GridError.notFound("unit #\(unit) does not exist") }
            } else {
                let lead = try ws.tx.chain(communityID: current.communityID, on: ws.today).first { $0.assignment.role == .lead }
                action = .assign(unitID: lead?.unit.id)
            }
        }
        let evidence = action == .verify ? try afterPhotoEvidence(ws, current) : .notRequired
        let (next, event) = try CaseTransition.apply(action, to: current, by: ws.actor, reason: reason, today: ws.today,
                                                     calendar: calendar, evidence: evidence)
        ws.update(next, event: event, from: current.state)
        try follow(ws, CellKey(communityID: next.communityID, themeID: next.themeID), note: "案件 \(number) \(action.zh)",
                   fixedOnSite: next.state == .fixedOnSite)
        return next
    }
}
