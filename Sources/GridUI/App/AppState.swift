import GridCore
import TerminalKit

/// Which screen fills the window. Each screen module declares its own (`extension Screen { static let board … }`),
/// so adding a screen touches no switch here.
public struct Screen: Hashable, Sendable, CustomStringConvertible {
    /// A stable name (`board`, `cases` …), used in tests and snapshots.
    public var id: String

    /// A screen by name.
    public init(_ id: String) { self.id = id }

    public var description: String { id }
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

/// Who is at the console and where: fixed for a session.
public struct Session: Hashable, Sendable {
    public var login: String
    public var role: OperatorRole
    public var databaseName: String
    public var today: Day
    /// The office's offset from UTC, for showing audit times in local time.
    public var utcOffsetSeconds = 0
}

/// The whole console state: the session, the window, and one state per screen. Pure data: `Reducer.reduce`
/// changes it, `Renderer.render` draws it.
public struct AppState: Hashable, Sendable {
    public var screen: Screen = .board
    /// The screen help or a detail returns to.
    public var returnScreen: Screen = .board
    public var width: Int
    public var height: Int
    public var session: Session
    /// The colour palette in use and the ones `:palette` offers.
    public var paletteName = "default"
    public var availablePalettes: [String] = ["default", "monochrome"]
    public var browser: [BrowserLevel] = []
    public var board = BoardState()
    public var detail: CellDetail?
    public var cases = CaseQueueState()
    public var caseDetail: CaseDetailData?
    public var dashboard = DashboardState()
    public var help = HelpState()
    /// Walk mode (巡检): the round, the site and the theme being checked.
    public var walk = WalkState()
    public var overlay: Overlay?
    public var message: StatusMessage?
    /// This console's changes, newest last (u undoes one batch).
    public var undo: [UndoBatch] = []
    /// Cells another operator changed recently, with the tick until which they stay highlighted.
    public var highlights: [CellKey: Int] = [:]
    public var tick = 0
    public var search = SearchState()
    /// An import running in the background (`:import FILE`): file, records done, records in all.
    public var importing: ImportActivity?
    public var quitting = false

    /// A fresh console of a size for an operator.
    public init(width: Int, height: Int, login: String, role: OperatorRole, databaseName: String, today: Day) {
        self.width = width
        self.height = height
        session = Session(login: login, role: role, databaseName: databaseName, today: today)
    }

    public var login: String { session.login }
    public var role: OperatorRole { session.role }
    public var today: Day { session.today }
    /// The office's offset from UTC.
    public var utcOffsetSeconds: Int {
        get { session.utcOffsetSeconds }
        set { session.utcOffsetSeconds = newValue }
    }

    /// The smallest size the console draws at; below it a notice says so.
    public static let minimumSize = (width: 40, height: 12)
    /// Rows available between the title bar and the two bottom bars.
    public var contentHeight: Int { max(0, height - 3) }
    /// Rows of a table or list under its one header row.
    public var boardVisibleRows: Int { max(1, contentHeight - 1) }
    /// Below 40×12 only a notice is shown.
    public var isTooSmall: Bool { width < AppState.minimumSize.width || height < AppState.minimumSize.height }
    /// Narrow layout (fewer columns, one-character labels) below 60 columns.
    public var isNarrow: Bool { width < 60 }
}

/// One change this console saved, for `u`: the cells as they were, and as the change left them — so undo can tell
/// whether someone changed them since and refuse rather than overwrite their work.
public struct UndoBatch: Hashable, Sendable {
    /// The cells before the change (what undo restores).
    public var before: [CellState]
    /// The same cells after it (what undo expects to find).
    public var after: [CellState]

    /// Creates a batch.
    public init(before: [CellState], after: [CellState]) {
        self.before = before
        self.after = after
    }
}
