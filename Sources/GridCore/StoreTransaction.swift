/// What a service may read inside one store transaction, and the one way it writes: handing over a `ChangeSet`.
///
/// A store implements this over its own connection; it answers questions and persists facts, and holds no
/// policy (no permission checks, no "the cell follows its cases" decisions). Reads see the transaction's own
/// earlier writes.
public protocol StoreTransaction: AnyObject, MasterDataReading {
    /// The stored operator for a login, or nil when no admin has added it.
    func storedOperator(login: String) throws -> Operator?
    /// How many operators hold `role` and have not been removed.
    func operatorCount(role: OperatorRole) throws -> Int
    /// Whether a unit exists.
    func unitExists(_ id: RowID) throws -> Bool
    /// A unit's name.
    func unitName(_ id: RowID) throws -> String?
    /// A property company's name.
    func propertyName(_ id: RowID) throws -> String?
    /// One cell, or nil when the theme does not apply to the community.
    func cell(_ key: CellKey) throws -> CellState?
    /// `阳光小区 · 环境卫生`, for messages about a cell.
    func cellLabel(_ key: CellKey) throws -> String
    /// Every case ever recorded at a cell.
    func cases(at key: CellKey) throws -> [CaseRecord]
    /// The cells at `keys` that exist, by key: what a change to many cells reads first, so a store on a server
    /// answers in a few statements rather than one round trip per cell (`StoreTransaction+Batch` loops by default).
    func cells(_ keys: [CellKey]) throws -> [CellKey: CellState]
    /// Every case ever recorded at each of `keys`, by key (cells with none are left out), in the order `cases(at:)`
    /// gives them.
    func cases(at keys: [CellKey]) throws -> [CellKey: [CaseRecord]]
    /// One case, or nil.
    func caseRecord(_ number: CaseNumber) throws -> CaseRecord?
    /// A case's attachments in the order attached (empty when none).
    func attachments(of number: CaseNumber) throws -> [Attachment]
    /// The highest case sequence used in `year` (0 when none).
    func lastCaseSequence(year: Int) throws -> Int
    /// The chain in force for a community on `day`.
    func chain(communityID: RowID, on day: Day) throws -> [ChainLink]
    /// The highest notice issue of `year` among office `officeID`'s notices (nil: the whole-database ones; 0 when none).
    func lastNoticeIssue(year: Int, officeID: RowID?) throws -> Int
    /// Whether notice `issue` of `year` of office `officeID` (nil: a whole-database one) exists.
    func noticeExists(year: Int, issue: Int, officeID: RowID?) throws -> Bool
    /// Office `officeID`'s notices (nil: the whole-database ones) whose period shares a day with `first … last`,
    /// earliest first.
    func noticesOverlapping(_ first: Day, _ last: Day, officeID: RowID?) throws -> [NoticePeriod]
    /// A street's or community's name and office order (nil: none), or nil when there is no such street or community.
    func officeOrder(of node: GridNode) throws -> (name: String, order: Int?)?
    /// Writes `changes` (in `ChangeSet`'s order) with audit rows stamped from `context` at `now`.
    func persist(_ changes: ChangeSet, context: ChangeContext, at now: Timestamp) throws
}

/// A store that runs service code inside one of its write transactions: everything the body persists commits
/// together, or nothing does when it throws.
public protocol TransactionRunner: Sendable {
    /// Runs `body` in one write transaction; storage errors come back as `GridError.database`.
    func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws(GridError) -> T
}

/// A notice already issued and the days it covered.
public struct NoticePeriod: Hashable, Sendable {
    public var year: Int
    public var issue: Int
    public var first: Day
    public var last: Day

    /// Creates a period.
    public init(year: Int, issue: Int, first: Day, last: Day) {
        self.year = year
        self.issue = issue
        self.first = first
        self.last = last
    }
}
