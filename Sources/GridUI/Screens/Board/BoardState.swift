import GridCore
import TerminalKit

extension Screen {
    /// Communities × assessment themes.
    public static let board = Screen("board")
}


/// A board row: a community and its cells by theme id.
public struct BoardRow: Hashable, Sendable {
    public var community: Community
    public var streetName: String
    public var cells: [RowID: CellState]
    /// Its place in board order, from the store: the next window is read from a loaded row's key.
    public var orderKey: BoardOrderKey

    /// Creates a row (without a key from the store, one from the street id and name).
    public init(community: Community, streetName: String, cells: [RowID: CellState], orderKey: BoardOrderKey? = nil) {
        self.community = community
        self.streetName = streetName
        self.cells = cells
        self.orderKey = orderKey ?? CommunityRow(community: community, streetName: streetName, counts: StatusCounts()).orderKey
    }
}

/// A board position: absolute row and theme column.
public struct GridPoint: Hashable, Sendable {
    public var row: Int
    public var column: Int

    /// Creates a point.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// The board: communities × themes, fetched by window.
public struct BoardState: Hashable, Sendable {
    public var scope: CommunityScope = .all
    public var scopeLabel = "全部"
    public var filter: CommunityFilter = .none
    public var themes: [CheckTheme] = []
    /// Rows in scope and filter.
    public var total = 0
    /// Absolute index of `rows[0]`.
    public var windowOffset = 0
    public var rows: [BoardRow] = []
    public var cursorRow = 0
    public var cursorColumn = 0
    /// First visible row and theme column.
    public var rowOffset = 0
    public var columnOffset = 0
    public var marks: Set<CellKey> = []
    /// Where the last mark was toggled, the corner of a range mark.
    public var anchor: GridPoint?
    /// Whether a window request is outstanding (avoids asking twice).
    public var loading = false

    public init() {}

    /// The row at an absolute index, if it is in the fetched window.
    public func row(at index: Int) -> BoardRow? {
        let i = index - windowOffset
        return rows.indices.contains(i) ? rows[i] : nil
    }

    /// The cell under the cursor, if its row is loaded and the theme applies there.
    public var cursorKey: CellKey? {
        guard themes.indices.contains(cursorColumn), let row = row(at: cursorRow) else { return nil }
        let theme = themes[cursorColumn]
        return row.cells[theme.id] == nil ? nil : CellKey(communityID: row.community.id, themeID: theme.id)
    }
}

/// The cell detail screen's data: the chain responsible for it and its history.
