import GridCore
import GridPalette
import TerminalKit

/// The cell detail: the chain responsible for the cell, then its history from the audit trail as a table (time,
/// operator, what changed, from, to, note) in the widths of the one `ColumnRule`, scrolled by `j`/`k`.
enum CellDetailView {
    static let history: [ColumnSpec] = [
        ColumnSpec("时间", min: 16, max: 16, priority: 9),
        ColumnSpec("操作人", min: 6, max: 12, priority: 7),
        ColumnSpec("项目", min: 4, max: 6, priority: 4),
        ColumnSpec("原值", min: 4, max: 10, priority: 6),
        ColumnSpec("新值", min: 4, max: 10, priority: 8),
        ColumnSpec("说明", min: 8, priority: 5),
    ]

    static func render(_ s: AppState, _ theme: Palette, _ area: Rect, _ b: inout Buffer) {
        guard let d = s.detail else { return }
        let lines = header(d, today: s.today)
        for (i, line) in lines.prefix(area.height).enumerated() {
            b.put(line.0, x: 1, y: area.y + i, width: area.width - 2, style: theme[line.1])
        }
        let top = area.y + lines.count
        guard top + 1 < area.maxY else { return }
        if d.history.isEmpty {
            b.put("暂无记录", x: 1, y: top, width: area.width - 2, style: theme[.muted])
            return
        }
        let rect = Rect(x: 1, y: top, width: area.width - 2, height: area.maxY - top)
        let state = ListState(selection: 0, offset: scrollOffset(d, visible: rect.height - 1))
        Table(history).render(rowCount: d.history.count, state: state, in: rect, header: theme[.muted], selected: nil,
                              into: &b) { i in
            let cells = row(d.history[i], utcOffset: s.utcOffsetSeconds)
            return [(cells[0], theme[.text]), (cells[1], theme[.text]), (cells[2], theme[.muted]),
                    (cells[3], theme[.muted]), (cells[4], theme[.text]), (cells[5], theme[.muted])]
        }
    }

    /// The lines above the history table: the cell, its status, note and responsibility chain.
    static func header(_ d: CellDetail, today: Day) -> [(String, Role)] {
        let c = d.cell
        var lines: [(String, Role)] = [("\(d.communityName) · \(d.theme.zh)   [\(d.streetName)]", .header)]
        var status = "状态 \(c.status.zh)"
        if let due = c.dueOn { status += "   期限 \(due)" }
        if c.isOverdue(today: today) { status += "   逾期" }
        lines.append((status, c.isOverdue(today: today) ? .overdue : .status(c.status)))
        if !c.note.isEmpty { lines.append(("说明 \(c.note)", .text)) }
        lines.append(("责任链 chain", .header))
        if d.chain.isEmpty { lines.append(("未分配责任单位", .muted)) }
        for link in d.chain {
            let u = link.unit
            lines.append(("\(link.assignment.role.zh) \(u.name)  负责人 \(u.head.display)  联络员 \(u.liaison.display)", .text))
            let p = link.property.map { "   物业 \($0.name)  项目经理 \($0.manager.display)" } ?? "   无物业（自管）"
            lines.append((p, .muted))
        }
        lines.append(("历史 history (\(d.history.count))", .header))
        return lines
    }

    /// One audit row as the table's cells: statuses by their Chinese names, fields by a Chinese label.
    static func row(_ row: AuditRow, utcOffset: Int) -> [String] {
        let r = row.record, e = r.entry
        func value(_ raw: String?) -> String {
            guard let raw, !raw.isEmpty else { return "—" }
            return e.field == "status" ? CellStatus(rawValue: raw)?.zh ?? raw : raw
        }
        let field = ["status": "状态", "due_on": "期限", "note": "说明"][e.field] ?? e.field
        return [r.at.minuteText(offsetSeconds: utcOffset), r.operatorLogin, field, value(e.oldValue), value(e.newValue), e.note]
    }

    /// The history's first shown row: `j`/`k` move it, clamped so the last page stays full.
    static func scrollOffset(_ d: CellDetail, visible: Int) -> Int {
        max(0, min(d.offset, d.history.count - max(1, visible)))
    }
}
