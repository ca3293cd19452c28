import GridCore
import GridPalette
import TerminalKit

/// The month's figures, then the league as a table (place, name, score, deductions) or one line's deductions.
enum DashboardView {
    static let league: [ColumnSpec] = [
        ColumnSpec("名次", min: 4, max: 4, priority: 9, trailing: true),
        ColumnSpec("名称", min: 10, max: 40, priority: 8),
        ColumnSpec("得分", min: 7, max: 7, priority: 7, trailing: true),
        ColumnSpec("扣分项", min: 6, max: 6, priority: 5, trailing: true),
        ColumnSpec("", min: 4, priority: 4),
    ]
    static let deductions: [ColumnSpec] = [
        ColumnSpec("案件", min: 10, max: 10, priority: 9),
        ColumnSpec("扣分", min: 6, max: 6, priority: 8, trailing: true),
        ColumnSpec("原因", min: 8, priority: 7),
    ]

    /// Lines of the month's figures above the panel: from 18 content lines the checking line (`coverageLine`) joins them;
    /// below, it takes the place of the 按主题 line, so a small screen keeps its league rows.
    static func figureLines(_ s: AppState) -> Int { s.contentHeight >= 18 ? 7 : 6 }

    /// League rows visible under the figures and the panel (the table's title and header take two lines).
    static func leagueRows(_ s: AppState) -> Int { max(1, s.contentHeight - figureLines(s) - panelHeight(s) - 2) }

    static func render(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) {
        guard let d = s.dashboard.data, d.byProperty == s.dashboard.byProperty else {
            b.put(s.dashboard.computing ? "计算中… computing" : "载入中… loading", x: 1, y: area.y + 1, width: area.width - 2, style: p[.muted])
            renderPanel(s, p, Rect(x: 0, y: area.y + figureLines(s), width: area.width, height: max(0, min(panelHeight(s), area.maxY - area.y - figureLines(s)))), &b)
            return
        }
        let m = d.metrics
        var lines: [(String, Role)] = []
        let countdown = d.daysToAssessment.map { "距测评 \($0) 天" } ?? "测评日期未设置 (config.toml assessment_date)"
        lines.append(("\(countdown) · 本期 \(d.period)" + (s.dashboard.computing ? " · 更新中… updating" : ""), .header))
        let c = d.cells
        lines.append(("网格 达标 \(c[.ok]) · 有问题 \(c[.problem]) · 整改中 \(c[.rectifying]) · 待复核 \(c[.recheck]) · 挂账 \(c[.parked]) · 逾期 \(c.overdue)",
                      c.overdue > 0 ? .overdue : .text))
        lines.append(("案件 发现 \(m.found)（上期 \(d.previous.found)）· 结案 \(m.closed) · 未结 \(m.open) · 逾期 \(m.overdue)", m.overdue > 0 ? .overdue : .text))
        lines.append(("结案率 \(Format.percent(m.closureRate)) · 按期结案率 \(Format.percent(m.onTimeRate)) · 返工率 \(Format.percent(m.reworkRate))", .text))
        lines.append(("近8周发现 \(CaseMetrics.sparkline(d.trend))  \(d.trend.map(String.init).joined(separator: " "))", .text))
        if figureLines(s) > 6 { lines.append(("按主题 " + d.themes.prefix(6).map { "\($0.name) \($0.count)" }.joined(separator: " · "), .muted)) }
        lines.append(coverageLine(d))
        for (i, line) in lines.enumerated() where i < area.height {
            b.put(line.0, x: 1, y: area.y + i, width: area.width - 2, style: p[line.1])
        }
        let panel = min(panelHeight(s), max(0, area.maxY - area.y - lines.count))
        renderPanel(s, p, Rect(x: 0, y: area.y + lines.count, width: area.width, height: panel), &b)
        let top = area.y + lines.count + panel + 1
        guard top < area.maxY else { return }
        if s.dashboard.showSites { return DashboardSites.render(s, p, Rect(x: 1, y: top - 1, width: area.width - 2, height: area.maxY - top + 1), &b) }
        let title = d.byProperty ? "物业企业得分（p 切换单位，Enter 扣分明细）" : "责任单位得分（p 切换物业，Enter 扣分明细）"
        b.put(title, x: 1, y: top - 1, width: area.width - 2, style: p[.header])
        let rect = Rect(x: 1, y: top, width: area.width - 2, height: area.maxY - top)
        let ranked = s.dashboard.ranked
        if s.dashboard.drill, ranked.indices.contains(s.dashboard.selection) {
            let line = ranked[s.dashboard.selection]
            b.put("\(line.name) 得分 \(Format.fixed(line.score, 2))", x: 1, y: top - 1, width: area.width - 2, style: p[.header])
            Table(deductions).render(rowCount: line.deductions.count, state: ListState(), in: rect, header: p[.muted], selected: nil,
                                     into: &b) { i in
                let x = line.deductions[i]
                return [(x.caseNumber.description, p[.text]), ("−" + Format.fixed(x.points, 2), p[.text]), (x.reason, p[.text])]
            }
            if line.deductions.isEmpty, rect.height > 1 { b.put("本期无扣分", x: 3, y: top + 1, width: area.width - 4, style: p[.muted]) }
            return
        }
        let table = Scoring.table(d.league)
        Table(league).render(rowCount: ranked.count, state: s.dashboard.list, in: rect, header: p[.muted], selected: p[.selection],
                             into: &b) { k in
            let line = ranked[k], bottom = table[k].isBottomThree
            let style = bottom ? p[.overdue] : p[.text]
            return [("\(table[k].place).", style), (line.name, style), (Format.fixed(line.score, 2), style),
                    ("\(line.deductions.count)", style), (bottom ? "倒数" : "", style)]
        }
        if ranked.isEmpty { b.put("本期无扣分", x: 1, y: top + 1, width: area.width - 2, style: p[.muted]) }
    }
}
