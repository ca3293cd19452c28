import GridCore
import GridPalette
import TerminalKit

/// The board: communities × assessment themes, fetched by window; status keys, marks and undo.
enum BoardScreen: ScreenModule {
    static let id = Screen.board
    static let name = "网格 board"
    static let inTabCycle = true

    static func title(_ s: AppState) -> String { "网格 · \(s.board.scopeLabel)" }

    static func bindings(_ s: AppState) -> [Binding] {
        let page = s.boardVisibleRows
        return [
            Binding([.char("k"), .up], "上移 up") { s in move(&s, rows: -1) },
            Binding([.char("j"), .down], "下移 down") { s in move(&s, rows: 1) },
            Binding([.pageUp, .ctrl("b")], "上一页 page up") { s in move(&s, rows: -page) },
            Binding([.pageDown, .ctrl("f")], "下一页 page down") { s in move(&s, rows: page) },
            Binding([.char("g"), .home], "到顶部 first row") { s in move(&s, rows: -s.board.cursorRow) },
            Binding([.char("G"), .end], "到底部 last row") { s in move(&s, rows: s.board.total) },
            Binding([.char("h"), .left], "左移 left") { s in moveColumn(&s, by: -1) },
            Binding([.char("l"), .right], "右移 right") { s in moveColumn(&s, by: 1) },
            Binding([.char("^")], "第一个主题 first theme") { s in moveColumn(&s, by: -s.board.themes.count) },
            Binding([.char("$")], "最后一个主题 last theme") { s in moveColumn(&s, by: s.board.themes.count) },
            Binding([.enter], "单元详情与历史 cell detail and history", hint: "详情") { s in
                guard let key = s.board.cursorKey else { return [] }
                return [.loadDetail(key)]
            },
        ] + Changes.statusBindings { s in s.board.cursorKey } + [
            Binding([.char(" ")], "标记/取消 mark or unmark the cell", hint: "标记") { s in toggleMark(&s) },
            Binding([.char("v")], "标记上次标记到此的范围 mark the range from the last mark") { s in markRange(&s) },
            Binding([.char("V")], "标记本列可见单元 mark every visible cell in this column") { s in markColumn(&s) },
            Binding([.char("c")], "清除标记 clear marks", verb: "clear") { s in
                s.board.marks = []
                s.board.anchor = nil
                s.message = StatusMessage("已清除标记")
                return []
            },
            Binding([.char("u")], "撤销上次改动 undo your last change", hint: "撤销", verb: "undo") { s in
                guard let batch = s.undo.last else {
                    s.message = StatusMessage("没有可撤销的改动 (nothing of yours to undo)")
                    return []
                }
                return [.restore(batch.before, expecting: batch.after)]
            },
            Binding([.char("f")], "筛选 filter", hint: "筛选") { s in
                s.overlay = .filterMenu
                return []
            },
            Binding([.escape], "返回浏览 back to the browser") { s in
                s.screen = .browser
                return BrowserScreen.refresh(s)
            },
        ]
    }

    static func show(_ s: inout AppState) -> [Effect] { reloadWindow(&s) }

    static func mouse(_ s: inout AppState, _ m: MouseEvent) -> [Effect] {
        switch m.kind {
        case .wheelUp: move(&s, rows: -3)
        case .wheelDown: move(&s, rows: 3)
        case .press: click(&s, x: m.x, y: m.y)
        default: []
        }
    }

    static func view(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) { BoardView.render(s, p, area, &b) }

    static func toggleMark(_ s: inout AppState) -> [Effect] {
        guard let key = s.board.cursorKey else { return [] }
        if s.board.marks.remove(key) == nil { s.board.marks.insert(key) }
        s.board.anchor = GridPoint(row: s.board.cursorRow, column: s.board.cursorColumn)
        s.message = StatusMessage("已标记 \(s.board.marks.count) 格")
        return move(&s, rows: 1)
    }

    static func markColumn(_ s: inout AppState) -> [Effect] {
        for r in s.board.rowOffset..<min(s.board.total, s.board.rowOffset + s.boardVisibleRows) {
            if let key = key(s.board, row: r, column: s.board.cursorColumn) { s.board.marks.insert(key) }
        }
        s.message = StatusMessage("已标记 \(s.board.marks.count) 格")
        return []
    }

    static func key(_ b: BoardState, row: Int, column: Int) -> CellKey? {
        guard b.themes.indices.contains(column), let r = b.row(at: row), r.cells[b.themes[column].id] != nil else { return nil }
        return CellKey(communityID: r.community.id, themeID: b.themes[column].id)
    }

    /// Marks the rectangle from the anchor (last toggled cell) to the cursor. Rows outside the fetched window
    /// are marked too: the store resolves the range's rows to their cells, and `rangeMarked` marks them.
    static func markRange(_ s: inout AppState) -> [Effect] {
        guard let a = s.board.anchor else {
            s.message = StatusMessage("先用 Space 标记一个起点 (mark a start cell with Space first)")
            return []
        }
        let rows = min(a.row, s.board.cursorRow)...max(a.row, s.board.cursorRow)
        let cols = min(a.column, s.board.cursorColumn)...max(a.column, s.board.cursorColumn)
        guard s.board.row(at: rows.lowerBound) != nil, s.board.row(at: rows.upperBound) != nil else {
            let themeIDs = cols.filter { s.board.themes.indices.contains($0) }.map { s.board.themes[$0].id }
            s.message = StatusMessage("正在标记 \(rows.count) 行… (marking the range)")
            return [.loadRangeMarks(scope: s.board.scope, filter: s.board.filter, rows: rows.lowerBound..<rows.upperBound + 1,
                                    themeIDs: themeIDs)]
        }
        for r in rows {
            for c in cols {
                if let k = key(s.board, row: r, column: c) { s.board.marks.insert(k) }
            }
        }
        s.message = StatusMessage("已标记 \(s.board.marks.count) 格")
        return []
    }

