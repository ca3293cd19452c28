/// What an operator does to a case. Actions marked `needsReason` refuse an empty reason.
public enum CaseAction: Hashable, Sendable {
    case register
    case void
    case fixOnSite
    /// 交办: dispatch to a unit; the deadline clock starts. Nil: the community's lead unit on the day of dispatch.
    case assign(unitID: RowID?)
    case sendBack
    case startRectifying
    case requestExtension(until: Day)
    case approveExtension
    case rejectExtension
    case park(until: Day)
    case resume
    case submit
    case verify
    case rework
    case reopen
    case escalate

    /// Stable code, for audit rows and the command line.
    public var code: String {
        switch self {
        case .register: "register"
        case .void: "void"
        case .fixOnSite: "fix_on_site"
        case .assign: "assign"
        case .sendBack: "send_back"
        case .startRectifying: "start"
        case .requestExtension: "request_extension"
        case .approveExtension: "approve_extension"
        case .rejectExtension: "reject_extension"
        case .park: "park"
        case .resume: "resume"
        case .submit: "submit"
        case .verify: "verify"
        case .rework: "rework"
        case .reopen: "reopen"
        case .escalate: "escalate"
        }
    }

    /// Chinese label.
    public var zh: String {
        switch self {
        case .register: "立案"
        case .void: "作废"
        case .fixOnSite: "现场整改"
        case .assign: "交办"
        case .sendBack: "退回"
        case .startRectifying: "开始整改"
        case .requestExtension: "申请延期"
        case .approveExtension: "批准延期"
        case .rejectExtension: "驳回延期"
        case .park: "挂账"
        case .resume: "恢复整改"
        case .submit: "提交复核"
        case .verify: "复核通过结案"
        case .rework: "返工"
        case .reopen: "重新打开"
        case .escalate: "督办"
        }
    }

    /// The action an operator named by code or Chinese label; `unitID` is the unit to assign to (nil: the current
    /// lead unit), `until` the date an extension or parking needs.
    public static func parse(_ text: String, unitID: RowID?, until: Day?) throws(GridError) -> CaseAction {
        func date() throws(GridError) -> Day {
            guard let until else { throw .invalidInput("\(text) needs --until YYYY-MM-DD") }
            return until
        }
        let action = try named(text, unitID: unitID, date: date)
        // An option the step does not take would be silently dropped: say so instead.
        if until != nil, !action.takesDate {
            throw .invalidInput("--until applies only to request_extension (申请延期) and park (挂账); leave it out for \(text)")
        }
        if unitID != nil {
            guard case .assign = action else { throw .invalidInput("--unit applies only to assign (交办); leave it out for \(text)") }
        }
        return action
    }

    /// Whether the step carries a date (`--until`).
    var takesDate: Bool {
        switch self {
        case .requestExtension, .park: true
        default: false
        }
    }

    static func named(_ text: String, unitID: RowID?, date: () throws(GridError) -> Day) throws(GridError) -> CaseAction {
        switch text {
        case "register", "立案": return .register
        case "void", "作废": return .void
        case "fix_on_site", "现场整改": return .fixOnSite
        case "assign", "交办": return .assign(unitID: unitID)
        case "send_back", "退回": return .sendBack
        case "start", "整改", "开始整改": return .startRectifying
        case "request_extension", "申请延期": return .requestExtension(until: try date())
        case "approve_extension", "批准延期": return .approveExtension
        case "reject_extension", "驳回延期": return .rejectExtension
        case "park", "挂账": return .park(until: try date())
        case "resume", "恢复", "恢复整改": return .resume
        case "submit", "提交复核": return .submit
        case "verify", "结案", "复核通过", "复核通过结案": return .verify
        case "rework", "返工": return .rework
        case "reopen", "重新打开": return .reopen
        case "escalate", "督办": return .escalate
        default:
            throw .invalidInput("unknown action “\(text)”; use register, void, fix_on_site, assign, send_back, start, request_extension, "
                + "approve_extension, reject_extension, park, resume, submit, verify, rework, reopen or escalate")
        }
    }

    /// The permission this step needs on case `c` (a second extension needs more than the first).
    public func permission(on c: CaseRecord) -> GridPermission {
        switch self {
        case .register: .registerCase
        case .void: .voidCase
        case .fixOnSite: .recordFinding
        case .assign: .dispatchCase
        case .sendBack: .sendBackCase
        case .startRectifying, .requestExtension, .resume, .submit: .handleCase
        case .approveExtension: c.extensionCount >= 1 ? .approveFurtherExtension : .decideExtension
        case .rejectExtension: .decideExtension
        case .park: .park
        case .verify: .verify
        case .rework: .rework
        case .reopen: .reopenCase
        case .escalate: .escalateCase
        }
    }

    /// Actions that must say why.
    public var needsReason: Bool {
        switch self {
        case .void, .sendBack, .requestExtension, .park, .rework, .reopen: true
        default: false
        }
    }
}

