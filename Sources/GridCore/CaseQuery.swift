/// Which cases to list: every filter is answered by the store, so a list never loads cases it then throws away.
public struct CaseQuery: Hashable, Sendable {
    /// Only cases still owing work.
    public var openOnly: Bool
    public var communityID: RowID?
    /// Only these states (empty: any).
    public var states: Set<CaseState>
    /// The unit handling the case, or (before dispatch) its lead unit when registered.
    public var unitID: RowID?
    public var streetID: RowID?
    public var themeID: RowID?
    public var source: CaseSource?
    /// Only open cases past their due day on this day.
    public var overdueOn: Day?
    /// Found at or after this instant.
    public var foundSince: Timestamp?
    /// Found before this instant.
    public var foundBefore: Timestamp?
    public var limit: Int

    /// Creates a query; by default the open cases, at most 200.
    public init(openOnly: Bool = true, communityID: RowID? = nil, states: Set<CaseState> = [], unitID: RowID? = nil,
                streetID: RowID? = nil, themeID: RowID? = nil, source: CaseSource? = nil, overdueOn: Day? = nil,
                foundSince: Timestamp? = nil, foundBefore: Timestamp? = nil, limit: Int = 200) {
        self.openOnly = openOnly
        self.communityID = communityID
        self.states = states
        self.unitID = unitID
        self.streetID = streetID
        self.themeID = themeID
        self.source = source
        self.overdueOn = overdueOn
        self.foundSince = foundSince
        self.foundBefore = foundBefore
        self.limit = limit
    }
}
