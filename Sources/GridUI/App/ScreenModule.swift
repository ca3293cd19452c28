import GridCore
import GridPalette
import TerminalKit

/// A screen: its bindings (keys, handler, help), what showing it loads, its title and its view. Its state is a
/// property of `AppState`; its update is the bindings' handlers and the functions its folder adds.
protocol ScreenModule {
    /// The screen this module draws.
    static var id: Screen { get }
    /// Its name in help (`网格 board`).
    static var name: String { get }
    /// Whether Tab cycles through it (detail and help screens are reached from others).
    static var inTabCycle: Bool { get }
    /// Where the operator is, for the title bar.
    static func title(_ s: AppState) -> String
    /// The keys that work on it, in help order; global bindings come after them.
    static func bindings(_ s: AppState) -> [Binding]
    /// Switching to it (Tab): the data it needs.
    static func show(_ s: inout AppState) -> [Effect]
    /// Mouse input on it.
    static func mouse(_ s: inout AppState, _ m: MouseEvent) -> [Effect]
    /// Draws it in `area` (between the title bar and the two bottom bars).
    static func view(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer)
    /// Where the operator is in this screen's own data, for the status bar after who and which database (the board's
    /// scope, filter and row by default; the case screens say which case of how many).
    static func statusContext(_ s: AppState) -> String
}

extension ScreenModule {
    static var inTabCycle: Bool { false }
    static func statusContext(_ s: AppState) -> String {
        let position = s.board.total == 0 ? "0/0" : "\(s.board.cursorRow + 1)/\(s.board.total)"
        return "范围:\(s.board.scopeLabel) · 筛选:\(s.board.filter.label) · \(position)"
            + (s.board.marks.isEmpty ? "" : " · 标记\(s.board.marks.count)")
    }
    static func show(_ s: inout AppState) -> [Effect] { [] }
    static func mouse(_ s: inout AppState, _ m: MouseEvent) -> [Effect] { [] }
}

/// The screen list. A new screen is a folder under `Screens/` and one line here (Tab cycles in this order).
enum Screens {
    static let all: [any ScreenModule.Type] = [
        BoardScreen.self,
        CasesScreen.self,
        DashboardScreen.self,
        BrowserScreen.self,
        CellDetailScreen.self,
        CaseDetailScreen.self,
        HelpScreen.self,
    ]

    /// The module of a screen (the board for an unknown one).
    static func module(_ id: Screen) -> any ScreenModule.Type {
        for m in all where m.id == id { return m }
        return BoardScreen.self
    }

    /// The screen Tab goes to from `id`.
    static func next(after id: Screen) -> Screen {
        var cycle: [Screen] = []
        for m in all where m.inTabCycle { cycle.append(m.id) }
        guard let i = cycle.firstIndex(of: id) else { return cycle[0] }
        return cycle[(i + 1) % cycle.count]
    }
}

public extension Screen {
    /// Every screen, in the screen list's order (for tests that walk them all).
    static var all: [Screen] {
        var ids: [Screen] = []
        for m in Screens.all { ids.append(m.id) }
        return ids
    }
}

/// What help and the dead-binding test see of a screen: its name and the bindings that run on it.
public enum ScreenInfo {
    /// The screen's name in help.
    public static func name(_ screen: Screen) -> String { Screens.module(screen).name }
}
