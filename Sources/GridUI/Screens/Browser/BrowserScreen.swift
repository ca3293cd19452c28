import GridCore
import GridPalette
import TerminalKit

/// The Miller-column browser: office → streets → communities → units → property companies.
enum BrowserScreen: ScreenModule {
    static let id = Screen.browser
    static let name = "浏览 browser"
    static let inTabCycle = true

    /// Breadcrumbs of the open columns: `城关县三创办 › 城关镇 › 阳光小区`.
    static func title(_ s: AppState) -> String { "浏览 " + s.browser.compactMap { $0.parent?.name }.joined(separator: " › ") }

    static func bindings(_ s: AppState) -> [Binding] {
        let page = max(1, s.contentHeight - 1)
        return [
            Binding([.char("k"), .up], "上移 up") { s in move(&s) { $0 - 1 } },
            Binding([.char("j"), .down], "下移 down") { s in move(&s) { $0 + 1 } },
            Binding([.pageUp, .ctrl("b")], "上一页 page up") { s in move(&s) { $0 - page } },
            Binding([.pageDown, .ctrl("f")], "下一页 page down") { s in move(&s) { $0 + page } },
            Binding([.char("g"), .home], "到顶部 first row") { s in move(&s) { _ in 0 } },
            Binding([.char("G"), .end], "到底部 last row") { s in move(&s) { _ in Int.max / 2 } },
            Binding([.enter, .char("l"), .right], "进入下级 drill in", hint: "进入") { s in
                guard let item = s.browser.last?.selected, item.hasChildren, let ref = item.ref else { return [] }
                return [.loadBrowser(depth: s.browser.count, parent: ref)]
            },
            Binding([.escape, .char("h"), .left], "返回上级 go up", hint: "返回") { s in
                if s.browser.count > 1 { s.browser.removeLast() }
                return []
            },
            Binding([.char("b"), .char("o")], "以此节点打开网格 open the board for this node", hint: "网格") { s in
                guard let ref = s.browser.last?.selected?.ref else { return [] }
                s.board.scope = CommunityScope(ref.node)
                s.board.scopeLabel = ref.name
                s.screen = .board
                return BoardScreen.reload(&s, resetCursor: true)
            },
        ] + BrowserEditing.bindings
    }

    static func show(_ s: inout AppState) -> [Effect] { refresh(s) }

    static func mouse(_ s: inout AppState, _ m: MouseEvent) -> [Effect] {
        switch m.kind {
        case .wheelUp: move(&s) { $0 - 1 }
        case .wheelDown: move(&s) { $0 + 1 }
        case .press: click(&s, y: m.y)
        default: []
        }
    }

    static func view(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) { BrowserView.render(s, p, area, &b) }

    /// Moves the selection of the current column.
    static func move(_ s: inout AppState, _ to: (Int) -> Int) -> [Effect] {
        guard var level = s.browser.last else { return [] }
        level.list.select(to(level.selection), count: level.items.count, visible: max(1, s.contentHeight - 1))
        s.browser[s.browser.count - 1] = level
        return []
    }

    /// A loaded column replaces everything from its depth on, keeping the selection of a refreshed column.
    static func loaded(_ s: inout AppState, depth: Int, level: BrowserLevel) {
        var level = level
        if depth < s.browser.count, s.browser[depth].parent == level.parent {
            let old = s.browser[depth]
            let keep = old.selected?.ref
            level.selection = level.items.firstIndex { $0.ref == keep && keep != nil } ?? min(old.selection, max(0, level.items.count - 1))
            level.list.offset = old.list.offset
            s.browser[depth] = level
            return
        }
        s.browser = Array(s.browser.prefix(depth)) + [level]
    }

    /// Reloads every open column (their counts may have changed).
    static func refresh(_ s: AppState) -> [Effect] {
        guard !s.browser.isEmpty else { return [.loadBrowser(depth: 0, parent: nil)] }
        return s.browser.enumerated().map { .loadBrowser(depth: $0.offset, parent: $0.element.parent) }
    }

    static func click(_ s: inout AppState, y: Int) -> [Effect] {
        guard var level = s.browser.last else { return [] }
        let index = level.list.offset + (y - 2)
        guard y >= 2, level.items.indices.contains(index) else { return [] }
        level.selection = index
        s.browser[s.browser.count - 1] = level
        return []
    }
}
