import Foundation
import GridCore
import GridUI
import Testing
import TerminalKit
@testable import GridApp

@Suite("The dashboard is gathered in the background", .serialized)
struct DashboardConsoleTests {
    @Test("Tab to the dashboard returns at once with “computing…”; the figures arrive on a later poll")
    func computing() throws {
        let h = try ConsoleHarness()
        h.press([.tab, .tab], settle: false)
        #expect(h.console.state.screen == .dashboard)
        #expect(h.console.state.dashboard.computing)
        #expect(h.console.state.dashboard.data == nil)
        #expect(h.rows.contains { $0.contains("计算中") }, "\(h.rows)")
        // Keys keep working while the figures are computed.
        h.press([.char("?"), .escape], settle: false)
        #expect(h.console.settleBackground(seconds: 30))
        h.console.draw()
        #expect(!h.console.state.dashboard.computing)
        #expect(h.console.state.dashboard.data != nil)
        #expect(h.rows.contains { $0.contains("结案率") })
        // Switching the league keeps the old figures on screen, marked as being updated, until the new ones arrive.
        h.press([.char("p")], settle: false)
        #expect(h.console.state.dashboard.computing)
        #expect(h.console.settleBackground(seconds: 30))
        h.console.draw()
        #expect(h.console.state.dashboard.data?.byProperty == true)
        #expect(h.rows.contains { $0.contains("物业企业得分") })
    }

    @Test("figures for a league no longer asked for are dropped")
    func stale() {
        var s = AppState(width: 80, height: 24, login: "z", role: .admin, databaseName: "g", today: ConsoleHarness.clock.today)
        s.dashboard.byProperty = true
        s.dashboard.computing = true
        _ = Reducer.reduce(&s, .dashboardLoaded(DashboardData(period: "2026-11", daysToAssessment: nil, cells: StatusCounts(),
                                                              metrics: CaseMetrics.compute([], asOf: s.today),
                                                              previous: CaseMetrics.compute([], asOf: s.today), trend: [], themes: [],
                                                              league: [], byProperty: false)))
        #expect(s.dashboard.data == nil)
        #expect(s.dashboard.computing)
    }
}
