import GridCore
import TerminalKit

/// Which screen fills the window.
public enum Screen: Hashable, Sendable {
    case browser, board, detail, help, cases, dashboard
}

/// One row of a browser column: a node with its roll-up and the lines the detail pane shows for it.
public struct BrowserItem: Hashable, Sendable {
    public var ref: NodeRef?
    public var label: String
    public var counts: StatusCounts?
    /// Lines for the detail pane (kind, site number, chain with phones …).
    public var details: [String]
    /// Whether Enter drills into it.
    public var hasChildren: Bool

    /// Creates an item.
    public init(ref: NodeRef?, label: String, counts: StatusCounts?, details: [String], hasChildren: Bool) {
        self.ref = ref
        self.label = label
        self.counts = counts
        self.details = details
        self.hasChildren = hasChildren
    }
}

/// One column of the Miller browser: the children of `parent` (nil = the offices).
public struct BrowserLevel: Hashable, Sendable {
    public var parent: NodeRef?
    public var items: [BrowserItem]
    public var selection: Int = 0
    public var offset: Int = 0

    /// Creates a level.
    public init(parent: NodeRef?, items: [BrowserItem]) {
        self.parent = parent
        self.items = items
    }

    /// The selected item, if any.
    public var selected: BrowserItem? { items.indices.contains(selection) ? items[selection] : nil }
}

/// A board row: a community and its cells by theme id.
public struct BoardRow: Hashable, Sendable {
    public var community: Community
    public var streetName: String
    public var cells: [RowID: CellState]

    /// Creates a row.
    public init(community: Community, streetName: String, cells: [RowID: CellState]) {
        self.community = community
        self.streetName = streetName
        self.cells = cells
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
public struct CellDetail: Hashable, Sendable {
    public var key: CellKey
    public var communityName: String
    public var streetName: String
    public var theme: CheckTheme
    public var cell: CellState
    public var chain: [ChainLink]
    public var history: [AuditRow]
    public var offset = 0

    /// Creates a detail.
    public init(key: CellKey, communityName: String, streetName: String, theme: CheckTheme, cell: CellState,
                chain: [ChainLink], history: [AuditRow]) {
        self.key = key
        self.communityName = communityName
        self.streetName = streetName
        self.theme = theme
        self.cell = cell
        self.chain = chain
        self.history = history
    }
}

/// The quick form for statuses that need a note or a date.
public struct StatusForm: Hashable, Sendable {
    /// The deadline classes offered for a problem: 立行立改 / 限期3 / 限期7 working days from dispatch.
    public static let deadlineChoices: [DeadlineClass] = [.immediate, .threeDays, .sevenDays]

    public var targets: [CellKey]
    public var status: CellStatus
    public var note = TextField()
    public var deadline: DeadlineClass = .threeDays
    public var plan = TextField()
    /// 0 = note, 1 = deadline or plan date.
    public var focus = 0
    public var error: String?

    /// A form for `status` on `targets`; the plan date defaults to 30 days out.
    public init(targets: [CellKey], status: CellStatus, today: Day) {
        self.targets = targets
        self.status = status
        plan = TextField(today.adding(days: 30).description)
    }
}

/// What is drawn over the current screen.
public enum Overlay: Hashable, Sendable {
    case form(StatusForm)
    case confirm(targets: [CellKey], status: CellStatus)
    case command(TextField)
    case search(TextField)
    case filterMenu
}

/// A message in the status bar.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    /// Creates a message.
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// Incremental search results, kept for n / N after the prompt closes.
public struct SearchState: Hashable, Sendable {
    public var query = ""
    public var hits: [NodeRef] = []
    public var index = 0
}

/// A background import's progress, shown in the status bar.
public struct ImportActivity: Hashable, Sendable {
    public var file: String
    public var done: Int
    public var total: Int

    /// Creates an activity.
    public init(file: String, done: Int = 0, total: Int = 0) {
        self.file = file
        self.done = done
        self.total = total
    }
}

/// The whole console state. Pure data: `reduce` changes it, `render` draws it.
public struct AppState: Hashable, Sendable {
    public var screen: Screen = .board
    /// The screen help or detail returns to.
    public var returnScreen: Screen = .board
    public var width: Int
    public var height: Int
    public var login: String
    public var role: OperatorRole
    public var databaseName: String
    public var today: Day
    /// The office's offset from UTC, for showing audit times in local time.
    public var utcOffsetSeconds = 0
    public var themeName = "default"
    public var availableThemes: [String] = ["default", "monochrome"]
    public var browser: [BrowserLevel] = []
    public var board = BoardState()
    public var detail: CellDetail?
    public var overlay: Overlay?
    public var helpFilter = TextField()
    public var helpFiltering = false
    public var helpOffset = 0
    public var message: StatusMessage?
    /// Batches of cell states before this console's changes, newest last (u undoes one batch).
    public var undo: [[CellState]] = []
    /// Cells another operator changed recently, with the tick until which they stay highlighted.
    public var highlights: [CellKey: Int] = [:]
    public var tick = 0
    public var search = SearchState()
    /// `:goto` waits for search results and jumps to the first.
    public var pendingGoto = false
    /// An import running in the background (`:import FILE`): file, records done, records in all.
    public var importing: ImportActivity?
    /// The case queue and the case open in it.
    public var cases = CaseQueueState()
    /// The dashboard and league tables.
    public var dashboard = DashboardState()
    public var quitting = false

    /// A fresh console of a size for an operator.
    public init(width: Int, height: Int, login: String, role: OperatorRole, databaseName: String, today: Day) {
        self.width = width
        self.height = height
        self.login = login
        self.role = role
        self.databaseName = databaseName
        self.today = today
    }

    /// Rows available between the title bar and the two bottom bars.
    public var contentHeight: Int { max(0, height - 3) }
    /// Board rows visible under the frozen header.
    public var boardVisibleRows: Int { max(1, contentHeight - 1) }
    /// Below 40×12 only a notice is shown.
    public var isTooSmall: Bool { width < 40 || height < 12 }
    /// Narrow layout (fewer columns, one-character labels) below 60 columns.
    public var isNarrow: Bool { width < 60 }
}
