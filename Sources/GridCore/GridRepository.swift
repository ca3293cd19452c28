/// The store's business operations. No storage type appears here, so a second implementation (a shared
/// PostgreSQL store for offices that outgrow one machine) can pass the same store tests.
///
/// Every method that changes a status, an assignment, master data or an operator appends its audit rows
/// in the same transaction as the change.
public protocol GridRepository: Sendable {
    // MARK: Reading the grid

    /// All offices, by name.
    func offices() throws(GridError) -> [Office]
    /// The themes in board order.
    func themes() throws(GridError) -> [CheckTheme]
    /// One community, or nil.
    func community(id: RowID) throws(GridError) -> Community?
    /// One responsible unit, or nil.
    func unit(id: RowID) throws(GridError) -> ResponsibleUnit?
    /// One property company, or nil.
    func property(id: RowID) throws(GridError) -> PropertyCompany?
    /// A node's display reference (name and path), or nil if it does not exist.
    func nodeRef(_ node: GridNode) throws(GridError) -> NodeRef?
    /// Nodes whose name matches `query` at `levels`: exact names first; if none, unique-prefix matches.
    func findNodes(_ query: String, levels: Set<Grouping>) throws(GridError) -> [NodeRef]
    /// Number of communities in `scope` that pass `filter`.
    func communityCount(in scope: CommunityScope, filter: CommunityFilter, today: Day) throws(GridError) -> Int
    /// A window of communities in `scope` passing `filter`, ordered by street then name, with their roll-ups.
    func communities(in scope: CommunityScope, filter: CommunityFilter, offset: Int, limit: Int,
                     today: Day) throws(GridError) -> [CommunityRow]
    /// The same window, faster when the caller knows the row count and a row near the window (the board
    /// scrolling): the store then seeks from the anchor instead of counting and skipping rows.
    func communities(in scope: CommunityScope, filter: CommunityFilter, offset: Int, limit: Int, today: Day,
                     total: Int?, anchor: WindowAnchor?) throws(GridError) -> [CommunityRow]
    /// The row index of a community within `scope` and `filter`, or nil when it is not there.
    func position(of communityID: RowID, in scope: CommunityScope, filter: CommunityFilter, today: Day) throws(GridError) -> Int?
    /// The cells of one community in theme order.
    func cells(communityID: RowID) throws(GridError) -> [CellRow]
    /// The cells of several communities (a board window), in no particular order.
    func cells(communityIDs: [RowID]) throws(GridError) -> [CellState]
    /// Communities, units, property companies and streets whose name contains `text`, best first.
    func search(_ text: String, limit: Int) throws(GridError) -> [NodeRef]
    /// The chain (units, roles, property companies) in force for a community on `day`.
    func chain(communityID: RowID, on day: Day) throws(GridError) -> [ChainLink]
    /// The chains in force on `day` for many communities at once (exports), keyed by community.
    func chains(communityIDs: [RowID], on day: Day) throws(GridError) -> [RowID: [ChainLink]]
    /// All assignments of a community ever made, oldest first (倒查责任).
    func assignmentHistory(communityID: RowID) throws(GridError) -> [ChainLink]

    // MARK: Roll-ups

    /// Counts by status and overdue for every group at `grouping` within `scope`, as SQL aggregates.
    func rollups(groupedBy grouping: Grouping, within scope: CommunityScope, today: Day) throws(GridError) -> [GroupCounts]
    /// Counts for one node.
    func rollup(of node: GridNode, today: Day) throws(GridError) -> StatusCounts

    // MARK: Changing

    /// Validates and applies one status change, writing the cell and its audit rows in one transaction.
    func changeStatus(communityID: RowID, themeID: RowID, _ request: StatusChangeRequest,
                      context: ChangeContext) throws(GridError) -> StatusTransitionResult
    /// Applies the same change to several cells in one transaction: all of them or none.
    func changeStatuses(_ cells: [CellKey], _ request: StatusChangeRequest,
                        context: ChangeContext) throws(GridError) -> [StatusTransitionResult]
    /// Puts cells back to earlier states (undo) in one transaction, audited as new changes.
    func restore(_ states: [CellState], context: ChangeContext) throws(GridError) -> [StatusTransitionResult]
    /// Puts `unitID` in `role` for a community from `context`'s day, ending the links it replaces (history kept).
    func assign(communityID: RowID, unitID: RowID, role: AssignmentRole, propertyID: RowID?,
                context: ChangeContext) throws(GridError) -> [AuditEntry]

