import GridCore
import TerminalKit

/// What a key asks for. Key maps bind keys to commands; reduce interprets commands per screen.
public enum Command: Hashable, Sendable {
    case up, down, left, right, pageUp, pageDown, top, bottom, lineStart, lineEnd
    case drillIn, goUp, openBoardHere, switchScreen, openDetail, close
    case setStatus(CellStatus)
    case toggleMark, markRange, markColumn, clearMarks, undo
    case search, searchNext, searchPrevious, filterMenu, commandLine, help
    case redraw, suspend, quit
    /// A case transition key (handled by the case screens before the key map).
    case caseAction(Character)
    /// Toggles the dashboard's league between units and property companies.
    case dashboardToggle
}

/// One binding: the keys, the command, and the help text that the help screen and hint bar show.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var command: Command
    /// Help text, Chinese then English.
    public var help: String
    /// Short label for the key-hint bar, when the binding is shown there.
    public var hint: String?
    /// The key text in the hint bar when it is not the first key's label (`0-7` for the status keys).
    public var hintKey: String?

    /// Creates a binding.
    public init(_ keys: [Key], _ command: Command, _ help: String, hint: String? = nil, hintKey: String? = nil) {
        self.keys = keys
        self.command = command
        self.help = help
        self.hint = hint
        self.hintKey = hintKey
    }

    /// The keys as shown to people: `j ↓`.
    public var keyLabel: String { keys.map(KeyMaps.label).joined(separator: " ") }
}

/// The key tables. The help screen and the hint bar are generated from these, so they cannot drift.
public enum KeyMaps {
    /// Keys that work on every screen.
    public static let global: [KeyBinding] = [
        KeyBinding([.char("?"), .function(1)], .help, "帮助 help", hint: "帮助"),
        KeyBinding([.tab], .switchScreen, "切换浏览/网格 switch browser ↔ board", hint: "切换"),
        KeyBinding([.char("/")], .search, "搜索名称 search names", hint: "搜索"),
        KeyBinding([.char("n")], .searchNext, "下一个结果 next search hit"),
        KeyBinding([.char("N")], .searchPrevious, "上一个结果 previous search hit"),
        KeyBinding([.char(":")], .commandLine, "命令行 command line (:goto :filter :theme :q)"),
        KeyBinding([.ctrl("l")], .redraw, "重绘屏幕 redraw the screen"),
        KeyBinding([.ctrl("z")], .suspend, "挂起到后台 suspend (fg resumes)"),
        KeyBinding([.char("q"), .function(10)], .quit, "退出 (所有改动已保存) quit — everything is saved", hint: "退出"),
    ]

