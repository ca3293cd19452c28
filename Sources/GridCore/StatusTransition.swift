/// An operator's request to change one cell's status.
public struct StatusChangeRequest: Hashable, Sendable {
    public var status: CellStatus
    public var note: String
    /// Due date (有问题/整改中 only).
    public var due: Day?
    /// Plan date (挂账 only, required there).
    public var plan: Day?
    /// An undo putting a cell back exactly as it was: field rules and past dates are not re-checked
    /// (the earlier state passed them when it was made), permission still is.
    public var restoring: Bool
    /// A state carried over from a sheet (import): deadlines may already have passed, and a 待复核 cell may
    /// carry the deadline it had; notes and plan dates are still required.
    public var imported: Bool

    /// Creates a request.
    public init(status: CellStatus, note: String = "", due: Day? = nil, plan: Day? = nil, restoring: Bool = false,
                imported: Bool = false) {
        self.status = status
        self.note = note.trimmingWhitespace()
        self.due = due
        self.plan = plan
        self.restoring = restoring
        self.imported = imported
    }

    /// The request that puts a cell back to `state` (undo).
    public static func restoring(_ state: CellState) -> StatusChangeRequest {
        StatusChangeRequest(status: state.status, note: state.note, due: state.dueOn, restoring: true)
    }
}

/// The outcome of a validated transition: the new cell and the audit entries to write with it.
public struct StatusTransitionResult: Hashable, Sendable {
    public var cell: CellState
    /// Empty when the request changes nothing.
    public var audit: [AuditEntry]

    /// Whether anything changes.
    public var changesSomething: Bool { !audit.isEmpty }
}

/// The pure, validated status transition. Permission, required fields and deadlines are all checked
/// here so the console, the command line and any later front end obey the same rules.
public enum StatusTransition {
    /// Validates `request` against `current` for `actor` on `today` and returns the new state and its audit.
    ///
    /// `cellLabel` names the cell in messages (e.g. `阳光小区 · 环境卫生`); it is only evaluated for a refusal.
    public static func apply(
        _ request: StatusChangeRequest, to current: CellState, by actor: Operator, today: Day,
        cellLabel: @autoclosure () -> String
    ) throws(GridError) -> StatusTransitionResult {
        try checkPermission(request.status, from: current.status, actor: actor, cellLabel: cellLabel)
        let due = request.restoring ? request.due : try deadline(for: request, current: current, today: today)
        var next = current
        next.status = request.status
        next.dueOn = due
        if request.status != current.status || !request.note.isEmpty || request.restoring { next.note = request.note }
        let note = request.restoring ? "撤销 (undo)" + (request.note.isEmpty ? "" : ": \(request.note)") : request.note
        let audit = entries(from: current, to: next, note: note)
        return StatusTransitionResult(cell: next, audit: audit)
    }

    static func checkPermission(_ target: CellStatus, from source: CellStatus, actor: Operator,
                                cellLabel label: () -> String) throws(GridError) {
        try Policy.authorize(actor, permission(from: source, to: target), on: label())
    }

    /// The permission setting `target` on a cell in `source` needs (without open cases: those decide through
    /// their own steps, see `CellCaseRule`).
    public static func permission(from source: CellStatus, to target: CellStatus) -> GridPermission {
        switch target {
        case .ok where source == .recheck: .verify
        case .parked: .park
        case .notApplicable: .exempt
        case .rectifying, .recheck: .handleCase
        case .unchecked, .ok, .problem, .fixedOnSite: .recordFinding
        }
    }

    /// The deadline the new state carries, after checking the fields the status requires.
    static func deadline(for request: StatusChangeRequest, current: CellState, today: Day) throws(GridError) -> Day? {
        let status = request.status
        if (status == .problem || status == .parked) && request.note.isEmpty {
            throw .invalidInput("\(status.zh) needs a note saying what is wrong: add --note \"…\"")
        }
        if let plan = request.plan, status != .parked {
            throw .invalidInput("a plan date (--plan \(plan)) belongs to 挂账 only; for \(status.zh) use --due or leave it out")
        }
        if let due = request.due, status != .problem && status != .rectifying && !(request.imported && status == .recheck) {
            throw .invalidInput("a due date (--due \(due)) is allowed for 有问题 and 整改中 only, not \(status.zh)")
        }
        switch status {
        case .parked:
            guard let plan = request.plan else {
                throw .invalidInput("挂账 needs a plan date: add --plan YYYY-MM-DD (the date the long-term fix is planned for)")
            }
            guard plan > today || request.imported else { throw .invalidInput("plan date \(plan) must be after today (\(today))") }
            return plan
        case .problem, .rectifying:
            if let due = request.due {
                guard due >= today || request.imported else { throw .invalidInput("due date \(due) is before today (\(today)); give today or later") }
                return due
            }
            return current.status.carriesDeadline ? current.dueOn : nil
        case .recheck:
            if request.imported, let due = request.due { return due }
            return current.status.carriesDeadline ? current.dueOn : nil
        case .unchecked, .ok, .fixedOnSite, .notApplicable:
            return nil
        }
    }

    /// The audit entries for a cell going from `old` to `new` (one per changed field).
    public static func entries(from old: CellState, to new: CellState, note: String) -> [AuditEntry] {
        let key = "\(old.communityID)/\(old.themeID)"
        var result: [AuditEntry] = []
        if old.status != new.status {
            result.append(AuditEntry(entity: .cell, entityID: key, communityID: old.communityID, field: "status",
                                     oldValue: old.status.rawValue, newValue: new.status.rawValue, note: note))
        }
        if old.dueOn != new.dueOn {
            result.append(AuditEntry(entity: .cell, entityID: key, communityID: old.communityID, field: "due_on",
                                     oldValue: old.dueOn?.description, newValue: new.dueOn?.description, note: note))
        }
        if result.isEmpty && !note.isEmpty && note != old.note {
            result.append(AuditEntry(entity: .cell, entityID: key, communityID: old.communityID, field: "note",
                                     oldValue: old.note, newValue: note, note: note))
        }
        return result
    }
}
