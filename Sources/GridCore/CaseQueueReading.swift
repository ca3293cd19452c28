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

/// What narrows the case queue; every part is answered by the database.
public struct CaseQueueQuery: Hashable, Sendable {
    /// Free text found in a case's number, state, source, street, community, theme, unit, property company or description.
    public var text: String
    /// Only cases past their due day.
    public var overdueOnly: Bool
    /// Only escalated (督办) cases.
    public var escalatedOnly: Bool
    /// Only these states (empty: every open state).
    public var states: Set<CaseState>

    /// Creates a query; the default is every open case.
    public init(text: String = "", overdueOnly: Bool = false, escalatedOnly: Bool = false, states: Set<CaseState> = []) {
        self.text = text
        self.overdueOnly = overdueOnly
        self.escalatedOnly = escalatedOnly
        self.states = states
    }
}

/// A loaded queue row near a window the console wants: the store seeks from its place in queue order
/// (due day, then number) instead of skipping every row before it.
public struct CaseQueueAnchor: Hashable, Sendable {
    /// The row's position in the queue as filtered.
    public var index: Int
    public var dueOn: Day?
    public var number: CaseNumber

    /// Creates an anchor.
    public init(index: Int, dueOn: Day?, number: CaseNumber) {
        self.index = index
        self.dueOn = dueOn
        self.number = number
    }
}

/// Reads the case queue by window: open cases overdue first, then by due day, cases without a deadline last,
/// ties by number — the order of an index, so a window costs the same wherever it is.
public protocol CaseQueueReading {
    /// How many open cases pass `query` today.
    func caseQueueCount(_ query: CaseQueueQuery, today: Day) throws(GridError) -> Int

    /// Rows `offset ..< offset + limit` of the queue as filtered by `query`, with their names, in one statement
    /// (joins, no lookup per case). `anchor`, a loaded row near the window, lets the store seek rather than skip;
    /// `total` (the count, when known) lets a window near the end be read backwards from it.
    func caseQueueWindow(_ query: CaseQueueQuery, today: Day, offset: Int, limit: Int, total: Int?,
                         anchor: CaseQueueAnchor?) throws(GridError) -> [CaseQueueEntry]

    /// Where case `number` is in the queue as filtered by `query` (nil: not open, or filtered out) — so the selection
    /// can follow a case a move has sent elsewhere in the queue.
    func caseQueuePosition(of number: CaseNumber, _ query: CaseQueueQuery, today: Day) throws(GridError) -> Int?
}

/// An open case's place in the queue and the cell it is about: what ordering the queue by another key needs,
/// without its names.
public struct CaseQueueKey: Hashable, Sendable {
    public var number: CaseNumber
    public var cell: CellKey

    /// Creates a key.
    public init(number: CaseNumber, cell: CellKey) {
        self.number = number
        self.cell = cell
    }
}

/// Reads the case queue in an order the store does not keep (e.g. by the points fixing a case would gain, which the
/// assessment simulator computes): every key of the filtered queue once, then the rows of a window by their numbers.
public protocol CaseQueueKeysReading {
    /// Every open case passing `query` today, in queue order (numbers and cells only, from the queue's index).
    func caseQueueKeys(_ query: CaseQueueQuery, today: Day) throws(GridError) -> [CaseQueueKey]

    /// These cases with the names the queue shows, in the order given, in one statement; a number that is no longer
    /// a case is left out.
    func caseQueueEntries(_ numbers: [CaseNumber]) throws(GridError) -> [CaseQueueEntry]
}

/// Orders an open-case queue by the points fixing each case's cell would gain (most first), keeping the queue's own
/// order (overdue first, then time left) among equal gains, so cases whose cells gain nothing stay in deadline order.
public enum CaseGainOrder {
    /// The keys by gain, and each case's gain (0 when its cell gains nothing).
    public static func order(_ keys: [CaseQueueKey], gains: [CellKey: Double]) -> (numbers: [CaseNumber], gains: [CaseNumber: Double]) {
        let ranked = keys.enumerated().map { (index: $0.offset, key: $0.element, gain: gains[$0.element.cell] ?? 0) }
            .sorted { $0.gain != $1.gain ? $0.gain > $1.gain : $0.index < $1.index }
        var byCase: [CaseNumber: Double] = [:]
        for r in ranked where r.gain > 0 { byCase[r.key.number] = r.gain }
        return (ranked.map(\.key.number), byCase)
    }
}
