/// A node of the responsibility chain: what the tree, roll-ups and the console's browser point at.
public enum GridNode: Hashable, Sendable {
    case office(RowID)
    case street(RowID)
    case community(RowID)
    case unit(RowID)
    case property(RowID)

    /// The level's Chinese name, for candidate lists and headings.
    public var levelZH: String {
        switch self {
        case .office: "三创办"
        case .street: "街道/乡镇"
        case .community: "小区/点位"
        case .unit: "责任单位"
        case .property: "物业"
        }
    }

    /// Stable code of the level for `--json`.
    public var levelCode: String {
        switch self {
        case .office: "office"
        case .street: "street"
        case .community: "community"
        case .unit: "unit"
        case .property: "property"
        }
    }
}

/// A node with its display name and where it sits (office / street), for lists and disambiguation.
public struct NodeRef: Hashable, Sendable {
    public var node: GridNode
    public var name: String
    /// Where it sits, e.g. `城关县三创办 / 城关街道`; empty for an office.
    public var path: String

    /// Creates a node reference.
    public init(node: GridNode, name: String, path: String) {
        self.node = node
        self.name = name
        self.path = path
    }

    /// `name (path, level)`, as shown in candidate lists.
    public var candidateLine: String {
        path.isEmpty ? "\(name)  [\(node.levelZH)]" : "\(name)  [\(node.levelZH) · \(path)]"
    }
}

/// Which communities a query covers.
public enum CommunityScope: Hashable, Sendable {
    case all
    case office(RowID)
    case street(RowID)
    /// The communities a unit answers for today.
    case unit(RowID)
    /// The communities a property company serves today.
    case property(RowID)
    case community(RowID)

    /// The scope that covers a node's communities.
    public init(_ node: GridNode) {
        switch node {
        case .office(let id): self = .office(id)
        case .street(let id): self = .street(id)
        case .community(let id): self = .community(id)
        case .unit(let id): self = .unit(id)
        case .property(let id): self = .property(id)
        }
    }
}

/// Which communities of a scope the board shows: only those with a cell in some statuses, with an
/// overdue cell, or declared inspection sites. The empty filter shows everything.
public struct CommunityFilter: Hashable, Sendable {
    public var statuses: Set<CellStatus>
    public var overdueOnly: Bool
    public var declaredOnly: Bool

    /// Creates a filter.
    public init(statuses: Set<CellStatus> = [], overdueOnly: Bool = false, declaredOnly: Bool = false) {
        self.statuses = statuses
        self.overdueOnly = overdueOnly
        self.declaredOnly = declaredOnly
    }

    /// Shows everything.
    public static let none = CommunityFilter()

    /// Whether anything is filtered out.
    public var isActive: Bool { !statuses.isEmpty || overdueOnly || declaredOnly }

    /// `有问题+整改中 · 逾期 · 申报点位`, for the status bar.
    public var label: String {
        var parts: [String] = []
        if !statuses.isEmpty { parts.append(CellStatus.allCases.filter { statuses.contains($0) }.map(\.zh).joined(separator: "+")) }
        if overdueOnly { parts.append("逾期") }
        if declaredOnly { parts.append("申报点位") }
        return parts.isEmpty ? "无" : parts.joined(separator: " · ")
    }
}

/// How roll-ups are grouped for `stats --by` and the tree.
public enum Grouping: String, CaseIterable, Sendable {
    case office, street, community, unit, property
}

/// One group's roll-up. `node` is nil for the group of communities without a property company (无物业).
public struct GroupCounts: Hashable, Sendable {
    public var node: NodeRef?
    public var counts: StatusCounts

    /// Creates a group's counts.
    public init(node: NodeRef?, counts: StatusCounts) {
        self.node = node
        self.counts = counts
    }
}

/// A community row in a window of the board or a tree level, with its street and roll-up.
public struct CommunityRow: Hashable, Sendable {
    public var community: Community
    public var streetName: String
    public var counts: StatusCounts

    /// Creates a row.
    public init(community: Community, streetName: String, counts: StatusCounts) {
        self.community = community
        self.streetName = streetName
        self.counts = counts
    }
}

/// A loaded board row that a new window can be read from: its index and its place in board order.
public struct WindowAnchor: Hashable, Sendable {
    public var index: Int
    public var streetID: RowID
    public var name: String

    /// Creates an anchor.
    public init(index: Int, streetID: RowID, name: String) {
        self.index = index
        self.streetID = streetID
        self.name = name
    }
}

/// One cell with its theme, for a community's detail.
public struct CellRow: Hashable, Sendable {
    public var theme: CheckTheme
    public var cell: CellState

    /// Creates a cell row.
    public init(theme: CheckTheme, cell: CellState) {
        self.theme = theme
        self.cell = cell
    }
}

/// Which audit records to read, newest first.
public struct AuditQuery: Hashable, Sendable {
    public var communityID: RowID?
    /// Only records with a larger id (what happened since a record the caller has seen).
    public var afterID: Int64?
    public var operatorLogin: String?
    public var since: Timestamp?
    public var limit: Int

    /// Creates a query.
    public init(communityID: RowID? = nil, afterID: Int64? = nil, operatorLogin: String? = nil, since: Timestamp? = nil,
                limit: Int = 50) {
        self.communityID = communityID
        self.afterID = afterID
        self.operatorLogin = operatorLogin
        self.since = since
        self.limit = limit
    }
}

/// An audit record with the names it refers to, resolved for display.
public struct AuditRow: Hashable, Sendable {
    public var record: AuditRecord
    public var communityName: String?
    public var themeName: String?

    /// Creates a display row.
    public init(record: AuditRecord, communityName: String?, themeName: String?) {
        self.record = record
        self.communityName = communityName
        self.themeName = themeName
    }
}
