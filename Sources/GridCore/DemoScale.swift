/// The size of a generated grid.
public enum DemoScale: String, CaseIterable, Sendable {
    /// One county office: 12 streets, 300 communities (32 declared sites), 80 units, 60 property companies.
    case county
    /// One city office: about 10,000 communities.
    case city
    /// A province: 10 offices, about 100,000 communities and a million cells.
    case province

    /// Offices in the grid.
    public var offices: Int { self == .province ? 10 : 1 }
    /// Streets (街道/乡镇) per office.
    public var streetsPerOffice: Int { self == .county ? 12 : 100 }
    /// Communities per office.
    public var communitiesPerOffice: Int { self == .county ? 300 : 10_000 }
    /// Responsible units per office.
    public var unitsPerOffice: Int { self == .county ? 80 : 800 }
    /// Property companies per office.
    public var propertiesPerOffice: Int { self == .county ? 60 : 1_500 }
    /// Declared inspection sites per office (the non-residential 点位).
    public var declaredSitesPerOffice: Int { self == .county ? 32 : 320 }
    /// Closed cases spread over the last three months (besides an open case behind every open cell).
    public var closedDemoCases: Int {
        switch self {
        case .county: 2_000
        case .city: 5_000
        case .province: 50_000
        }
    }
}

/// An office of the demo grid with its master data; communities are generated one by one.
public struct DemoOffice: Sendable {
    public var name: String
    public var streets: [String]
    public var units: [DemoUnit]
    public var properties: [DemoProperty]
}

/// A demo responsible unit.
public struct DemoUnit: Sendable {
    public var name: String
    public var kind: UnitKind
    public var head: Contact
    public var liaison: Contact
}

/// A demo property company.
public struct DemoProperty: Sendable {
    public var name: String
    public var manager: Contact
}

/// A demo community with its chain and cells; indexes point into the office's arrays and the theme list.
public struct DemoCommunity: Sendable {
    public var streetIndex: Int
    public var name: String
    public var address: String
    public var kind: CommunityKind
    public var declaredSite: Int?
    public var households: Int?
    /// (unit index, role, property index or nil for 无物业).
    public var links: [(unit: Int, role: AssignmentRole, property: Int?)]
    /// One per applicable theme: (theme index in `StandardThemes.all`, cell state without ids).
    public var cells: [(theme: Int, status: CellStatus, dueOn: Day?, note: String, changedAt: Timestamp?, changedBy: String?)]
}

/// The demo operators every demo database gets, so history has several names.
public enum DemoOperators {
    /// Inspectors and clerks whose names appear in the demo history.
    public static let all: [Operator] = [
        Operator(login: "zhangwei", name: "张伟", role: .inspector),
        Operator(login: "ouyangmx", name: "欧阳明轩", role: .inspector),
        Operator(login: "lina", name: "李娜", role: .clerk),
        Operator(login: "wangfang", name: "王芳", role: .clerk),
        Operator(login: "leader", name: "赵建国", role: .viewer),
    ]
}
