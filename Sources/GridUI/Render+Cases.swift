import GridCore
import GridTheme
import TerminalKit

/// The case queue (traffic lights by time left) and the case detail with both chains.
enum CaseView {
    static func render(_ s: AppState, _ theme: Theme, _ area: Rect, _ b: inout Buffer) {
        if let d = s.cases.detail {
            detail(d, s, theme, area, &b)
        } else {
            queue(s, theme, area, &b)
        }
        if let field = s.cases.filterField {
            let y = area.maxY - 1
            b.fill(Rect(x: 0, y: y, width: s.width, height: 1), style: theme[.text])
            let x = b.put("筛选 filter: ", x: 0, y: y, style: theme[.header])
            field.render(in: Rect(x: x, y: y, width: max(1, s.width - x), height: 1), style: theme[.text], into: &b)
        }
        if let pending = s.cases.pendingReason {
            let y = area.maxY - 1
            b.fill(Rect(x: 0, y: y, width: s.width, height: 1), style: theme[.text])
            let label = "原因 reason (\(pending.action)): "
            let x = b.put(label, x: 0, y: y, style: theme[.header])
            pending.field.render(in: Rect(x: x, y: y, width: max(1, s.width - x), height: 1), style: theme[.text], into: &b)
        }
    }

    /// Green on track, yellow due within a working day or two, red overdue.
    static func light(_ c: CaseRecord, today: Day) -> Role {
        guard c.state.isOpen, let due = c.dueOn else { return .text }
        if due < today { return .overdue }
        if today.days(until: due) <= 1 { return .status(.rectifying) }
        return .status(.ok)
    }

    static func queue(_ s: AppState, _ theme: Theme, _ area: Rect, _ b: inout Buffer) {
        let narrow = s.width < 80
        let columns: [(String, Int)] = narrow
            ? [("编号", 10), ("状态", 6), ("剩余", 5), ("小区", 12)]
            : [("编号", 10), ("状态", 8), ("期限", 10), ("剩余", 5), ("小区", 14), ("主题", 8), ("责任单位", 14)]
        let slots = TableLayout.positions(widths: columns.map(\.1), gap: 1, start: 0, width: s.width)
        let restX = slots.last.map { $0.x + $0.width + 1 } ?? 0
        for (slot, column) in zip(slots, columns) {
            b.put(column.0, x: slot.x, y: area.y, width: slot.width, style: theme[.header])
        }
        b.put("问题", x: restX, y: area.y, width: max(0, s.width - restX), style: theme[.header])
        guard !s.cases.rows.isEmpty else {
            b.put(s.cases.loaded ? "没有未结案件 (no open cases)" : "载入中… loading", x: 1, y: area.y + 2, width: area.width - 2, style: theme[.muted])
            return
        }
        let visible = s.boardVisibleRows
        for i in 0..<visible {
            let index = s.cases.offset + i
            guard s.cases.rows.indices.contains(index) else { break }
            let row = s.cases.rows[index], c = row.record
            let y = area.y + 1 + i
            let selected = index == s.cases.selection
            let marked = s.cases.marks.contains(c.number.description)
            let left = c.dueOn.map { "\(s.today.days(until: $0))天" } ?? "—"
            let flags = (c.escalated ? "督" : "") + (c.urgent ? "急" : "")
            let cells = narrow
                ? [(marked ? "*" : "") + c.number.description, c.state.zh, left, row.communityName]
                : [(marked ? "*" : "") + c.number.description, c.state.zh + flags, c.dueOn?.description ?? "—", left, row.communityName, row.themeName, row.unitName]
            for (k, slot) in slots.enumerated() {
                // The state, due day and time left carry the traffic light; the rest reads plain.
                let role: Role = (1...3).contains(k) ? light(c, today: s.today) : .text
                b.put(cells[k], x: slot.x, y: y, width: slot.width, style: selected ? theme[.selection] : theme[role])
            }
            b.put(c.description, x: restX, y: y, width: max(0, s.width - restX), style: selected ? theme[.selection] : theme[.text])
        }
    }

    static func detail(_ d: CaseDetailData, _ s: AppState, _ theme: Theme, _ area: Rect, _ b: inout Buffer) {
        let c = d.row.record
        var lines: [(String, Role)] = [
            ("案件 \(c.number)  \(c.state.zh)\(c.isOverdue(today: s.today) ? "  逾期" : "")\(c.escalated ? "  督办" : "")", light(c, today: s.today)),
            ("\(d.row.communityName) · \(d.row.themeName)\(c.location.isEmpty ? "" : "（\(c.location)）")", .header),
            ("问题 \(c.description)", .text),
            ("来源 \(c.source.zh) · \(c.deadlineClass.zh) · 期限 \(c.dueOn?.description ?? "—") · 延期 \(c.extensionCount) · 返工 \(c.reworkCount)", .text),
            ("", .text),
            ("登记时责任链 \(c.chain.unitName.isEmpty ? "未分配" : c.chain.unitName)  负责人 \(c.chain.head.display)  联络员 \(c.chain.liaison.display)  物业 \(c.chain.propertyName ?? "无物业")", .text),
            ("当前责任链   \(d.currentChain)", d.currentChain.hasPrefix(c.chain.unitName) ? .muted : .overdue),
            ("", .text),
            ("经过 timeline", .header),
        ]
        lines += d.events.map { ($0, Role.text) }
        for (i, line) in lines.prefix(area.height).enumerated() {
            b.put(line.0, x: 1, y: area.y + i, width: area.width - 2, style: theme[line.1])
        }
    }
}
