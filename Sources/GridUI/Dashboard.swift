import GridCore
import GridTheme
import TerminalKit

/// What the dashboard shows, gathered by one effect.
public struct DashboardData: Hashable, Sendable {
    public var period: String
    public var daysToAssessment: Int?
    public var cells: StatusCounts
    public var metrics: CaseMetrics
    public var previous: CaseMetrics
    public var trend: [Int]
    public var themes: [(name: String, count: Int)]
    /// Lowest score first.
    public var league: [ScoreLine]
    public var byProperty: Bool

    /// Creates dashboard data.
    public init(period: String, daysToAssessment: Int?, cells: StatusCounts, metrics: CaseMetrics, previous: CaseMetrics, trend: [Int],
                themes: [(name: String, count: Int)], league: [ScoreLine], byProperty: Bool) {
        self.period = period
        self.daysToAssessment = daysToAssessment
        self.cells = cells
        self.metrics = metrics
        self.previous = previous
        self.trend = trend
        self.themes = themes
        self.league = league
        self.byProperty = byProperty
    }

    public static func == (a: DashboardData, b: DashboardData) -> Bool {
        a.period == b.period && a.cells == b.cells && a.metrics == b.metrics && a.league == b.league && a.byProperty == b.byProperty
            && a.trend == b.trend && a.daysToAssessment == b.daysToAssessment
    }

    public func hash(into h: inout Hasher) {
        h.combine(period)
        h.combine(league)
    }
}

/// The dashboard's own state: its data and the league-table cursor.
public struct DashboardState: Hashable, Sendable {
    public var data: DashboardData?
    public var byProperty = false
    public var selection = 0
    public var drill = false

    public init() {}
}

enum DashboardReduce {
    static func key(_ s: inout AppState, _ key: Key) -> [Effect]? {
        switch key {
        case .char("p"):
            s.dashboard.byProperty.toggle()
            s.dashboard.selection = 0
            s.dashboard.drill = false
            return [.loadDashboard(byProperty: s.dashboard.byProperty)]
        case .enter:
            s.dashboard.drill.toggle()
            return []
        default:
            return nil
        }
    }

    static func perform(_ s: inout AppState, _ command: Command) -> [Effect] {
        let count = s.dashboard.data?.league.count ?? 0
        switch command {
        case .up: s.dashboard.selection -= 1
        case .down: s.dashboard.selection += 1
        case .top: s.dashboard.selection = 0
        case .bottom: s.dashboard.selection = count - 1
        case .close, .goUp: s.dashboard.drill = false
        default: return []
        }
        s.dashboard.selection = max(0, min(count - 1, s.dashboard.selection))
        return []
    }
}

enum DashboardView {
    static func percent(_ v: Double?) -> String { v.map { String(format: "%.0f%%", $0 * 100) } ?? "—" }

    static func render(_ s: AppState, _ theme: Theme, _ area: Rect, _ b: inout Buffer) {
        guard let d = s.dashboard.data else {
            b.put("载入中… loading", x: 1, y: area.y + 1, width: area.width - 2, style: theme[.muted])
            return
        }
        let m = d.metrics
        var lines: [(String, Role)] = []
        let countdown = d.daysToAssessment.map { "距测评 \($0) 天" } ?? "测评日期未设置 (config.toml assessment_date)"
        lines.append(("\(countdown) · 本期 \(d.period)", .header))
        let c = d.cells
        lines.append(("网格 达标 \(c[.ok]) · 有问题 \(c[.problem]) · 整改中 \(c[.rectifying]) · 待复核 \(c[.recheck]) · 挂账 \(c[.parked]) · 逾期 \(c.overdue)",
                      c.overdue > 0 ? .overdue : .text))
        lines.append(("案件 发现 \(m.found)（上期 \(d.previous.found)）· 结案 \(m.closed) · 未结 \(m.open) · 逾期 \(m.overdue)", m.overdue > 0 ? .overdue : .text))
        lines.append(("结案率 \(percent(m.closureRate)) · 按期结案率 \(percent(m.onTimeRate)) · 返工率 \(percent(m.reworkRate))", .text))
        lines.append(("近8周发现 \(CaseMetrics.sparkline(d.trend))  \(d.trend.map(String.init).joined(separator: " "))", .text))
        lines.append(("按主题 " + d.themes.prefix(6).map { "\($0.name) \($0.count)" }.joined(separator: " · "), .muted))
        for (i, line) in lines.enumerated() where i < area.height {
            b.put(line.0, x: 1, y: area.y + i, width: area.width - 2, style: theme[line.1])
        }
        let top = area.y + lines.count + 1
        guard top < area.maxY else { return }
        let title = d.byProperty ? "物业企业得分（p 切换单位，Enter 扣分明细）" : "责任单位得分（p 切换物业，Enter 扣分明细）"
        b.put(title, x: 1, y: top - 1 + 0, width: area.width - 2, style: theme[.header])
        let visible = area.maxY - top
        let ranked = Array(d.league.reversed())
        let selection = ranked.count - 1 - s.dashboard.selection
        if s.dashboard.drill, ranked.indices.contains(selection) {
            let line = ranked[selection]
            b.put("\(line.name) 得分 \(String(format: "%.2f", line.score))", x: 1, y: top, width: area.width - 2, style: theme[.header])
            for (i, d) in line.deductions.prefix(max(0, visible - 1)).enumerated() {
                b.put("\(d.caseNumber)  \(d.reason)  −\(String(format: "%.2f", d.points))", x: 3, y: top + 1 + i, width: area.width - 4, style: theme[.text])
            }
            if line.deductions.isEmpty, visible > 1 { b.put("本期无扣分", x: 3, y: top + 1, width: area.width - 4, style: theme[.muted]) }
            return
        }
        let table = Scoring.table(d.league)
        let offset = ListView.offset(selection: selection, offset: 0, visible: visible, count: ranked.count)
        for i in 0..<visible {
            let k = offset + i
            guard ranked.indices.contains(k) else { break }
            let line = ranked[k], bottom = table[k].isBottomThree
            let style = k == selection ? theme[.selection] : bottom ? theme[.overdue] : theme[.text]
            let text = "\(table[k].place). \(line.name)  \(String(format: "%.2f", line.score))  扣分项 \(line.deductions.count)" + (bottom ? "  倒数" : "")
            b.put(text, x: 1, y: top + i, width: area.width - 2, style: style)
        }
        if ranked.isEmpty { b.put("本期无扣分", x: 1, y: top, width: area.width - 2, style: theme[.muted]) }
    }
}
