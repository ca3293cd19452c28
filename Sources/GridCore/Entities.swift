/// Identifier of a stored row. Plain integers keep records simple; the node kind says which table.
public typealias RowID = Int64

/// A name and a phone number: a unit head (负责人), liaison (联络员) or site manager (项目经理).
public struct Contact: Hashable, Sendable, Codable {
    public var name: String
    public var phone: String

    /// Creates a contact.
    public init(name: String, phone: String) {
        self.name = name
        self.phone = phone
    }

    /// `name phone`, or `—` when empty.
    public var display: String {
        let text = [name, phone].filter { !$0.isEmpty }.joined(separator: " ")
        return text.isEmpty ? "—" : text
    }
}

/// A civilized-city creation office (三创办): the root of a grid.
public struct Office: Hashable, Sendable {
    public var id: RowID
    public var name: String
    /// The office above this one (a city's office above its counties'), or nil for a top-level office.
    public var parentID: RowID?

    /// Creates an office.
    public init(id: RowID, name: String, parentID: RowID? = nil) {
        self.id = id
        self.name = name
        self.parentID = parentID
    }
}

/// A sub-district or town (街道/乡镇) of an office.
public struct Street: Hashable, Sendable {
    public var id: RowID
    public var officeID: RowID
    public var name: String

    /// Creates a street.
    public init(id: RowID, officeID: RowID, name: String) {
        self.id = id
        self.officeID = officeID
        self.name = name
    }
}

/// A community (小区) or declared inspection site (申报点位) checked against the themes.
public struct Community: Hashable, Sendable {
    public var id: RowID
    public var streetID: RowID
    public var name: String
    public var address: String
    public var kind: CommunityKind
    /// Declared inspection-site number (申报点位, e.g. 1…32), nil when not declared.
    public var declaredSite: Int?
    public var households: Int?
    public var note: String
    /// The office's own site kind (学校, 医院 …) when it is not one of the nine seeded kinds; `kind` is then the
    /// seeded kind it is checked like.
    public var siteKindCode: String?
    /// The day it was retired (已撤销): off the board, the browser, roll-ups and search; its history stays.
    public var retiredOn: Day?
    /// The office's order number (排序) within its street; nil: ordered by the pinyin of the name.
    public var officeOrder: Int?

    /// Creates a community.
    public init(id: RowID, streetID: RowID, name: String, address: String = "", kind: CommunityKind,
                declaredSite: Int? = nil, households: Int? = nil, note: String = "", siteKindCode: String? = nil,
                retiredOn: Day? = nil, officeOrder: Int? = nil) {
        self.id = id
        self.streetID = streetID
        self.name = name
        self.address = address
        self.kind = kind
        self.declaredSite = declaredSite
        self.households = households
        self.note = note
        self.siteKindCode = siteKindCode
        self.retiredOn = retiredOn
        self.officeOrder = officeOrder
    }

    /// Whether it has been retired (已撤销).
    public var isRetired: Bool { retiredOn != nil }
}

/// A responsible unit (责任单位): a department or enterprise that answers for communities.
public struct ResponsibleUnit: Hashable, Sendable {
    public var id: RowID
    public var officeID: RowID
    public var name: String
    public var kind: UnitKind
    public var head: Contact
    public var liaison: Contact
    /// The office's own unit kind (县直部门, 乡镇 …) when it is not one of the four seeded kinds; `kind` is then the
    /// seeded kind it counts as.
    public var kindCode: String?

    /// Creates a unit.
    public init(id: RowID, officeID: RowID, name: String, kind: UnitKind, head: Contact, liaison: Contact,
                kindCode: String? = nil) {
        self.id = id
        self.officeID = officeID
        self.name = name
        self.kind = kind
        self.head = head
        self.liaison = liaison
        self.kindCode = kindCode
    }
}

/// A property-management company (物业服务企业).
public struct PropertyCompany: Hashable, Sendable {
    public var id: RowID
    public var officeID: RowID
    public var name: String
    public var manager: Contact

    /// Creates a property company.
    public init(id: RowID, officeID: RowID, name: String, manager: Contact) {
        self.id = id
        self.officeID = officeID
        self.name = name
        self.manager = manager
    }
}

/// One link of the chain: a unit answering for a community in a role, supervising the property company
/// that serves it (nil = 无物业/自管), in force from `validFrom` until the day before `validTo`.
public struct Assignment: Hashable, Sendable {
    public var id: RowID
    public var communityID: RowID
    public var unitID: RowID
    public var role: AssignmentRole
    public var propertyID: RowID?
    public var validFrom: Day
    /// First day no longer in force; nil while current.
    public var validTo: Day?

    /// Creates an assignment.
    public init(id: RowID, communityID: RowID, unitID: RowID, role: AssignmentRole, propertyID: RowID?,
                validFrom: Day, validTo: Day? = nil) {
        self.id = id
        self.communityID = communityID
        self.unitID = unitID
        self.role = role
        self.propertyID = propertyID
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// Whether this link was in force on `day` (倒查责任 asks this for past days).
    public func isInForce(on day: Day) -> Bool {
        validFrom <= day && (validTo.map { day < $0 } ?? true)
    }
}

/// One link of a community's chain with the names and contacts resolved, as shown to operators.
public struct ChainLink: Hashable, Sendable {
    public var assignment: Assignment
    public var unit: ResponsibleUnit
    public var property: PropertyCompany?

    /// Creates a resolved chain link.
    public init(assignment: Assignment, unit: ResponsibleUnit, property: PropertyCompany?) {
        self.assignment = assignment
        self.unit = unit
        self.property = property
    }
}

/// An assessment theme (测评主题) checked in communities of some kinds.
public struct CheckTheme: Hashable, Sendable {
    public var id: RowID
    public var code: String
    public var zh: String
    public var en: String
    public var kinds: Set<CommunityKind>
    public var position: Int

    /// Creates a theme.
    public init(id: RowID, code: String, zh: String, en: String, kinds: Set<CommunityKind>, position: Int) {
        self.id = id
        self.code = code
        self.zh = zh
        self.en = en
        self.kinds = kinds
        self.position = position
    }

    /// Whether communities of `kind` are checked against this theme (their cells exist).
    public func applies(to kind: CommunityKind) -> Bool { kinds.contains(kind) }
}