    /// Marks a range's cells as the store found them, unless the board has moved to another scope or filter since.
    static func rangeMarked(_ s: inout AppState, scope: CommunityScope, filter: CommunityFilter, keys: [CellKey]) -> [Effect] {
        guard scope == s.board.scope, filter == s.board.filter else { return [] }
        s.board.marks.formUnion(keys)
        s.message = StatusMessage("已标记 \(s.board.marks.count) 格")
        return []
    }

    static func move(_ s: inout AppState, rows delta: Int) -> [Effect] {
        guard s.board.total > 0 else { return [] }
        s.board.cursorRow = max(0, min(s.board.total - 1, s.board.cursorRow + delta))
        return scrollToCursor(&s)
    }

    static func moveColumn(_ s: inout AppState, by delta: Int) -> [Effect] {
        guard !s.board.themes.isEmpty else { return [] }
        s.board.cursorColumn = max(0, min(s.board.themes.count - 1, s.board.cursorColumn + delta))
        return scrollToCursor(&s)
    }

    /// Keeps the cursor on screen and asks for rows that are not fetched yet.
    static func scrollToCursor(_ s: inout AppState) -> [Effect] {
        let layout = BoardLayout(width: s.width, themes: s.board.themes.count)
        s.board.rowOffset = ListView.offset(selection: s.board.cursorRow, offset: s.board.rowOffset,
                                            visible: s.boardVisibleRows, count: s.board.total)
        s.board.columnOffset = ListView.offset(selection: s.board.cursorColumn, offset: s.board.columnOffset,
                                               visible: layout.visibleColumns, count: s.board.themes.count)
        return ensureWindow(&s)
    }

    /// Requests a window around the visible rows when they are not all fetched. The window is three
    /// screens tall, so holding a key down fetches once per screen, and memory stays bounded by it.
    static func ensureWindow(_ s: inout AppState) -> [Effect] {
        let b = s.board
        let visible = s.boardVisibleRows
        let needEnd = min(b.total, b.rowOffset + visible)
        let have = b.windowOffset..<(b.windowOffset + b.rows.count)
        guard b.total > 0, !b.loading, !(have.contains(b.rowOffset) && needEnd <= have.upperBound) else { return [] }
        s.board.loading = true
        let start = max(0, b.rowOffset - visible)
        return [.loadBoard(scope: b.scope, filter: b.filter, offset: start, limit: visible * 3, total: b.total, anchor: anchor(b, near: start))]
    }

    /// A loaded row next to where the new window starts, so the store can seek instead of skip.
    static func anchor(_ b: BoardState, near start: Int) -> WindowAnchor? {
        guard !b.rows.isEmpty else { return nil }
        // The loaded row just before the new window (or the first loaded row when the window is above it).
        let index = max(b.windowOffset, min(b.windowOffset + b.rows.count - 1, start - 1))
        let row = b.rows[index - b.windowOffset]
        return WindowAnchor(index: index, key: row.orderKey)
    }

    /// Reloads the fetched window in place (after a change by another process or a screen switch).
    static func reloadWindow(_ s: inout AppState) -> [Effect] {
        s.board.loading = true
        let visible = s.boardVisibleRows
        return [.loadBoard(scope: s.board.scope, filter: s.board.filter, offset: max(0, s.board.rowOffset - visible),
                           limit: visible * 3, total: nil)]
    }

    /// Starts over for a new scope or filter.
    static func reload(_ s: inout AppState, resetCursor: Bool) -> [Effect] {
        if resetCursor {
            s.board.cursorRow = 0
            s.board.rowOffset = 0
        }
        s.board.rows = []
        s.board.windowOffset = 0
        s.board.marks = []
        s.board.anchor = nil
        return reloadWindow(&s)
    }

    static func loaded(_ s: inout AppState, total: Int, offset: Int, rows: [BoardRow]) -> [Effect] {
        s.board.loading = false
        s.board.total = total
        s.board.windowOffset = offset
        s.board.rows = rows
        s.board.cursorRow = max(0, min(s.board.cursorRow, total - 1))
        return scrollToCursor(&s)
    }

    static func click(_ s: inout AppState, x: Int, y: Int) -> [Effect] {
        let layout = BoardLayout(width: s.width, themes: s.board.themes.count)
        let row = s.board.rowOffset + (y - 2)
        guard y >= 2, y < 2 + s.boardVisibleRows, row < s.board.total else { return [] }
        s.board.cursorRow = row
        if x >= layout.firstCellX {
            let col = s.board.columnOffset + (x - layout.firstCellX) / layout.cellWidth
            if col < s.board.themes.count { s.board.cursorColumn = col }
        }
        return scrollToCursor(&s)
    }
}
