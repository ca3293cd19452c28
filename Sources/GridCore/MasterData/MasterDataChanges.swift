/// The master-data facts one service call decided to write, as whole rows: a store inserts a row whose id it does
/// not hold yet and otherwise overwrites the row with that id (the service numbered new rows from
/// `StoreTransaction.nextID`). Persisted first in a `ChangeSet`, in the order of the properties below, so cells and
/// audit rows that name a new row find it.
public struct MasterDataChanges: Sendable {
    /// Offices added or moved under another office (written before everything else: streets and units name them).
    public var offices: [Office] = []
    /// Site kinds added or relabelled (keyed by code).
    public var siteKinds: [SiteKind] = []
    /// Unit kinds added or relabelled (keyed by code).
    public var unitKinds: [UnitKindEntry] = []
    /// Streets added or renamed.
    public var streets: [Street] = []
    /// Communities added or changed (renamed, moved, retired or brought back).
    public var communities: [Community] = []
    /// The cells of new communities, created 未查 (one per theme that applies to the community's kind).
    public var newCells: [CellKey] = []
    /// Responsible units added or changed.
    public var units: [ResponsibleUnit] = []
    /// Property companies added or changed.
    public var properties: [PropertyCompany] = []

    /// No master-data facts.
    public init() {}

    /// Whether there is nothing to write.
    public var isEmpty: Bool {
        offices.isEmpty && siteKinds.isEmpty && unitKinds.isEmpty && streets.isEmpty && communities.isEmpty && newCells.isEmpty
            && units.isEmpty && properties.isEmpty
    }
}

/// The tables whose rows a master-data service numbers itself.
public enum MasterTable: String, CaseIterable, Sendable {
    case street, community, unit, property, office
}

/// What a master-data change did: the row it concerns and its audit entries (empty when nothing changed).
public struct MasterDataOutcome: Hashable, Sendable {
    /// The id of the row added or changed (0 for a kind, which is keyed by `code`).
    public var id: RowID
    /// The kind code, for kind changes.
    public var code: String
    public var audit: [AuditEntry]

    /// Creates an outcome.
    public init(id: RowID, code: String = "", audit: [AuditEntry]) {
        self.id = id
        self.code = code
        self.audit = audit
    }

    /// Whether anything was written.
    public var changedSomething: Bool { !audit.isEmpty }
}
