import GridCore
import GridPalette
import TerminalKit

/// The board: frozen header row and name column, one short label per cell, colour as a second channel.
enum BoardView {
    static func render(_ s: AppState, _ theme: Palette, _ area: Rect, _ b: inout Buffer) {
        let layout = BoardLayout(width: s.width, themes: s.board.themes.count)
        let board = s.board
        header(s, layout, theme, area, &b)
        guard board.total > 0 else {
            let text = board.loading ? "载入中… loading" : "没有符合条件的小区 (no communities in this scope and filter)"
            b.put(text, x: 1, y: area.y + 2, width: area.width - 2, style: theme[.muted])
            return
        }
        for i in 0..<s.boardVisibleRows {
            let index = board.rowOffset + i
            guard index < board.total else { break }
            let y = area.y + 1 + i
            guard let row = board.row(at: index) else {
                b.put("…", x: 0, y: y, width: layout.nameWidth, style: theme[.muted])
                continue
            }
            line(s, row, index: index, y: y, layout, theme, &b)
        }
    }

    static func header(_ s: AppState, _ layout: BoardLayout, _ theme: Palette, _ area: Rect, _ b: inout Buffer) {
        let y = area.y
        b.put(" 小区/点位", x: 0, y: y, width: layout.nameWidth, style: theme[.header])
        if layout.streetWidth > 0 {
            b.put("街道", x: layout.nameWidth + 1, y: y, width: layout.streetWidth, style: theme[.header])
        }
        for (i, theme_) in visibleThemes(s, layout) {
            let x = layout.firstCellX + i * layout.cellWidth
            // Whole theme names when the cells have widened enough, else their first characters.
            let whole = b.measure.of(theme_.zh) <= layout.cellWidth - 2
            let heading = whole ? theme_.zh : Labels.themeHeading(theme_, narrow: layout.narrow)
            b.put(" " + heading, x: x, y: y, width: layout.cellWidth, style: theme[.header])
        }
    }

    static func visibleThemes(_ s: AppState, _ layout: BoardLayout) -> [(Int, CheckTheme)] {
        let themes = s.board.themes
        let start = min(s.board.columnOffset, themes.count)
        let end = min(themes.count, start + layout.visibleColumns)
        return (start..<end).enumerated().map { ($0.offset, themes[$0.element]) }
    }

    static func line(_ s: AppState, _ row: BoardRow, index: Int, y: Int, _ layout: BoardLayout, _ theme: Palette, _ b: inout Buffer) {
        let onCursorRow = index == s.board.cursorRow
        let site = row.community.declaredSite.map { "◆\($0) " } ?? ""
        // A one-column gutter marks the cursor row: moving down rewrites two gutter cells and two
        // board cells, not two whole names (a few dozen bytes over SSH).
        b.put(onCursorRow ? ">" : " ", x: 0, y: y, style: onCursorRow ? theme[.selection] : theme[.text])
        b.put(site + row.community.name, x: 1, y: y, width: layout.nameWidth - 1, style: theme[.text])
        if layout.streetWidth > 0 {
            b.put(row.streetName, x: layout.nameWidth + 1, y: y, width: layout.streetWidth, style: theme[.muted])
        }
        for (i, t) in visibleThemes(s, layout) {
            let x = layout.firstCellX + i * layout.cellWidth
            let column = s.board.columnOffset + i
            cell(s, row, t, isCursor: onCursorRow && column == s.board.cursorColumn, x: x, y: y, layout, theme, &b)
        }
    }

    /// One cell: mark, label, overdue flag. Text carries the meaning; the style repeats it.
    static func cell(_ s: AppState, _ row: BoardRow, _ t: CheckTheme, isCursor: Bool, x: Int, y: Int,
                     _ layout: BoardLayout, _ theme: Palette, _ b: inout Buffer) {
        guard let cell = row.cells[t.id] else {
            b.put(layout.narrow ? " · " : "  ·   ", x: x, y: y, width: layout.cellWidth, style: isCursor ? theme[.selection] : theme[.muted])
            return
        }
        let key = CellKey(communityID: row.community.id, themeID: t.id)
        let marked = s.board.marks.contains(key)
        let overdue = cell.isOverdue(today: s.today)
        var style = theme[.status(cell.status)]
        if overdue { style = theme[.overdue] }
        if s.highlights[key] != nil { style = theme[.changedByOthers] }
        if marked { style = merge(style, theme[.marked]) }
        if isCursor { style = theme[.selection] }
        let text: String
        if layout.narrow {
            text = Labels.tiny(cell.status) + (overdue ? "!" : marked ? "*" : " ")
        } else {
            text = (marked ? "*" : " ") + Labels.short(cell.status) + (overdue ? "!" : " ")
        }
        b.put(text, x: x, y: y, width: layout.cellWidth, style: style)
    }

    /// A marked cell keeps its status colour and gains the marked attributes.
    static func merge(_ base: Style, _ mark: Style) -> Style {
        var s = base
        s.bold = s.bold || mark.bold
        s.underline = s.underline || mark.underline
        s.reverse = s.reverse || mark.reverse
        return s
    }
}
