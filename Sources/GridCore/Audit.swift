/// What kind of thing an audit entry is about.
public enum AuditEntity: String, CaseIterable, Sendable, Codable {
    case cell, assignment, office, street, community, unit, property, theme, operatorAccount = "operator", database, notice
    case siteKind = "site_kind", unitKind = "unit_kind"
    /// A round of checking (检查轮次) planned or moved, and an inspection recorded (schema v8).
    case round, inspection
}

/// One field's change, as the domain produces it; the store stamps time, operator and source when it
/// appends it in the same transaction as the change itself.
public struct AuditEntry: Hashable, Sendable {
    public var entity: AuditEntity
    /// The entity's key: a row id, or `community/theme` ids for a cell.
    public var entityID: String
    /// The community the change concerns, so a community's history is one indexed lookup.
    public var communityID: RowID?
    public var field: String
    public var oldValue: String?
    public var newValue: String?
    public var note: String

    /// Creates an audit entry.
    public init(entity: AuditEntity, entityID: String, communityID: RowID? = nil, field: String,
                oldValue: String?, newValue: String?, note: String = "") {
        self.entity = entity
        self.entityID = entityID
        self.communityID = communityID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.note = note
    }
}

/// Where a change came from, recorded with every audit row.
public enum ChangeSource: String, Sendable, Codable {
    case cli, console, demo, importer = "import"
}

/// An audit entry as stored: who, when, from where.
public struct AuditRecord: Hashable, Sendable {
    public var id: Int64
    public var at: Timestamp
    /// The operator's login the change is attributed to.
    public var operatorLogin: String
    /// The OS account that ran the process (differs only when `CIVGRID_LOGIN` was set).
    public var osUser: String
    public var source: ChangeSource
    public var entry: AuditEntry

    /// Creates a stored audit record.
    public init(id: Int64, at: Timestamp, operatorLogin: String, osUser: String, source: ChangeSource,
                entry: AuditEntry) {
        self.id = id
        self.at = at
        self.operatorLogin = operatorLogin
        self.osUser = osUser
        self.source = source
        self.entry = entry
    }
}