    /// A number that changes whenever any process commits to the store (live refresh polls it).
    func changeMarker() throws(GridError) -> Int
    /// The newest audit record id (0 when empty).
    func latestAuditID() throws(GridError) -> Int64

    /// Compares an imported batch with the store and applies it in one transaction (or only reports, for a
    /// dry run), with audit rows naming the file.
    /// `progress(done, total)` is called every thousand records; returning false cancels (nothing is written).
    func importBatch(_ batch: ImportBatch, dryRun: Bool, context: ChangeContext,
                     progress: ((Int, Int) -> Bool)?) throws(GridError) -> ImportOutcome

    // MARK: Cases

    /// Records a newly found problem (已上报) at a cell with the next number of its year and the chain in force
    /// today; the cell follows it (有问题). Returns the case.
    func addCase(_ draft: CaseDraft, context: ChangeContext) throws(GridError) -> CaseRecord
    /// Moves a case one step, appending its event; the cell's status follows its open cases.
    func moveCase(_ number: CaseNumber, _ action: CaseAction, reason: String, context: ChangeContext,
                  calendar: WorkingCalendar) throws(GridError) -> CaseRecord
    /// One case, or nil.
    func caseRecord(_ number: CaseNumber) throws(GridError) -> CaseRecord?
    /// Cases, open ones first by due day (overdue first), at most `limit`.
    func cases(openOnly: Bool, communityID: RowID?, limit: Int) throws(GridError) -> [CaseRecord]
    /// Cases found between two local days (inclusive; the office is `utcOffsetSeconds` east of UTC), with what
    /// scoring needs: theme code, unit and property names, the local day they closed, and whether they appeared
    /// in more than one notice.
    func scoredCases(from first: Day, to last: Day, utcOffsetSeconds: Int) throws(GridError) -> [ScoredCase]
    /// Records an issued notice naming `cases`; `issue` nil takes the next number of `year`. Returns the issue.
    func recordNotice(year: Int, issue: Int?, from first: Day, to last: Day, cases: [CaseNumber],
                      context: ChangeContext) throws(GridError) -> Int
    /// The next free notice number of a year.
    func nextNoticeIssue(year: Int) throws(GridError) -> Int
    /// A case's history, oldest first.
    func caseEvents(_ number: CaseNumber) throws(GridError) -> [(at: Timestamp, event: CaseEvent)]

    // MARK: Audit and operators

    /// Audit records, newest first.
    func auditTrail(_ query: AuditQuery) throws(GridError) -> [AuditRow]
    /// The operator for a login; unknown logins come back as viewers.
    func operatorAccount(login: String) throws(GridError) -> Operator
    /// All operators, by login.
    func operators() throws(GridError) -> [Operator]
    /// Adds or updates an operator (admins only), audited.
    func saveOperator(_ account: Operator, context: ChangeContext) throws(GridError) -> [AuditEntry]
}

/// One cell of the grid: a community and a theme.
public struct CellKey: Hashable, Sendable {
    public var communityID: RowID
    public var themeID: RowID

    /// Creates a key.
    public init(communityID: RowID, themeID: RowID) {
        self.communityID = communityID
        self.themeID = themeID
    }
}

/// Who is making a change, from where, and when: passed with every write so it can be audited.
public struct ChangeContext: Sendable {
    public var actor: Operator
    /// The OS account running the process.
    public var osUser: String
    public var source: ChangeSource
    public var clock: GridClock

    /// Creates a change context.
    public init(actor: Operator, osUser: String, source: ChangeSource, clock: GridClock) {
        self.actor = actor
        self.osUser = osUser
        self.source = source
        self.clock = clock
    }
}
