import GridCore
import TerminalKit

/// Incremental search over community, street, unit and property-company names, and jumping to hits.
enum Search {
    static func results(_ s: inout AppState, query: String, hits: [NodeRef]) -> [Effect] {
        // A late answer for an older query is dropped: only the text in the prompt counts.
        if case .search(let field)? = s.overlay, field.text != query { return [] }
        s.search = SearchState(query: query, hits: hits, index: 0)
        if s.pendingGoto {
            s.pendingGoto = false
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
        let hit = s.search.hits[s.search.index]
        s.message = StatusMessage("\(s.search.index + 1)/\(s.search.hits.count) \(hit.name)  [\(hit.node.levelZH)]")
        if case .community(let id) = hit.node {
            return [.locate(communityID: id, scope: s.board.scope, filter: s.board.filter)]
        }
        s.board.scope = CommunityScope(hit.node)
        s.board.scopeLabel = hit.name
        s.screen = .board
        return Board.reload(&s, resetCursor: true)
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
            s.message = StatusMessage("该小区不在当前范围，已切换到全部 (widened to all communities)")
            return [.locate(communityID: communityID, scope: .all, filter: .none)]
        }
        s.screen = .board
        s.board.cursorRow = row
        if s.board.total <= row {
            // The board is being widened: reload around the target row.
            s.board.total = row + 1
            s.board.rowOffset = row
            return Board.reload(&s, resetCursor: false)
        }
        return Board.scrollToCursor(&s)
    }
}
