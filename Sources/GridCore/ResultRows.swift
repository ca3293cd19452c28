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
    /// Where the row sits in board order (a window anchored on it is read from there).
    public var orderKey: BoardOrderKey

    /// Creates a row; without an order key, one from the street id and name (stores fill in the real one).
    public init(community: Community, streetName: String, counts: StatusCounts, orderKey: BoardOrderKey? = nil) {
        self.community = community
        self.streetName = streetName
        self.counts = counts
        self.orderKey = orderKey ?? BoardOrderKey(streetRank: community.streetID, order: BoardOrderKey.orderValue(community.officeOrder),
                                                  pinyin: OfficeOrder.collationKey(community.name), name: community.name, id: community.id)
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
