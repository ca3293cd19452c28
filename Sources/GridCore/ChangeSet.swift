/// The facts one service call decided to write: rows, case events and audit entries. A store persists a change
/// set in the transaction the service ran in, in the order of the properties below, and decides nothing itself.
public struct ChangeSet: Sendable {
    /// Kinds, streets, communities (with new communities' cells), units and property companies, written first.
    public var masterData = MasterDataChanges()
    /// Cases found now (上报), each with its first event.
    public var newCases: [CaseRecord] = []
    /// Cases whose stored fields changed (state, due day, handling unit, counters).
    public var updatedCases: [CaseRecord] = []
    /// Steps of cases, in order; `from` is nil for a case's first event.
    public var caseEvents: [CaseEventFact] = []
    /// Cells in their new state (status, deadline, note, who and when).
    public var cells: [CellState] = []
    /// Assignments that stop being in force: id and first day no longer in force.
    public var endedAssignments: [(id: RowID, on: Day)] = []
    /// New assignments (their `id` is ignored; the store numbers them).
    public var newAssignments: [Assignment] = []
    /// Operators to add or update.
    public var operators: [Operator] = []
    /// Notices issued.
    public var notices: [NoticeFact] = []
    /// Office order numbers of streets and communities set or cleared (`setOrder`).
    public var orders: [OrderFact] = []
    /// Files attached to cases, each with the `attach` case event that records its digest (written after `caseEvents`).
    public var attachments: [AttachmentFact] = []
    /// Declared-site register facts: responsible persons and self-inspection cadences (after master data).
    public var siteRegister = SiteRegisterChanges()
    /// The audit entries, stamped by the store with the context's actor, OS user, source and time.
    public var audit: [AuditEntry] = []
    /// Rounds planned or moved and inspections recorded (written before `audit`). Each has an audit entry, so a change
    /// set holding only these is not empty by `isEmpty`'s account either.
    public var rounds = RoundChanges()

    /// An empty change set.
    public init() {}

    /// Whether there is nothing to write.
    public var isEmpty: Bool {
        masterData.isEmpty && newCases.isEmpty && updatedCases.isEmpty && caseEvents.isEmpty && cells.isEmpty && endedAssignments.isEmpty
            && newAssignments.isEmpty && operators.isEmpty && notices.isEmpty && orders.isEmpty && audit.isEmpty
            && attachments.isEmpty
            && siteRegister.isEmpty
    }
}

/// One step of a case to append to its history.
public struct CaseEventFact: Hashable, Sendable {
    public var number: CaseNumber
    public var event: CaseEvent
    /// The state before the step; nil for the report that created the case.
    public var from: CaseState?

    /// Creates an event fact.
    public init(number: CaseNumber, event: CaseEvent, from: CaseState?) {
        self.number = number
        self.event = event
        self.from = from
    }
}

/// A supervision notice (督查通报) as issued: number, period and the cases it names.
public struct NoticeFact: Hashable, Sendable {
    public var year: Int
    public var issue: Int
    public var first: Day
    public var last: Day
    public var cases: [CaseNumber]
    public var issuedBy: String
    /// The office the notice belongs to (numbered per office and year); nil: the whole database.
    public var officeID: RowID?

    /// Creates a notice fact.
    public init(year: Int, issue: Int, first: Day, last: Day, cases: [CaseNumber], issuedBy: String, officeID: RowID? = nil) {
        self.year = year
        self.issue = issue
        self.first = first
        self.last = last
        self.cases = cases
        self.issuedBy = issuedBy
        self.officeID = officeID
    }

    /// The office a notice belongs to: the one asked for (`--office`), else the issuer's (nil for an issuer working for
    /// the whole database: a whole-database notice, as every notice before offices had their own).
    public static func office(requested: RowID?, issuer: Operator) -> RowID? { requested ?? issuer.officeID }
}