    static let movement: [KeyBinding] = [
        KeyBinding([.char("k"), .up], .up, "上移 up"),
        KeyBinding([.char("j"), .down], .down, "下移 down"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, "上一页 page up"),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, "下一页 page down"),
        KeyBinding([.char("g"), .home], .top, "到顶部 first row"),
        KeyBinding([.char("G"), .end], .bottom, "到底部 last row"),
    ]

    /// The grid browser (Miller columns).
    public static let browser: [KeyBinding] = movement + [
        KeyBinding([.enter, .char("l"), .right], .drillIn, "进入下级 drill in", hint: "进入"),
        KeyBinding([.escape, .char("h"), .left], .goUp, "返回上级 go up", hint: "返回"),
        KeyBinding([.char("b"), .char("o")], .openBoardHere, "以此节点打开网格 open the board for this node", hint: "网格"),
    ]

    /// The board (communities × themes).
    public static let board: [KeyBinding] = movement + [
        KeyBinding([.char("h"), .left], .left, "左移 left"),
        KeyBinding([.char("l"), .right], .right, "右移 right"),
        KeyBinding([.char("^")], .lineStart, "第一个主题 first theme"),
        KeyBinding([.char("$")], .lineEnd, "最后一个主题 last theme"),
        KeyBinding([.enter], .openDetail, "单元详情与历史 cell detail and history", hint: "详情"),
    ] + statusBindings + [
        KeyBinding([.char(" ")], .toggleMark, "标记/取消 mark or unmark the cell", hint: "标记"),
        KeyBinding([.char("v")], .markRange, "标记上次标记到此的范围 mark the range from the last mark"),
        KeyBinding([.char("V")], .markColumn, "标记本列可见单元 mark every visible cell in this column"),
        KeyBinding([.char("c")], .clearMarks, "清除标记 clear marks"),
        KeyBinding([.char("u")], .undo, "撤销上次改动 undo your last change", hint: "撤销"),
        KeyBinding([.char("f")], .filterMenu, "筛选 filter", hint: "筛选"),
        KeyBinding([.escape], .close, "返回浏览 back to the browser"),
    ]

    /// The cell detail.
    public static let detail: [KeyBinding] = [
        KeyBinding([.char("k"), .up], .up, "上滚 scroll up"),
        KeyBinding([.char("j"), .down], .down, "下滚 scroll down"),
        KeyBinding([.escape, .char("h"), .left, .enter], .close, "返回网格 back to the board", hint: "返回"),
    ] + statusBindings

    /// One key per status: the domain's one-key codes.
    static let statusBindings: [KeyBinding] = CellStatus.allCases.map { s in
        KeyBinding([.char(s.key)], .setStatus(s), "设为\(s.zh) set \(s.en)", hint: s == .unchecked ? "状态" : nil,
                   hintKey: s == .unchecked ? "0-7" : nil)
    }

    /// The case queue and case detail: one key per transition (* asks for a reason).
    public static let cases: [KeyBinding] = movement + [
        KeyBinding([.enter], .openDetail, "案件详情与倒查 case detail and trace-back", hint: "详情"),
        KeyBinding([.escape, .char("h"), .left], .close, "返回列表 back to the list", hint: "返回"),
        KeyBinding([.char(" ")], .caseAction(" "), "标记案件，流转键作用于全部标记 mark; a transition key then moves every marked case"),
        KeyBinding([.char("O")], .caseAction("O"), "只看逾期 overdue only"),
        KeyBinding([.char("!")], .caseAction("!"), "只看督办 escalated only"),
    ] + CaseKeys.actions.map { key, _, label in
        KeyBinding([.char(key)], .caseAction(key), label, hint: key == "r" ? "r/a/w/t/v 流转" : nil)
    }

    /// The dashboard and league tables.
    public static let dashboard: [KeyBinding] = [
        KeyBinding([.char("k"), .up], .up, "上移 up"),
        KeyBinding([.char("j"), .down], .down, "下移 down"),
        KeyBinding([.char("g"), .home], .top, "第一名 first"),
        KeyBinding([.char("G"), .end], .bottom, "最后一名 last"),
        KeyBinding([.char("p")], .dashboardToggle, "单位/物业排名切换 units ↔ property companies", hint: "切换"),
        KeyBinding([.enter], .openDetail, "扣分明细 the deductions behind a score", hint: "明细"),
        KeyBinding([.escape], .close, "返回排名 back to the table"),
    ]

    /// The help screen.
    public static let help: [KeyBinding] = [
        KeyBinding([.char("k"), .up], .up, "上滚 scroll up"),
        KeyBinding([.char("j"), .down], .down, "下滚 scroll down"),
        KeyBinding([.escape, .char("q"), .char("?")], .close, "关闭帮助 close help", hint: "关闭"),
    ]

    /// The bindings of a screen, screen-specific first, then global (a screen binding wins).
    public static func bindings(for screen: Screen) -> [KeyBinding] {
        switch screen {
        case .browser: browser + global
        case .board: board + global
        case .detail: detail + global
        case .help: help + global.filter { $0.command != .quit && $0.command != .help }
        case .cases: cases + global
        case .dashboard: dashboard + global
        }
    }

    /// The command a key means on a screen, if any.
    public static func command(for key: Key, on screen: Screen) -> Command? {
        bindings(for: screen).first { $0.keys.contains(key) }?.command
    }

    /// How a key is written in help: `Enter`, `↑`, `Ctrl-L`, `F1`.
    public static func label(_ key: Key) -> String {
        switch key {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .alt(let c): "Alt-\(c)"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let n): "F\(n)"
        }
    }
}
