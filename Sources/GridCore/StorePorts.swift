/// Everything the rest of civgrid asks of a store: the reading ports below, imports, and service transactions.
/// No storage type appears in any of them, so a second store (PostgreSQL for offices that outgrow one machine)
/// implements the same protocols and passes the same contract suite (`Tests/GridStoreTests/Contract`).
///
/// Changes never go to a store directly: they go through `GridServices`, which runs inside
/// `TransactionRunner.transaction` and hands the store one `ChangeSet` to persist with its audit rows.
public typealias GridRepository = GridReading & BoardWindows & BoardRangeReading & RollupReading & CaseReading
    & CaseQueueReading & CaseQueueKeysReading & AuditReading & AuditChainReading & ImportingStore & TransactionRunner & MasterListReading
    & AssessmentReading & AttachmentReading

/// Master data and the chain: what the grid is made of.
public protocol GridReading: Sendable {
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
    /// The cells of one community in theme order.
    func cells(communityID: RowID) throws(GridError) -> [CellRow]
    /// The cells of several communities (a board window), in no particular order.
    func cells(communityIDs: [RowID]) throws(GridError) -> [CellState]
    /// Communities, streets, units and property companies whose name contains `text` — typed in Hanzi, full pinyin,
    /// initials or a mix, by any reading — best first (see `NameIndex`), each with the readings it matched by.
    func search(_ text: String, limit: Int) throws(GridError) -> [SearchHit]
    /// The chain (units, roles, property companies) in force for a community on `day`.
    func chain(communityID: RowID, on day: Day) throws(GridError) -> [ChainLink]
    /// The chains in force on `day` for many communities at once (exports), keyed by community.
    func chains(communityIDs: [RowID], on day: Day) throws(GridError) -> [RowID: [ChainLink]]
    /// All assignments of a community ever made, oldest first (倒查责任).
    func assignmentHistory(communityID: RowID) throws(GridError) -> [ChainLink]
}

/// The board's windows: counts and keyset-paged rows of communities in a scope and filter.
public protocol BoardWindows: Sendable {
    /// Number of communities in `scope` that pass `filter`.
    func communityCount(in scope: CommunityScope, filter: CommunityFilter, today: Day) throws(GridError) -> Int
    /// A window of communities in `scope` passing `filter`, in board order (streets, then communities, each by office order then pinyin; see `OfficeOrder`), with their roll-ups.
    func communities(in scope: CommunityScope, filter: CommunityFilter, offset: Int, limit: Int,
                     today: Day) throws(GridError) -> [CommunityRow]
    /// The same window, faster when the caller knows the row count and a row near the window (the board
    /// scrolling): the store then seeks from the anchor instead of counting and skipping rows.
    func communities(in scope: CommunityScope, filter: CommunityFilter, offset: Int, limit: Int, today: Day,
                     total: Int?, anchor: WindowAnchor?) throws(GridError) -> [CommunityRow]
    /// The row index of a community within `scope` and `filter`, or nil when it is not there.
    func position(of communityID: RowID, in scope: CommunityScope, filter: CommunityFilter, today: Day) throws(GridError) -> Int?
}

/// Counts by status and overdue, aggregated by the store.
public protocol RollupReading: Sendable {
    /// Counts by status and overdue for every group at `grouping` within `scope`.
    func rollups(groupedBy grouping: Grouping, within scope: CommunityScope, today: Day) throws(GridError) -> [GroupCounts]
    /// Counts for one node.
    func rollup(of node: GridNode, today: Day) throws(GridError) -> StatusCounts
}

/// The case ledger and notices, read.
public protocol CaseReading: Sendable {
    /// One case, or nil.
    func caseRecord(_ number: CaseNumber) throws(GridError) -> CaseRecord?
    /// Cases matching `query`, open ones first by due day (overdue first), at most `query.limit`.
    func cases(_ query: CaseQuery) throws(GridError) -> [CaseRecord]
    /// Cases found between two local days (inclusive; the office is `utcOffsetSeconds` east of UTC), with what
    /// scoring needs: theme code, unit and property names, the local day they closed, and whether they appeared
    /// in more than one notice.
    func scoredCases(from first: Day, to last: Day, utcOffsetSeconds: Int) throws(GridError) -> [ScoredCase]
    /// The next free notice number of a year among office `officeID`'s notices (nil: the whole-database ones).
    func nextNoticeIssue(year: Int, officeID: RowID?) throws(GridError) -> Int
    /// A case's history, oldest first.
    func caseEvents(_ number: CaseNumber) throws(GridError) -> [(at: Timestamp, event: CaseEvent)]
}

/// Who may work on the grid, what they did, and whether anyone else just committed.
public protocol AuditReading: Sendable {
    /// Audit records, newest first.
    func auditTrail(_ query: AuditQuery) throws(GridError) -> [AuditRow]
    /// The operator for a login; unknown logins come back as viewers.
    func operatorAccount(login: String) throws(GridError) -> Operator
    /// All operators, by login.
    func operators() throws(GridError) -> [Operator]
    /// A number that changes whenever any process commits to the store (live refresh polls it).
    func changeMarker() throws(GridError) -> Int
    /// The newest audit record id (0 when empty).
    func latestAuditID() throws(GridError) -> Int64
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
    /// Added to every audit note written under this context (an import names its file there).
    public var noteSuffix: String?

    /// `note`, with the context's suffix when there is one.
    public func annotate(_ note: String) -> String {
        guard let noteSuffix else { return note }
        return note.isEmpty ? noteSuffix : "\(note) (\(noteSuffix))"
    }

    /// Creates a change context.
    public init(actor: Operator, osUser: String, source: ChangeSource, clock: GridClock) {
        self.actor = actor
        self.osUser = osUser
        self.source = source
        self.clock = clock
    }
}

extension CaseReading {
    /// Cases, open ones first by due day (overdue first), at most `limit`.
    public func cases(openOnly: Bool, communityID: RowID?, limit: Int) throws(GridError) -> [CaseRecord] {
        try cases(CaseQuery(openOnly: openOnly, communityID: communityID, limit: limit))
    }
}

extension CaseReading {
    /// The next free number of a whole-database notice of `year`.
    public func nextNoticeIssue(year: Int) throws(GridError) -> Int { try nextNoticeIssue(year: year, officeID: nil) }
}
