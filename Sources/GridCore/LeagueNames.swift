extension RollupReading {
    /// Every unit (or property company) answering for a community in `scope` on `day`: the names a league
    /// table lists, with or without deductions. Communities without a property company add no name.
    public func leagueNames(byProperty: Bool, within scope: CommunityScope = .all, on day: Day) throws(GridError) -> [String] {
        try rollups(groupedBy: byProperty ? .property : .unit, within: scope, today: day).compactMap { $0.node?.name }
    }
}
