import GridCore
import GridPalette
import TerminalKit

/// Incremental search results, kept for n / N after the prompt closes.
public struct SearchState: Hashable, Sendable {
    public var query = ""
    public var hits: [SearchHit] = []
    public var index = 0
    /// `:goto` waits for search results and jumps to the first.
    public var pendingGoto = false
}

/// Incremental search over community, street, unit and property-company names, and jumping to hits.
enum SearchOverlay {
    /// Typing searches as you go; Enter jumps to the first hit, Esc forgets the search.
    static func key(_ s: inout AppState, _ field: TextField, _ key: Key) -> [Effect] {
        var field = field
        switch key {
        case .escape:
            s.overlay = nil
            s.search = SearchState()
            return []
        case .enter:
            s.overlay = nil
            return s.search.hits.isEmpty ? [] : jump(&s)
        default:
            guard Overlays.edit(&field, key) else { return [] }
            s.overlay = .search(field)
            return field.text.trimmingWhitespace().isEmpty ? [] : [.search(field.text)]
        }
    }

    static func results(_ s: inout AppState, query: String, hits: [SearchHit]) -> [Effect] {
        // A late answer for an older query is dropped: only the text in the prompt counts.
        if case .search(let field)? = s.overlay, field.text != query { return [] }
        s.search = SearchState(query: query, hits: hits, index: 0, pendingGoto: s.search.pendingGoto)
        if s.search.pendingGoto {
            s.search.pendingGoto = false
            guard !hits.isEmpty else {
                s.message = StatusMessage("没有找到“\(query)” (no match)", isError: true)
                return []
            }
            return jump(&s)
        }
        return []
    }

    static func step(_ s: inout AppState, by delta: Int) -> [Effect] {
        guard !s.search.hits.isEmpty else {
            s.message = StatusMessage("没有搜索结果，按 / 搜索 (no search results; / to search)")
            return []
        }
        s.search.index = (s.search.index + delta + s.search.hits.count) % s.search.hits.count
        return jump(&s)
    }

    /// Goes to the current hit: a community's row on the board, or the board scoped to a street, unit or
    /// property company.
    static func jump(_ s: inout AppState) -> [Effect] {
        let hit = s.search.hits[s.search.index].ref
        s.message = StatusMessage("\(s.search.index + 1)/\(s.search.hits.count) \(hit.name)  [\(hit.node.levelZH)]")
        if case .community(let id) = hit.node {
            return [.locate(communityID: id, scope: s.board.scope, filter: s.board.filter)]
        }
        s.board.scope = CommunityScope(hit.node)
        s.board.scopeLabel = hit.name
        s.screen = .board
        return BoardScreen.reload(&s, resetCursor: true)
    }

    static func located(_ s: inout AppState, communityID: RowID, row: Int?) -> [Effect] {
        guard let row else {
            // Not in the current scope or filter: widen to everything rather than fail.
            guard s.board.scope != .all || s.board.filter.isActive else {
                s.message = StatusMessage("找不到该小区 (community not found)", isError: true)
                return []
            }
            s.board.scope = .all
            s.board.scopeLabel = "全部"
            s.board.filter = .none
            // The scoped rows are no longer the board's: dropped now, so the located row is fetched in the new
            // scope however many rows the old one had.
            s.board.rows = []
            s.board.windowOffset = 0
            s.board.total = 0
            s.board.marks = []
            s.message = StatusMessage("该小区不在当前范围，已切换到全部 (widened to all communities)")
            return [.locate(communityID: communityID, scope: .all, filter: .none)]
        }
        s.screen = .board
        s.board.cursorRow = row
        if s.board.total <= row {
            // The board is being widened: reload around the target row.
            s.board.total = row + 1
            s.board.rowOffset = row
            return BoardScreen.reload(&s, resetCursor: false)
        }
        return BoardScreen.scrollToCursor(&s)
    }

    static func results(_ s: AppState, _ theme: Palette, _ b: inout Buffer) {
        let hits = s.search.hits.prefix(min(8, max(0, s.height - 6)))
        guard !hits.isEmpty else { return }
        let top = s.height - 2 - hits.count
        for (i, hit) in hits.enumerated() {
            let style = i == s.search.index ? theme[.selection] : theme[.text]
            b.fill(Rect(x: 0, y: top + i, width: s.width, height: 1), style: style)
            // Why it matched, when typed in pinyin: the readings the letters went through.
            let why = hit.reason.isEmpty ? "" : "  ← \(hit.reason)"
            b.put("\(hit.ref.name)  [\(hit.ref.node.levelZH)] \(hit.ref.path)\(why)", x: 1, y: top + i, width: s.width - 2, style: style)
        }
    }
}
