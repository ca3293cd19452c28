extension GridServices {
    /// Plans a round (计划中): numbered next, its name unique, its team operators who may record inspections, its scope's
    /// streets, communities and themes existing; a self-inspection (自查) names the unit doing it.
    public func addRound(_ draft: RoundDraft, context: ChangeContext) throws(GridError) -> InspectionRound {
        try run(context) { ws in
            let tx = try roundStore(ws)
            try Policy.authorize(ws.actor, .planRounds)
            try RoundRules.check(draft, tx)
            let round = InspectionRound(id: try tx.lastRoundID() + 1, name: draft.name.trimmingWhitespace(), kind: draft.kind,
                                        unitID: draft.unitID, from: draft.from, to: draft.to, team: draft.team, scope: draft.scope,
                                        createdBy: ws.actor.login, createdAt: ws.now)
            ws.rounds([RoundRules.planned(round)]) { $0.newRounds.append(round) }
            return round
        }
    }

    /// Starts a planned round (计划中 → 进行中): inspections may be recorded in it from now.
    public func startRound(_ id: RoundID, context: ChangeContext) throws(GridError) -> InspectionRound {
        try moveRound(id, to: .inProgress, context: context)
    }

    /// Closes a round in progress (进行中 → 已结束): its inspections are final and no more may be recorded in it.
    public func closeRound(_ id: RoundID, context: ChangeContext) throws(GridError) -> InspectionRound {
        try moveRound(id, to: .closed, context: context)
    }

    func moveRound(_ id: RoundID, to state: RoundState, context: ChangeContext) throws(GridError) -> InspectionRound {
        try run(context) { ws in
            let tx = try roundStore(ws)
            guard var round = try tx.round(id: id) else { throw GridError.notFound(RoundRules.unknown(id)) }
            try Policy.authorize(ws.actor, .planRounds, on: "round \(round.label)")
            try RoundRules.checkMove(round, to: state)
            let from = round.state
            round.state = state
            if state == .inProgress { round.startedAt = ws.now } else { round.closedAt = ws.now }
            ws.rounds([AuditEntry(entity: .round, entityID: "\(id)", field: "state", oldValue: from.rawValue, newValue: state.rawValue,
                                  note: "\(round.label): \(from.zh) → \(state.zh)")]) { $0.updatedRounds.append(round) }
            return round
        }
    }

    /// Records inspections in one transaction, all or none. Each is a fact (who, when, which cell, which round, what
    /// was found) written with its own audit entry even when the cell does not change ("checked, still 达标"); a result
    /// that changes the cell goes through the status service (`setStatus`'s cell/case rule) in the same transaction,
    /// and 有问题 records a case whose source is the round's kind (`RoundKind.caseSource`), linked to the round through
    /// this inspection. A round must be in progress, and the cell inside its scope.
    public func inspect(_ requests: [InspectionRequest], context: ChangeContext) throws(GridError) -> [InspectionOutcome] {
        try run(context) { ws in
            let tx = try roundStore(ws)
            var nextID = try tx.lastInspectionID()
            var rounds: [RoundID: InspectionRound] = [:]
            return try requests.map { request in
                let round = try request.roundID.map { id in
                    if let known = rounds[id] { return known }
                    guard let found = try tx.round(id: id) else { throw GridError.notFound(RoundRules.unknown(id)) }
                    rounds[id] = found
                    return found
                }
                nextID += 1
                return try inspect(ws, request, round: round, id: nextID)
            }
        }
    }

    /// Records one inspection (see `inspect(_:context:)`).
    public func inspect(_ request: InspectionRequest, context: ChangeContext) throws(GridError) -> InspectionOutcome {
        try inspect([request], context: context)[0]
    }

    func inspect(_ ws: Workspace, _ request: InspectionRequest, round: InspectionRound?, id: Int64) throws -> InspectionOutcome {
        let key = request.cell
        try TextRules.checkNote(request.note, field: "the note (--note)")
        if let round {
            try Policy.authorize(ws.actor, .recordInspection, inRound: round)
            try RoundRules.checkOpen(round)
        } else {
            try Policy.authorize(ws.actor, .recordInspection, on: ws.label(key))
        }
        guard let community = try ws.tx.community(id: key.communityID) else {
            throw GridError.notFound("community #\(key.communityID) does not exist; `civgrid tree` lists the communities")
        }
        if let retired = community.retiredOn {
            throw GridError.invalidInput("\(community.name) was retired (已撤销) on \(retired); its cells are no longer checked")
        }
        if let round, !round.scope.covers(community) || !round.scope.covers(themeID: key.themeID) {
            throw GridError.invalidInput("\(ws.label(key)) is outside the scope of round \(round.label); `civgrid round show \(round.id)` "
                + "lists its scope — record it in another round or outside any round (leave out --round)")
        }
        var problem = request.problem
        if let round { problem.source = round.kind.caseSource }
        // The cell follows the result exactly as a status key would: unchanged, set, a case recorded or moved, or refused.
        // The note is the inspection's; it reaches the cell only with a change (a case's description, a verification's
        // reason), so "checked, still 达标 — 复查仍达标" leaves the cell and its note exactly as they were.
        let before = try ws.cell(key)
        let hasOpenCases = try ws.cases(at: key).contains { $0.state.isOpen }
        let changes = request.result == .problem || before.status != request.result.status || hasOpenCases
        let status = StatusChangeRequest(status: request.result.status, note: changes ? request.note : before.note)
        let cell = try applyStatus(ws, key, status, problem: problem)
        let recorded = request.result == .problem ? cell.cases.first?.number : nil
        let record = InspectionRecord(id: id, roundID: round?.id, kind: round?.kind, cell: key, result: request.result, at: ws.now,
                                      by: ws.actor.login, note: request.note.trimmingWhitespace(), caseNumber: recorded)
        let place = round.map { "\($0.label) · " } ?? "轮次外 · "
        let unchanged = cell.changesSomething ? "" : "（未变更 \(cell.after.status.zh)）"
        let caseText = recorded.map { " 案件 \($0)" } ?? ""
        ws.rounds([AuditEntry(entity: .inspection, entityID: "\(id)", communityID: key.communityID, field: "result", oldValue: nil,
                              newValue: request.result.rawValue,
                              note: "\(place)\(ws.label(key)) \(request.result.zh)\(unchanged)\(caseText)"
                                + (record.note.isEmpty ? "" : ": \(record.note)"))]) { $0.inspections.append(record) }
        return InspectionOutcome(inspection: record, cell: cell)
    }

    /// The transaction as a store that keeps rounds, or a clear refusal.
    func roundStore(_ ws: Workspace) throws(GridError) -> any RoundTransaction {
        guard let tx = ws.tx as? any RoundTransaction else {
            throw .database("this database's store does not keep inspection rounds yet (only the SQLite store does); nothing was changed")
        }
        return tx
    }
}