/// One step of a case's history, as the store appends it.
public struct CaseEvent: Hashable, Sendable {
    public var action: String
    public var from: CaseState
    public var to: CaseState
    public var actor: String
    public var reason: String
    /// The due day after the step (when it set or changed one).
    public var dueOn: Day?

    /// Creates an event.
    public init(action: String, from: CaseState, to: CaseState, actor: String, reason: String, dueOn: Day?) {
        self.action = action
        self.from = from
        self.to = to
        self.actor = actor
        self.reason = reason
        self.dueOn = dueOn
    }
}

/// The pure case state machine: legal moves, required reasons, deadlines in working days, and who may do what.
public enum CaseTransition {
    /// The actions allowed from a state (escalation is allowed in every open state).
    public static func allowed(from state: CaseState) -> [String] {
        let table: [CaseState: [String]] = [
            .reported: ["register", "void", "fix_on_site"],
            .registered: ["assign", "void"],
            .assigned: ["start", "send_back"],
            .sentBack: ["register"],
            .rectifying: ["submit", "request_extension", "park"],
            .extensionRequested: ["approve_extension", "reject_extension"],
            .parked: ["resume"],
            .submitted: ["verify", "rework"],
            .closed: ["reopen"],
        ]
        return (table[state] ?? []) + (state.isOpen ? ["escalate"] : [])
    }

    /// Why `action` cannot be taken from the case's state, naming the steps that can; nil when it can. The console
    /// asks before it opens a reason prompt, so nobody types a reason for a step that will be refused.
    public static func refusal(_ action: CaseAction, on c: CaseRecord) -> String? {
        guard !allowed(from: c.state).contains(action.code) else { return nil }
        let options = allowed(from: c.state).joined(separator: ", ")
        return "case \(c.number) is \(c.state.zh); “\(action.zh)” is not possible from there. Allowed: \(options.isEmpty ? "none (the case is finished)" : options)"
    }

    /// Applies `action` for `actor`; throws a message naming the allowed actions when the move is illegal.
    /// `evidence` says whether the office's rules ask this case for an after-photo before it is verified, and how many it has.
    public static func apply(_ action: CaseAction, to c: CaseRecord, by actor: Operator, reason: String, today: Day,
                             calendar: WorkingCalendar, evidence: AfterPhotoEvidence = .notRequired) throws(GridError) -> (CaseRecord, CaseEvent) {
        let why = reason.trimmingWhitespace()
        if let refusal = refusal(action, on: c) { throw .invalidInput(refusal) }
        if action.needsReason && why.isEmpty {
            throw .invalidInput("\(action.zh) needs a reason: add --reason \"…\"")
        }
        try Policy.authorize(actor, action.permission(on: c), onCase: c)
        var next = c
        switch action {
        case .register:
            next.state = .registered
            next.handlingUnitID = nil
        case .void: next.state = .void
        case .fixOnSite: next.state = .fixedOnSite
        case .assign(let chosen):
            guard let unit = chosen else {
                throw .invalidInput("case \(c.number) has no unit to dispatch to: the community has no lead unit today; give --unit NAME")
            }
            next.state = .assigned
            next.handlingUnitID = unit
            if let due = c.deadlineClass.due(assignedOn: today, calendar: calendar) { next.dueOn = due }
            if c.deadlineClass == .longTerm && c.dueOn == nil {
                throw .invalidInput("a long-term (长期) case needs its plan date before it is assigned")
            }
        case .sendBack:
            next.state = .sentBack
        case .startRectifying: next.state = .rectifying
        case .requestExtension(let until):
            guard until > (c.dueOn ?? today) else { throw .invalidInput("the new date \(until) must be after the current due day \(c.dueOn ?? today)") }
            next.state = .extensionRequested
            next.requestedDue = until
        case .approveExtension:
            if c.extensionCount >= 1 && why.isEmpty {
                throw .invalidInput("a second extension of \(c.number) needs a note saying why: add --reason \"…\"")
            }
            next.state = .rectifying
            next.dueOn = c.requestedDue
            next.requestedDue = nil
            next.extensionCount += 1
        case .rejectExtension:
            next.state = .rectifying
            next.requestedDue = nil
        case .park(let until):
            guard until > today else { throw .invalidInput("the plan date \(until) must be after today (\(today))") }
            next.state = .parked
            next.dueOn = until
        case .resume: next.state = .rectifying
        case .submit: next.state = .submitted
        case .verify:
            if evidence.required && evidence.afterPhotos == 0 {
                throw .invalidInput("case \(c.number) (\(evidence.themeName) · \(c.deadlineClass.zh)) needs an after-photo (整改后照片) before it "
                    + "is verified: attach one with `civgrid case attach \(c.number) PHOTO --kind after`, then verify")
            }
            next.state = .closed
        case .rework:
            next.state = .rectifying
            next.reworkCount += 1
        case .reopen:
            next.state = .rectifying
        case .escalate:
            next.escalated = true
        }
        let event = CaseEvent(action: action.code, from: c.state, to: next.state, actor: actor.login, reason: why,
                              dueOn: next.dueOn != c.dueOn ? next.dueOn : nil)
        return (next, event)
    }
}
