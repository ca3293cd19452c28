/// The state of one cell (community × theme) as stored.
public struct CellState: Hashable, Sendable {
    public var communityID: RowID
    public var themeID: RowID
    public var status: CellStatus
    /// The deadline: due date for 有问题/整改中/待复核, the plan date for 挂账; nil otherwise.
    public var dueOn: Day?
    public var note: String
    public var changedAt: Timestamp?
    public var changedBy: String?

    /// Creates a cell state.
    public init(communityID: RowID, themeID: RowID, status: CellStatus = .unchecked, dueOn: Day? = nil,
                note: String = "", changedAt: Timestamp? = nil, changedBy: String? = nil) {
        self.communityID = communityID
        self.themeID = themeID
        self.status = status
        self.dueOn = dueOn
        self.note = note
        self.changedAt = changedAt
        self.changedBy = changedBy
    }

    /// 逾期: an open status past its deadline. Derived, never stored.
    public func isOverdue(today: Day) -> Bool {
        Deadline.isOverdue(status: status, dueOn: dueOn, today: today)
    }
}

/// The overdue rule in one place, shared by the pure roll-ups and the SQL the store runs.
public enum Deadline {
    /// Open and past the deadline: due yesterday or earlier. A cell due today is not yet overdue.
    public static func isOverdue(status: CellStatus, dueOn: Day?, today: Day) -> Bool {
        guard status.canBeOverdue, let due = dueOn else { return false }
        return due < today
    }

    /// Statuses that can be overdue, for store queries.
    public static let overdueStatuses: [CellStatus] = CellStatus.allCases.filter(\.canBeOverdue)
}
