/// An open case with the names the case queue shows beside it, read in one go.
public struct CaseQueueEntry: Hashable, Sendable {
    public var record: CaseRecord
    public var communityName: String
    public var streetName: String
    public var themeName: String
    /// The handling unit's name, else the lead unit's as registered.
    public var unitName: String

    /// Creates an entry.
    public init(record: CaseRecord, communityName: String, streetName: String, themeName: String, unitName: String) {
        self.record = record
        self.communityName = communityName
        self.streetName = streetName
        self.themeName = themeName
        self.unitName = unitName
    }
}

/// Reads the whole case queue: every open case, with its names, in queue order.
public protocol CaseQueueReading {
    /// Every open case (no cap), overdue first, then by due day, cases without a deadline last; ties by
    /// number. The names come with the cases (one read, not a lookup per case).
    func openCaseRows() throws(GridError) -> [CaseQueueEntry]
}
