/// Rounds and inspections decided by one service call, for the store to write with the call's other facts
/// (`ChangeSet.rounds`). Every one of them comes with its audit entry in `ChangeSet.audit`, so the audit chain covers
/// them and a change set holding only these is never empty.
public struct RoundChanges: Sendable {
    /// Rounds planned now (numbered by the service).
    public var newRounds: [InspectionRound] = []
    /// Rounds whose state moved (started, closed).
    public var updatedRounds: [InspectionRound] = []
    /// Inspections recorded now (numbered by the service); appended, never changed.
    public var inspections: [InspectionRecord] = []

    /// Nothing to write.
    public init() {}

    /// Whether there is nothing to write.
    public var isEmpty: Bool { newRounds.isEmpty && updatedRounds.isEmpty && inspections.isEmpty }
}

/// What the round services read inside a write transaction, from a store that keeps rounds.
///
/// A port of its own rather than more requirements on `StoreTransaction`: a store joins by conforming (and persisting
/// `ChangeSet.rounds` in its `persist`), and until it does the services refuse round work with a clear message
/// instead of the store silently dropping it.
public protocol RoundTransaction: StoreTransaction {
    /// One round, or nil.
    func round(id: RoundID) throws -> InspectionRound?
    /// The round with exactly this name, or nil.
    func round(named name: String) throws -> InspectionRound?
    /// The highest round number used (0 when none).
    func lastRoundID() throws -> RoundID
    /// The highest inspection number used (0 when none).
    func lastInspectionID() throws -> Int64
}

/// Which rounds to list, newest first.
public struct RoundQuery: Hashable, Sendable {
    public var states: Set<RoundState>
    public var kind: RoundKind?
    public var limit: Int

    /// Creates a query; the default lists every round.
    public init(states: Set<RoundState> = [], kind: RoundKind? = nil, limit: Int = 200) {
        self.states = states
        self.kind = kind
        self.limit = limit
    }
}

/// Which inspections to list, newest first.
public struct InspectionQuery: Hashable, Sendable {
    public var roundID: RoundID?
    public var communityID: RowID?
    public var since: Timestamp?
    public var limit: Int

    /// Creates a query.
    public init(roundID: RoundID? = nil, communityID: RowID? = nil, since: Timestamp? = nil, limit: Int = 50) {
        self.roundID = roundID
        self.communityID = communityID
        self.since = since
        self.limit = limit
    }
}

/// Rounds, inspections and coverage, read (the store port behind `civgrid round`, `civgrid coverage`, the dashboard
/// and walk mode). Inspections are read through indexes on round, time, community and kind, so what a question costs
/// grows with the inspections it is about, never with all of history.
public protocol RoundReading: Sendable {
    /// Rounds matching `query`, newest first.
    func rounds(_ query: RoundQuery) throws(GridError) -> [InspectionRound]
    /// One round, or nil.
    func round(id: RoundID) throws(GridError) -> InspectionRound?
    /// Inspections matching `query`, newest first.
    func inspections(_ query: InspectionQuery) throws(GridError) -> [InspectionRecord]
    /// Which cells, sites and themes of a scope were checked (in a round, since a day), by whom, and which were not.
    func coverage(_ query: CoverageQuery) throws(GridError) -> Coverage
    /// The latest inspection of each community, of rounds of `kind` (any inspection when nil), keyed by community;
    /// communities never inspected are absent. The declared-site register reads the last self-inspection with it.
    func lastInspections(kind: RoundKind?, communityIDs: [RowID]) throws(GridError) -> [RowID: InspectionRecord]
    /// The inspection that recorded a case, if one did (its round says in which kind of round the problem was found).
    func inspection(recording number: CaseNumber) throws(GridError) -> InspectionRecord?
}
