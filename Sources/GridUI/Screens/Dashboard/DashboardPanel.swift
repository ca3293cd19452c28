import GridCore
import GridPalette
import TerminalKit

/// The assessment panel of the dashboard: `预计得分 92.4 (90.1–94.0) · 目标 95 · 达到目标概率 18%`, the indicators losing
/// most, and the fixes that gain most (`f` to move in them, `Enter` to jump to the cell).
extension DashboardView {
    /// Fix rows shown at once.
    static let fixRows = 3

    static let fixColumns: [ColumnSpec] = [
        ColumnSpec("提分", min: 6, max: 6, priority: 9, trailing: true),
        ColumnSpec("小区", min: 8, max: 24, priority: 8),
        ColumnSpec("主题", min: 6, max: 14, priority: 7),
        ColumnSpec("期限", min: 5, max: 10, priority: 5),
        ColumnSpec("案件", min: 9, max: 9, priority: 4),
        ColumnSpec("责任单位", min: 6, priority: 3),
    ]

    /// Lines the panel takes: none below 12 content lines (the league keeps its rows), the headline alone below 18, and
    /// with the losses and the fixes from 18.
    static func panelHeight(_ s: AppState) -> Int {
        guard s.contentHeight >= 12 else { return 0 }
        guard s.contentHeight >= 18 else { return 1 }
        return (s.dashboard.assessment?.fixes.isEmpty ?? true) ? 2 : 4 + fixRows
    }

    static func renderPanel(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) {
        guard area.height > 0 else { return }
        let x = 1, width = area.width - 2
        let updating = s.dashboard.assessing ? " · 更新中… updating" : ""
        guard let panel = s.dashboard.assessment else {
            b.put("预计得分 计算中… (测评模拟 assessment simulation)", x: x, y: area.y, width: width, style: p[.muted])
            return
        }
        guard let summary = panel.summary else {
            b.put("测评模型有误 assessment.toml: " + (panel.problem ?? "").split(separator: "\n").first.map(String.init).orEmpty,
                  x: x, y: area.y, width: width, style: p[.error])
            return
        }
        let o = summary.outcome
        b.put(o.headline + updating, x: x, y: area.y, width: width, style: p[o.expected + 1e-9 >= o.target ? .header : .overdue])
        guard area.height > 1 else { return }
        let losing = o.indicators.filter { $0.expectedLoss > 0.005 }.prefix(3)
            .map { "\($0.indicator.name) −\(AssessmentOutcome.points($0.expectedLoss, 1))" }
        b.put("失分最多 " + (losing.isEmpty ? "无" : losing.joined(separator: " · ")), x: x, y: area.y + 1, width: width, style: p[.text])
        guard area.height > 3, !summary.fixes.isEmpty else { return }
        let focus = s.dashboard.fixFocus
        b.put(focus ? "先整改（Enter 跳到网格，f 返回排名）" : "先整改（f 选择，Enter 跳到网格）", x: x, y: area.y + 2, width: width, style: p[.header])
        let rect = Rect(x: x, y: area.y + 3, width: width, height: min(area.height - 3, fixRows + 1))
        Table(fixColumns).render(rowCount: summary.fixes.count, state: s.dashboard.fixList, in: rect, header: p[.muted],
                                 selected: focus ? p[.selection] : nil, into: &b) { i in
            let f = summary.fixes[i]
            let due = f.dueOn.map { String($0.description.dropFirst(5)) + (f.overdue ? "逾期" : "") } ?? "—"
            let style = f.overdue ? p[.overdue] : p[.text]
            return [("+" + AssessmentOutcome.points(f.gain, 2), p[.text]), (f.communityName, p[.text]), (f.themeName, p[.text]),
                    (due, style), (f.caseNumber?.description ?? "—", p[.text]), (f.unitName, p[.muted])]
        }
    }
}

extension Optional where Wrapped == String {
    /// The text, or empty.
    var orEmpty: String { self ?? "" }
}
