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
    /// Number of communities in `scope`.
    func communityCount(in scope: CommunityScope, today: Day) throws(GridError) -> Int
    /// A window of communities in `scope`, ordered by street then name, with their roll-ups.
    func communities(in scope: CommunityScope, offset: Int, limit: Int, today: Day) throws(GridError) -> [CommunityRow]
    /// The cells of one community in theme order.
    func cells(communityID: RowID) throws(GridError) -> [CellRow]
    /// The chain (units, roles, property companies) in force for a community on `day`.
    func chain(communityID: RowID, on day: Day) throws(GridError) -> [ChainLink]
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
    /// Puts `unitID` in `role` for a community from `context`'s day, ending the links it replaces (history kept).
    func assign(communityID: RowID, unitID: RowID, role: AssignmentRole, propertyID: RowID?,
                context: ChangeContext) throws(GridError) -> [AuditEntry]

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
