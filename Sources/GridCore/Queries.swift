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
/// overdue cell, or declared inspection sites (all, or a range of numbers), and in which order (board order, or
/// site number). The empty filter shows everything in board order.
public struct CommunityFilter: Hashable, Sendable {
    public var statuses: Set<CellStatus>
    public var overdueOnly: Bool
    public var declaredOnly: Bool
    /// Only declared sites numbered in this range (`:filter site 3-10`).
    public var siteNumbers: ClosedRange<Int>? = nil
    /// Declared sites in site-number order (◆1, ◆2 …) instead of board order (`:sort site`); implies declared only.
    public var bySiteNumber = false

    /// Creates a filter.
    public init(statuses: Set<CellStatus> = [], overdueOnly: Bool = false, declaredOnly: Bool = false) {
        self.statuses = statuses
        self.overdueOnly = overdueOnly
        self.declaredOnly = declaredOnly
    }

    /// Shows everything.
    public static let none = CommunityFilter()

    /// Whether anything is filtered out.
    public var isActive: Bool { !statuses.isEmpty || overdueOnly || declaredOnly || siteNumbers != nil || bySiteNumber }

    /// Whether only declared sites pass (asked for, or implied by a site range or the ◆ order).
    public var sitesOnly: Bool { declaredOnly || siteNumbers != nil || bySiteNumber }

    /// `有问题+整改中 · 逾期 · 申报点位`, for the status bar.
    public var label: String {
        var parts: [String] = []
        if !statuses.isEmpty { parts.append(CellStatus.allCases.filter { statuses.contains($0) }.map(\.zh).joined(separator: "+")) }
        if overdueOnly { parts.append("逾期") }
        if declaredOnly { parts.append("申报点位") }
        if let r = siteNumbers { parts.append(r.lowerBound == r.upperBound ? "◆\(r.lowerBound)" : "◆\(r.lowerBound)–\(r.upperBound)") }
        if bySiteNumber { parts.append("按◆排序") }
        return parts.isEmpty ? "无" : parts.joined(separator: " · ")
    }
}

/// How roll-ups are grouped for `stats --by` and the tree.
public enum Grouping: String, CaseIterable, Sendable {
    case office, street, community, unit, property
}

/// A loaded board row that a new window can be read from: its index and its place in board order.
public struct WindowAnchor: Hashable, Sendable {
    public var index: Int
    public var key: BoardOrderKey

    /// Creates an anchor.
    public init(index: Int, key: BoardOrderKey) {
        self.index = index
        self.key = key
    }

    /// An anchor on a loaded row.
    public init(index: Int, row: CommunityRow) {
        self.init(index: index, key: row.orderKey)
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
