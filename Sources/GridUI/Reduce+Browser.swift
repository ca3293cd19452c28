import GridCore
import TerminalKit

/// The Miller-column browser: office → streets → communities → units → property companies.
enum Browser {
    static func perform(_ s: inout AppState, _ command: Command) -> [Effect] {
        guard var level = s.browser.last else { return [] }
        let page = max(1, s.contentHeight - 1)
        switch command {
        case .up: level.selection -= 1
        case .down: level.selection += 1
        case .pageUp: level.selection -= page
        case .pageDown: level.selection += page
        case .top: level.selection = 0
        case .bottom: level.selection = level.items.count - 1
        case .drillIn:
            guard let item = level.selected, item.hasChildren, let ref = item.ref else { return [] }
            return [.loadBrowser(depth: s.browser.count, parent: ref)]
        case .goUp:
            if s.browser.count > 1 { s.browser.removeLast() }
            return []
        case .openBoardHere:
            guard let item = level.selected, let ref = item.ref else { return [] }
            s.board.scope = CommunityScope(ref.node)
            s.board.scopeLabel = ref.name
            s.screen = .board
            return Board.reload(&s, resetCursor: true)
        default:
            return []
        }
        level.selection = max(0, min(level.items.count - 1, level.selection))
        level.offset = ListView.offset(selection: level.selection, offset: level.offset, visible: max(1, s.contentHeight - 1),
                                       count: level.items.count)
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
            level.offset = old.offset
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
        let index = level.offset + (y - 2)
        guard y >= 2, level.items.indices.contains(index) else { return [] }
        level.selection = index
        s.browser[s.browser.count - 1] = level
        return []
    }

    /// Breadcrumbs of the open columns: `城关县三创办 › 城关镇 › 阳光小区`.
    static func breadcrumbs(_ s: AppState) -> String {
        s.browser.compactMap { $0.parent?.name }.joined(separator: " › ")
    }
}

/// The cell detail screen.
enum Detail {
    static func perform(_ s: inout AppState, _ command: Command) -> [Effect] {
        switch command {
        case .up:
            let offset = s.detail?.offset ?? 0
            s.detail?.offset = max(0, offset - 1)
        case .down:
            let offset = s.detail?.offset ?? 0
            s.detail?.offset = offset + 1
        case .close: s.screen = .board
        case .setStatus(let status):
            return Changes.request(&s, status: status, cursor: s.detail?.key)
        default: break
        }
        return []
    }
}

/// The help screen, generated from the key maps and filterable.
enum Help {
    static func perform(_ s: inout AppState, _ command: Command) -> [Effect] {
        switch command {
        case .up: s.helpOffset = max(0, s.helpOffset - 1)
        case .down: s.helpOffset += 1
        case .close: s.screen = s.returnScreen
        case .search:
            s.helpFiltering = true
        default: break
        }
        return []
    }

    static func filterKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .escape, .enter: s.helpFiltering = false
        case .backspace: s.helpFilter.backspace()
        case .left: s.helpFilter.move(-1)
        case .right: s.helpFilter.move(1)
        case .char(let c): s.helpFilter.insert(String(c))
        default: break
        }
        s.helpOffset = 0
        return []
    }

    /// The help lines for a screen: its bindings and the global ones, filtered by text.
    public static func lines(for screen: Screen, filter: String) -> [(keys: String, help: String)] {
        let f = filter.lowercased()
        return KeyMaps.bindings(for: screen).map { ($0.keyLabel, $0.help) }
            .filter { f.isEmpty || $0.0.lowercased().contains(f) || $0.1.lowercased().contains(f) }
    }
}
