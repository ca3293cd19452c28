import GridCore
import GridPalette
import TerminalKit

extension Screen {
    /// The keys of the screen help was opened from, generated from the bindings that run there.
    public static let help = Screen("help")
}

/// Help's own state: how far it is scrolled and the text it is filtered by.
public struct HelpState: Hashable, Sendable {
    public var filter = TextField()
    public var offset = 0

    public init() {}
}

/// The help screen: the bindings that run on the screen it was opened from (that screen's, then the global ones),
/// filterable with `/`, scrolled by line and by page.
enum HelpScreen: ScreenModule {
    static let id = Screen.help
    static let name = "帮助 help"

    static func title(_ s: AppState) -> String { "帮助" }

    static func bindings(_ s: AppState) -> [Binding] {
        let page = max(1, visibleRows(s))
        return [
            Binding([.char("k"), .up], "上滚 scroll up") { s in scroll(&s) { $0 - 1 } },
            Binding([.char("j"), .down], "下滚 scroll down") { s in scroll(&s) { $0 + 1 } },
            Binding([.pageUp, .ctrl("b")], "上一页 page up") { s in scroll(&s) { $0 - page } },
            Binding([.pageDown, .ctrl("f")], "下一页 page down") { s in scroll(&s) { $0 + page } },
            Binding([.char("g"), .home], "到顶部 top") { s in scroll(&s) { _ in 0 } },
            Binding([.char("G"), .end], "到底部 bottom") { s in scroll(&s) { _ in Int.max / 2 } },
            Binding([.char("/")], "筛选按键 filter the keys", hint: "筛选") { s in
                s.overlay = .helpFilter
                return []
            },
            Binding([.escape, .char("q"), .char("?")], "关闭帮助 close help", hint: "关闭") { s in
                s.screen = s.returnScreen
                return []
            },
        ]
    }

    /// The help lines for a screen: the bindings that run there, filtered by text.
    static func lines(for screen: Screen, _ s: AppState, filter: String) -> [(keys: String, help: String)] {
        let f = filter.lowercased()
        return Bindings.on(screen, s).map { ($0.keyLabel, $0.help) }
            .filter { f.isEmpty || $0.0.lowercased().contains(f) || $0.1.lowercased().contains(f) }
    }

    /// Rows for lines under the heading (one fewer while the filter line shows).
    static func visibleRows(_ s: AppState) -> Int {
        s.contentHeight - 1 - (filterShown(s) ? 1 : 0)
    }

    static func filterShown(_ s: AppState) -> Bool { s.overlay == .helpFilter || !s.help.filter.text.isEmpty }

    /// Scrolls, stopping where the last line is at the bottom.
    static func scroll(_ s: inout AppState, _ to: (Int) -> Int) -> [Effect] {
        let count = lines(for: s.returnScreen, s, filter: s.help.filter.text).count
        s.help.offset = max(0, min(to(s.help.offset), count - visibleRows(s)))
        return []
    }

    static func view(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) {
        let name = Screens.module(s.returnScreen).name
        b.put("按键 keys — \(name)   (/ 筛选 filter, PgDn/PgUp 翻页, Esc 关闭 close)", x: 1, y: area.y, width: area.width - 2,
              style: p[.header])
        let lines = lines(for: s.returnScreen, s, filter: s.help.filter.text)
        let keyWidth = min(18, (lines.map { b.measure.of($0.keys) }.max() ?? 4) + 1)
        let visible = max(0, visibleRows(s))
        let offset = max(0, min(s.help.offset, lines.count - visible))
        for (i, line) in lines.dropFirst(offset).prefix(visible).enumerated() {
            let y = area.y + 1 + i
            b.put(line.keys, x: 1, y: y, width: keyWidth, style: p[.keyHintKey])
            b.put(line.help, x: keyWidth + 2, y: y, width: area.width - keyWidth - 3, style: p[.text])
        }
        if lines.isEmpty { b.put("没有匹配的按键 (no key matches)", x: 1, y: area.y + 1, width: area.width - 2, style: p[.muted]) }
        if lines.count > offset + visible {
            b.put("↓ 更多 more", x: max(0, area.maxX - 12), y: area.y, width: 12, style: p[.muted])
        }
        if filterShown(s) {
            let y = area.maxY - 1
            b.put("/", x: 0, y: y, style: p[.header])
            s.help.filter.render(in: Rect(x: 2, y: y, width: area.width - 3, height: 1), style: p[.text], into: &b)
            if s.overlay != .helpFilter { b.cursor = nil }
        }
    }
}
