extension GridServices {
    /// Sets `request.status` on each cell in one transaction, all or none, following `CellCaseRule`: 有问题 records a
    /// case (with `problem`'s details and the note as its description), a key on a cell with open cases moves them,
    /// and 整改中/待复核/挂账 without a case are refused.
    public func setStatus(_ cells: [CellKey], _ request: StatusChangeRequest, problem: ProblemDetails = ProblemDetails(),
                          context: ChangeContext) throws(GridError) -> [CellOutcome] {
        try run(context) { ws in
            try ws.prefetch(cells)
            return try cells.map { try applyStatus(ws, $0, request, problem: problem) }
        }
    }

    /// Sets one cell's status (see `setStatus(_:_:problem:context:)`).
    public func setStatus(_ cell: CellKey, _ request: StatusChangeRequest, problem: ProblemDetails = ProblemDetails(),
                          context: ChangeContext) throws(GridError) -> CellOutcome {
        try setStatus([cell], request, problem: problem, context: context)[0]
    }

    /// Puts cells back to earlier states (undo) in one transaction, audited as new changes; the cell/case rule
    /// still holds (a verified case is reopened, not undone).
    /// With `expecting` (the cells as the undone change left them), a cell someone changed since is refused, naming
    /// who and when, instead of silently overwriting their later work.
    public func restore(_ states: [CellState], expecting: [CellState] = [], context: ChangeContext) throws(GridError) -> [CellOutcome] {
        try run(context) { ws in
            try ws.prefetch((states + expecting).map { CellKey(communityID: $0.communityID, themeID: $0.themeID) })
            for expected in expecting {
                let key = CellKey(communityID: expected.communityID, themeID: expected.themeID)
                let now = try ws.cell(key)
                guard now.status != expected.status || now.dueOn != expected.dueOn || now.note != expected.note else { continue }
                let by = now.changedBy.map { " by \($0)" } ?? ""
                let at = now.changedAt.map { " at \($0.minuteText(offsetSeconds: ws.context.clock.utcOffsetSeconds))" } ?? ""
                throw GridError.invalidInput("\(ws.label(key)) was changed since\(by)\(at) (now \(now.status.zh)); undo would overwrite "
                    + "that change, so nothing was undone — change the cell by hand if it is still wrong")
            }
            return try states.map { try applyStatus(ws, CellKey(communityID: $0.communityID, themeID: $0.themeID), .restoring($0),
                                                     problem: ProblemDetails()) }
        }
    }

    /// Applies one status request to one cell inside `tx` (the importer calls this inside its own transaction).
    public func applyStatus(in tx: any StoreTransaction, _ key: CellKey, _ request: StatusChangeRequest,
                            problem: ProblemDetails, context: ChangeContext) throws -> (CellOutcome, ChangeSet) {
        let ws = try Workspace(tx, context: context)
        let outcome = try applyStatus(ws, key, request, problem: problem)
        return (outcome, try ws.finish())
    }

    func applyStatus(_ ws: Workspace, _ key: CellKey, _ request: StatusChangeRequest, problem: ProblemDetails) throws -> CellOutcome {
        try TextRules.checkNote(request.note, field: "the note (--note)")
        let before = try ws.cell(key)
        // Named only in messages: looked up only when one is written.
        func label() -> String { ws.label(key) }
        let open = try ws.cases(at: key).filter(\.state.isOpen)
        switch CellCaseRule.resolve(request.status, openCases: open, plan: request.plan, cellLabel: label(), imported: request.imported) {
        case .unchanged:
            return CellOutcome(before: before, after: before, cases: [], audit: [])
        case .carryOverCase(let state):
            try Policy.authorize(ws.actor, .importStatuses, on: label())
            let record = try carryOver(ws, key, request, into: state)
            return try outcome(ws, key, before: before, cases: [record])
        case .direct:
            let result = try StatusTransition.apply(request, to: before, by: ws.actor, today: ws.today, cellLabel: label())
            if result.changesSomething { ws.write(cell: result.cell, audit: result.audit) }
            return CellOutcome(before: before, after: try ws.cell(key), cases: [], audit: result.audit)
        case .recordCase:
            try Policy.authorize(ws.actor, .recordFinding, on: label())
            guard !request.note.isEmpty else {
                throw GridError.invalidInput("有问题 records a case and needs a note saying what is wrong: add --note \"…\"")
            }
            if request.due != nil && !request.imported {
                throw GridError.invalidInput("a problem's deadline comes from its class when it is dispatched (交办): "
                    + "use --class immediate|days3|days7 instead of --due (long_term takes --plan)")
            }
            let draft = CaseDraft(communityID: key.communityID, themeID: key.themeID, source: problem.source,
                                  description: request.note, location: problem.location, urgent: problem.urgent,
                                  deadlineClass: problem.deadlineClass, plan: problem.plan)
            let record = try record(ws, draft, due: request.imported ? request.due : nil)
            return try outcome(ws, key, before: before, cases: [record])
        case .moveCases(let moves):
            // The key moves the cell's open case, whose deadline comes from its class or an approved extension: a
            // --due here would be dropped without a word.
            if request.due != nil && !request.imported && !request.restoring {
                throw GridError.invalidInput("\(label()) has an open case, so \(request.status.zh) moves the case and --due cannot set its "
                    + "deadline: leave --due out, or change the deadline with `civgrid case move NUMBER request_extension --until DATE`")
            }
            let moved = try moves.map { try move(ws, $0.number, $0.action, reason: request.note) }
            return try outcome(ws, key, before: before, cases: moved)
        case .refuse(let message):
            throw GridError.invalidInput(message)
        }
    }

    /// A problem carried over from a sheet: recorded (上报) and set straight to `state`, both steps in its history,
    /// dispatched to the community's lead unit today, with the row's deadline (or plan date for 挂账).
    func carryOver(_ ws: Workspace, _ key: CellKey, _ request: StatusChangeRequest, into state: CaseState) throws -> CaseRecord {
        let description = request.note.isEmpty ? "导入: \(request.status.zh)" : request.note
        let due = state == .parked ? request.plan : request.due
        let draft = CaseDraft(communityID: key.communityID, themeID: key.themeID, source: .higherLevel, description: description,
                              deadlineClass: state == .parked ? .longTerm : .threeDays, plan: state == .parked ? request.plan : nil)
        var c = try record(ws, draft, due: due, carriedOver: true)
        let from = c.state
        c.state = state
        c.dueOn = due
        c.handlingUnitID = c.chain.unitID
        ws.update(c, event: CaseEvent(action: "import", from: from, to: state, actor: ws.actor.login, reason: "导入 (carried over from a sheet)",
                                      dueOn: due), from: from)
        try follow(ws, key, note: "案件 \(c.number) 导入", fixedOnSite: false)
        return c
    }

    func outcome(_ ws: Workspace, _ key: CellKey, before: CellState, cases: [CaseRecord]) throws -> CellOutcome {
        let after = try ws.cell(key)
        return CellOutcome(before: before, after: after, cases: cases,
                           audit: StatusTransition.entries(from: before, to: after, note: ""))
    }

    /// Puts the cell in the status its cases give it (or 达标 when the last one closes), audited.
    func follow(_ ws: Workspace, _ key: CellKey, note: String, fixedOnSite: Bool) throws {
        let cell = try ws.cell(key)
        guard let next = CaseFollow.cell(cell, cases: try ws.cases(at: key), fixedOnSite: fixedOnSite) else { return }
        ws.write(cell: next, audit: StatusTransition.entries(from: cell, to: next, note: note))
    }
}
