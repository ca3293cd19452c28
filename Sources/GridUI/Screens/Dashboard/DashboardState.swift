import GridCore
import TerminalKit

extension Screen {
    /// The month's figures and the league tables.
    public static let dashboard = Screen("dashboard")
}

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
    /// Checking: the round in progress and declared sites not checked lately (nil on a store without rounds).
    public var coverage: DashboardCoverage?

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
            && a.coverage == b.coverage
    }

    public func hash(into h: inout Hasher) {
        h.combine(period)
        h.combine(league)
    }
}

/// The dashboard's own state: its data and the league-table cursor (on the first row shown, the top of the table).
public struct DashboardState: Hashable, Sendable {
    public var data: DashboardData?
    public var byProperty = false
    public var list = ListState()
    public var drill = false
    /// Whether figures are being gathered in the background (the last ones, if any, stay shown meanwhile).
    public var computing = false
    /// The predicted assessment score and the fixes, simulated in the background (nil until the first arrives).
    public var assessment: AssessmentPanel?
    /// Whether a simulation is running (the last figures, if any, stay shown meanwhile).
    public var assessing = false
    /// Keys move in the fixes (`f` toggles) instead of the league.
    public var fixFocus = false
    public var fixList = ListState()
    /// The declared sites (nil until loaded) and whether the lower table shows them instead of the league (`s`).
    public var sites: [DeclaredSite]?
    public var showSites = false
    public var siteList = ListState()

    /// The selected row of the table as shown (0 = first place).
    public var selection: Int { list.selection }

    /// The league as shown: highest score first.
    public var ranked: [ScoreLine] { Array((data?.league ?? []).reversed()) }

    public init() {}
}

/// The dashboard's assessment panel: the simulation's summary, or why there is none (a problem in assessment.toml).
public struct AssessmentPanel: Hashable, Sendable {
    public var summary: AssessmentSummary?
    /// What is wrong with the model, `file:line: …`, when it could not be read.
    public var problem: String?

    /// Creates a panel.
    public init(summary: AssessmentSummary?, problem: String? = nil) {
        self.summary = summary
        self.problem = problem
    }

    /// The fixes listed, best first.
    public var fixes: [AssessmentFixRow] { summary?.fixes ?? [] }
}
