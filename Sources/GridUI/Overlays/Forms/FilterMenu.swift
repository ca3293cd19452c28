import GridCore
import GridPalette
import TerminalKit

/// The board filter menu: one key per status, overdue only, declared sites only, clear.
enum FilterMenu {
    static func key(_ s: inout AppState, _ key: Key) -> [Effect] {
        var filter = s.board.filter
        switch key {
        case .escape, .enter, .char("f"), .char("q"):
            s.overlay = nil
            return []
        case .char("o"): filter.overdueOnly.toggle()
        case .char("d"): filter.declaredOnly.toggle()
        case .char("n"): filter.bySiteNumber.toggle()
        case .char("x"): filter = .none
        case .char(let c):
            guard let status = CellStatus.allCases.first(where: { $0.key == c }) else { return [] }
            if filter.statuses.remove(status) == nil { filter.statuses.insert(status) }
        default: return []
        }
        s.board.filter = filter
        s.screen = .board
        return BoardScreen.reload(&s, resetCursor: true)
    }

    static func view(_ s: AppState, _ theme: Palette, _ b: inout Buffer) {
        let f = s.board.filter
        var lines = CellStatus.allCases.map { status in
            ("\(status.key)", "\(f.statuses.contains(status) ? "[x]" : "[ ]") \(status.zh)", Role.status(status))
        }
        lines.append(("o", "\(f.overdueOnly ? "[x]" : "[ ]") 只看逾期 overdue only", .overdue))
        lines.append(("d", "\(f.declaredOnly ? "[x]" : "[ ]") 只看申报点位 declared sites", .text))
        lines.append(("n", "\(f.bySiteNumber ? "[x]" : "[ ]") 按◆编号排序 site order", .text))
        lines.append(("x", "清除筛选 clear", .text))
        let rect = Modal.centered(width: 40, height: lines.count + 3, in: b.area)
        let inner = Modal.frame(rect, title: "筛选 filter", glyphs: theme.glyphs, border: theme[.border], body: theme[.text], into: &b)
        for (i, line) in lines.enumerated() where inner.y + i < inner.maxY - 1 {
            b.put(line.0, x: inner.x + 1, y: inner.y + i, style: theme[.keyHintKey])
            b.put(line.1, x: inner.x + 3, y: inner.y + i, width: inner.width - 4, style: theme[line.2])
        }
        b.put("Enter/Esc 完成", x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: theme[.muted])
    }
}
