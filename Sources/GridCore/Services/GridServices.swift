/// The one door for every change. The console, the command line and the importer call these services; each
/// call authorises the actor from `Policy`, checks the domain rules, and hands the store one `ChangeSet` to write
/// with its audit rows in the same transaction. A refusal throws and writes nothing.
public struct GridServices: Sendable {
    /// The store the changes are written to.
    public let store: any TransactionRunner
    /// Working days for case deadlines.
    public var calendar: WorkingCalendar
    /// Attachment limits and which cases need an after-photo before they are verified (evidence.toml).
    public var evidence: EvidenceRules

    /// Services over `store`.
    public init(_ store: any TransactionRunner, calendar: WorkingCalendar = .weekendsOnly, evidence: EvidenceRules = .none) {
        self.store = store
        self.calendar = calendar
        self.evidence = evidence
    }

    /// Runs `body` in one store transaction and persists what it decided.
    func run<T>(_ context: ChangeContext, _ body: (Workspace) throws -> T) throws(GridError) -> T {
        try store.transaction { tx in
            let workspace = try Workspace(tx, context: context)
            let result = try body(workspace)
            _ = try workspace.finish()
            return result
        }
    }

    /// Throws unless `actor` holds `permission` (for work that is authorised before it starts, such as replacing
    /// a database or importing a sheet).
    public func authorize(_ actor: Operator, _ permission: GridPermission, on what: String = "") throws(GridError) {
        try Policy.authorize(actor, permission, on: what)
    }
}

/// What a problem recorded through a status key carries besides its description (the console's problem form,
/// the command line's options).
public struct ProblemDetails: Hashable, Sendable {
    public var source: CaseSource
    public var deadlineClass: DeadlineClass
    public var location: String
    public var urgent: Bool
    /// The plan date a long-term (长期) case needs.
    public var plan: Day?

    /// Creates problem details; the defaults are a supervision finding with 3 working days.
    public init(source: CaseSource = .supervision, deadlineClass: DeadlineClass = .threeDays, location: String = "",
                urgent: Bool = false, plan: Day? = nil) {
        self.source = source
        self.deadlineClass = deadlineClass
        self.location = location
        self.urgent = urgent
        self.plan = plan
    }
}

/// What a status request did to one cell.
public struct CellOutcome: Hashable, Sendable {
    public var before: CellState
    public var after: CellState
    /// Cases recorded or moved by the request.
    public var cases: [CaseRecord]
    /// The cell's own audit entries (empty when the cell did not change).
    public var audit: [AuditEntry]

    /// Whether anything was written for this cell.
    public var changesSomething: Bool { !audit.isEmpty || !cases.isEmpty }
    /// The cell's state afterwards (the name earlier callers used).
    public var cell: CellState { after }
}
