import GridCore
import GridPalette
import TerminalKit

/// The cell detail: the chain responsible for the cell and its history from the audit trail.
enum CellDetailView {
    static func render(_ s: AppState, _ theme: Palette, _ area: Rect, _ b: inout Buffer) {
        guard let d = s.detail else { return }
        var lines: [(String, Role)] = []
        let c = d.cell
        lines.append(("\(d.communityName) · \(d.theme.zh)   [\(d.streetName)]", .header))
        var status = "状态 \(c.status.zh)"
        if let due = c.dueOn { status += "   期限 \(due)" }
        if c.isOverdue(today: s.today) { status += "   逾期" }
        lines.append((status, c.isOverdue(today: s.today) ? .overdue : .status(c.status)))
        if !c.note.isEmpty { lines.append(("说明 \(c.note)", .text)) }
        lines.append(("", .text))
        lines.append(("责任链 chain", .header))
        if d.chain.isEmpty { lines.append(("未分配责任单位", .muted)) }
        for link in d.chain {
            let u = link.unit
            lines.append(("\(link.assignment.role.zh) \(u.name)  负责人 \(u.head.display)  联络员 \(u.liaison.display)", .text))
            let p = link.property.map { "   物业 \($0.name)  项目经理 \($0.manager.display)" } ?? "   无物业（自管）"
            lines.append((p, .muted))
        }
        lines.append(("", .text))
        lines.append(("历史 history (\(d.history.count))", .header))
        if d.history.isEmpty { lines.append(("暂无记录", .muted)) }
        for row in d.history {
            let r = row.record, e = r.entry
            let old = e.field == "status" ? CellStatus(rawValue: e.oldValue ?? "")?.zh ?? "—" : e.oldValue ?? "—"
            let new = e.field == "status" ? CellStatus(rawValue: e.newValue ?? "")?.zh ?? "—" : e.newValue ?? "—"
            let field = e.field == "status" ? "" : e.field == "due_on" ? "期限 " : "\(e.field) "
            let time = r.at.minuteText(offsetSeconds: s.utcOffsetSeconds)
            lines.append(("\(time)  \(r.operatorLogin)  \(field)\(old) → \(new)  \(e.note)", .text))
        }
        let offset = min(d.offset, max(0, lines.count - area.height))
        for (i, line) in lines.dropFirst(offset).prefix(area.height).enumerated() {
            b.put(line.0, x: 1, y: area.y + i, width: area.width - 2, style: theme[line.1])
        }
    }
}
