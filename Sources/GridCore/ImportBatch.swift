/// Master data and statuses read from an office's spreadsheet, ready for the store to compare and apply in
/// one transaction. Every record carries the file line it came from.
public struct ImportBatch: Sendable {
    /// The file, named in every audit row the import writes.
    public var source: String
    /// Offices named by a county column (区县, 县（市、区）): created when missing (master data, admin only).
    public var offices: [ImportRecord<OfficeFields>] = []
    public var communities: [ImportRecord<CommunityFields>] = []
    public var units: [ImportRecord<UnitFields>] = []
    public var properties: [ImportRecord<PropertyFields>] = []
    public var links: [ImportRecord<LinkFields>] = []
    public var statuses: [ImportRecord<StatusFields>] = []
    public var themes: [ImportRecord<ThemeFields>] = []
    /// Update existing records whose fields differ (without it, differences are reported, not applied).
    public var update: Bool
    /// Add a kind the sheet names that the office's lists lack (`--add-kinds`) instead of refusing its rows.
    public var addKinds = false
    /// Rows of the file the batch came from (progress is shown in rows of the file, not records).
    public var fileRows = 0

    /// Creates an empty batch.
    public init(source: String, update: Bool) {
        self.source = source
        self.update = update
    }
}

/// A record and the line it came from.
public struct ImportRecord<Fields: Sendable>: Sendable {
    public var line: Int
    public var fields: Fields
    /// What the audit rows of this record should also say (e.g. a phone's original spelling when it was
    /// rewritten to the stored form).
    public var note: String

    /// Creates a record.
    public init(line: Int, _ fields: Fields, note: String = "") {
        self.line = line
        self.fields = fields
        self.note = note
    }
}

/// An office named by a sheet's county column. The office is the county's 三创办: a county written 天台县 is
/// the office 天台县三创办, and matches an existing office named either 天台县三创办 or 天台县.
public struct OfficeFields: Hashable, Sendable {
    /// The county as the sheet writes it.
    public var county: String
    /// The office's name: the county followed by 三创办 (unless it already ends in 三创办 or 创城办).
    public var name: String

    /// The office for a county.
    public init(county: String) {
        self.county = county
        name = county.hasSuffix("三创办") || county.hasSuffix("创城办") ? county : county + "三创办"
    }
}

/// Where a community sits and what it is. `office` may be empty when the database has one office.
public struct CommunityFields: Hashable, Sendable {
    /// The community's id in this database (an exported 编号 column); matches before the name does, so a
    /// renamed community is recognised.
    public var id: RowID?
    public var office: String
    public var street: String
    public var name: String
    public var address: String?
    public var kind: CommunityKind?
    /// The kind as the sheet wrote it, resolved against the office's site kinds (学校, 医院 … besides the nine).
    public var kindName: String?
    public var declaredSite: Int?
    public var households: Int?
    public var note: String?
    /// The community's office order (a 排序/序号 column); nil when the sheet gives none (an existing order is kept).
    public var order: Int?
    /// Its street's office order (a 街道排序 column), likewise.
    public var streetOrder: Int?
    /// The site's own self-inspection cadence (a 自查周期 column), nil when the sheet gives none.
    public var cadence: SiteCadence?

    /// Creates community fields.
    public init(id: RowID? = nil, office: String, street: String, name: String, address: String? = nil, kind: CommunityKind? = nil,
                declaredSite: Int? = nil, households: Int? = nil, note: String? = nil) {
        self.id = id
        self.office = office
        self.street = street
        self.name = name
        self.address = address
        self.kind = kind
        self.declaredSite = declaredSite
        self.households = households
        self.note = note
    }
}

/// A responsible unit.
public struct UnitFields: Hashable, Sendable {
    public var office: String
    public var name: String
    public var kind: UnitKind?
    /// The kind as the sheet wrote it, resolved against the office's unit kinds.
    public var kindName: String?
    public var head: Contact?
    public var liaison: Contact?

    /// Creates unit fields.
    public init(office: String, name: String, kind: UnitKind? = nil, head: Contact? = nil, liaison: Contact? = nil) {
        self.office = office
        self.name = name
        self.kind = kind
        self.head = head
        self.liaison = liaison
    }
}

/// A property-management company.
public struct PropertyFields: Hashable, Sendable {
    public var office: String
    public var name: String
    public var manager: Contact?

    /// Creates property fields.
    public init(office: String, name: String, manager: Contact? = nil) {
        self.office = office
        self.name = name
        self.manager = manager
    }
}

/// A community's link to a unit (and the property company it supervises there; empty = 无物业).
public struct LinkFields: Hashable, Sendable {
    public var office: String
    public var street: String
    public var community: String
    public var unit: String
    public var role: AssignmentRole
    public var property: String?
    /// The unit's responsible person on the site (具体责任人), when the row names one.
    public var person: Contact?

    /// Creates link fields.
    public init(office: String, street: String, community: String, unit: String, role: AssignmentRole, property: String?) {
        self.office = office
        self.street = street
        self.community = community
        self.unit = unit
        self.role = role
        self.property = property
    }
}

/// An assessment theme: code, names and the community kinds it is checked on.
public struct ThemeFields: Hashable, Sendable {
    public var code: String
    public var zh: String
    public var en: String?
    public var kinds: Set<CommunityKind>

    /// Creates theme fields.
    public init(code: String, zh: String, en: String?, kinds: Set<CommunityKind>) {
        self.code = code
        self.zh = zh
        self.en = en
        self.kinds = kinds
    }
}

/// A cell's status as recorded in a sheet.
public struct StatusFields: Hashable, Sendable {
    public var office: String
    public var street: String
    public var community: String
    public var theme: String
    public var request: StatusChangeRequest

    /// Creates status fields.
    public init(office: String, street: String, community: String, theme: String, request: StatusChangeRequest) {
        self.office = office
        self.street = street
        self.community = community
        self.theme = theme
        self.request = request
    }
}

/// What an import did, or (dry run) would do.
public struct ImportOutcome: Sendable {
    /// One line of the diff summary.
    public struct Change: Sendable, Hashable, Equatable {
        public enum Kind: String, Sendable { case new, changed, unchanged }
        public var kind: Kind
        public var line: Int
        public var what: String
        /// `field: old → new` for changed records.
        public var details: [String]

        /// Creates a change.
        public init(kind: Kind, line: Int, what: String, details: [String]) {
            self.kind = kind
            self.line = line
            self.what = what
            self.details = details
        }
    }

    public var changes: [Change] = []
    /// (line, reason) of records the store refused; the batch goes ahead without them.
    public var rejected: [(line: Int, reason: String)] = []

    /// Creates an empty outcome.
    public init() {}

    /// Count of changes of a kind.
    public func count(_ kind: Change.Kind) -> Int { changes.filter { $0.kind == kind }.count }
}
