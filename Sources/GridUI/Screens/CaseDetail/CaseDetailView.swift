import GridCore
import GridPalette
import TerminalKit

/// The case record, its chains, and the timeline as a table with an operator column and Chinese action labels.
enum CaseDetailView {
    static let timeline: [ColumnSpec] = [
        ColumnSpec("时间", min: 16, max: 16, priority: 9),
        ColumnSpec("操作人", min: 6, max: 12, priority: 6),
        ColumnSpec("动作", min: 6, max: 12, priority: 8),
        ColumnSpec("结果", min: 6, max: 10, priority: 7),
        ColumnSpec("原因", min: 8, priority: 5),
    ]

    /// A chain in full: the lead unit with its head (责任领导) and liaison (责任人), the property company and its manager.
    static func chainText(_ c: ChainSnapshot) -> String {
        guard !c.unitName.isEmpty else { return "未分配" }
        let property = c.propertyName.map { "物业 \($0)" + (c.manager.map { "  经理 \($0.display)" } ?? "") } ?? "物业 无物业"
        return "\(c.unitName)  负责人 \(c.head.display)  联络员 \(c.liaison.display)  \(property)"
    }

    /// Who the case was dispatched to (交办): the handling unit, or that it has not been dispatched yet.
    static func handlingText(_ d: CaseDetailData) -> String {
        d.row.record.handlingUnitID == nil ? "承办单位 未交办 (not dispatched yet)" : "承办单位 \(d.row.unitName)"
    }

    static func render(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) {
        guard let d = s.caseDetail else { return }
        let c = d.row.record
        let light = CasesView.light(c, today: s.today)
        var lines: [(String, Role)] = [
            ("案件 \(c.number)  \(c.state.zh)\(c.isOverdue(today: s.today) ? "  逾期" : "")\(c.escalated ? "  督办" : "")", light),
            ("\(d.row.communityName) · \(d.row.themeName)\(c.location.isEmpty ? "" : "（\(c.location)）")", .header),
            ("问题 \(c.description)", .text),
            ("来源 \(c.source.zh) · \(c.deadlineClass.zh) · 期限 \(c.dueOn?.description ?? "—") · 延期 \(c.extensionCount) · 返工 \(c.reworkCount)", .text),
            (handlingText(d), .text),
            ("登记时责任链 \(chainText(c.chain))", .text),
            ("当前责任链   \(chainText(d.currentChain))", d.currentChain.unitName == c.chain.unitName ? .muted : .overdue),
        ]
        lines += CaseAttachmentLines.lines(d.attachments, offsetSeconds: s.utcOffsetSeconds, room: area.height)
        lines.append(("经过 timeline (\(d.events.count))", .header))
        for (i, line) in lines.prefix(area.height).enumerated() {
            b.put(line.0, x: 1, y: area.y + i, width: area.width - 2, style: p[line.1])
        }
        let top = area.y + lines.count
        guard top + 1 < area.maxY else { return }
        let rect = Rect(x: 1, y: top, width: area.width - 2, height: area.maxY - top)
        Table(timeline).render(rowCount: d.events.count, state: d.list, in: rect, header: p[.muted], selected: nil, into: &b) { i in
            let e = d.events[i]
            return [(e.at.minuteText(offsetSeconds: s.utcOffsetSeconds), p[.text]), (e.event.actor, p[.text]),
                    (CaseTransitions.zh(e.event.action), p[.text]), ("→ \(e.event.to.zh)", p[.text]), (e.event.reason, p[.muted])]
        }
    }
}
