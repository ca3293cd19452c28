import GridCore
import GridPalette
import TerminalKit

/// The case queue as a table: traffic lights by time left; state and the 督/急 flags in columns of their own.
enum CasesView {
    /// The queue's columns. Shrinking order (lowest priority goes first): unit, theme, due day, description, flags.
    static let columns: [ColumnSpec] = [
        ColumnSpec("编号", min: 10, max: 10, priority: 10),
        ColumnSpec("状态", min: 6, max: 8, priority: 9),
        ColumnSpec("督急", min: 4, max: 4, priority: 6),
        ColumnSpec("期限", min: 10, max: 10, priority: 3),
        ColumnSpec("剩余", min: 5, max: 5, priority: 8, trailing: true),
        ColumnSpec("小区", min: 8, max: 20, priority: 7),
        ColumnSpec("主题", min: 6, max: 12, priority: 2),
        ColumnSpec("责任单位", min: 8, max: 20, priority: 1),
        ColumnSpec("问题", min: 16, priority: 5),
    ]

    /// Green on track, yellow due within a working day or two, red overdue.
    static func light(_ c: CaseRecord, today: Day) -> Role {
        guard c.state.isOpen, let due = c.dueOn else { return .text }
        if due < today { return .overdue }
        if today.days(until: due) <= 1 { return .status(.rectifying) }
        return .status(.ok)
    }

    /// With `:sort gain`, the expected points gained by fixing the case come after the number.
    static let gainColumn = ColumnSpec("挽回分", min: 6, max: 6, priority: 9, trailing: true)

    static func render(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) {
        let q = s.cases
        let byGain = q.sort == .gain
        let table = Table(byGain ? [columns[0], gainColumn] + columns.dropFirst() : columns)
        guard q.total > 0 else {
            table.render(rowCount: 0, state: q.list, in: area, header: p[.header], selected: nil, into: &b) { _ in [] }
            b.put(q.loaded ? "没有未结案件 (no open cases)" : "载入中… loading", x: 1, y: area.y + 2, width: area.width - 2, style: p[.muted])
            return
        }
        table.render(rowCount: q.total, state: q.list, in: area, header: p[.header], selected: p[.selection], into: &b) { i in
            // A row outside the fetched window is being fetched: it shows as a placeholder for that moment.
            guard let row = q.row(at: i) else { return [("…", p[.muted])] }
            let c = row.record
            let marked = q.marks.contains(c.number)
            let left = c.dueOn.map { "\(s.today.days(until: $0))天" } ?? "—"
            let flags = (c.escalated ? "督" : "") + (c.urgent ? "急" : "")
            // The state, due day and time left carry the traffic light; the rest reads plain.
            let lit = p[light(c, today: s.today)]
            let gain: [(String, Style)] = byGain ? [(q.gains[c.number].map { "+" + AssessmentOutcome.points($0, 2) } ?? "—", p[.muted])] : []
            return [((marked ? "*" : "") + c.number.description, p[.text])] + gain + [(c.state.zh, lit), (flags, p[.overdue]),
                    (c.dueOn?.description ?? "—", lit), (left, lit), (row.communityName, p[.text]), (row.themeName, p[.text]),
                    (row.unitName, p[.text]), (c.description, p[.text])]
        }
    }
}
