import Foundation
import GridCore
import GridStore
import GridTheme
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

    @Test("the assessment panel arrives in the background; f selects a fix and Enter opens its cell on the board")
    func assessmentPanel() throws {
        let h = try ConsoleHarness()
        h.press([.tab, .tab], settle: false)
        #expect(h.console.state.dashboard.assessing)
        #expect(h.rows.contains { $0.contains("预计得分 计算中") }, "\(h.rows)")
        #expect(h.console.settleBackground(seconds: 30))
        h.console.draw()
        let panel = try #require(h.console.state.dashboard.assessment?.summary)
        #expect(h.rows.contains { $0.contains(panel.outcome.headline) })
        #expect(h.rows.contains { $0.contains("失分最多") })
        // The panel's figures are `civgrid assess`'s: the same runs and seed over the same board.
        let engine = AssessmentEngine(store: h.store)
        let model = try engine.model(nil, variables: [:])
        let direct = try engine.simulate(model, board: try engine.board(model, scope: .all, today: ConsoleHarness.clock.today),
                                         today: ConsoleHarness.clock.today, asOf: ConsoleHarness.clock.today, runs: 10_000, seed: 2026)
        #expect(direct.expected == panel.outcome.expected)
        h.press([.char("f"), .char("j")])
        #expect(h.console.state.dashboard.fixFocus && h.console.state.dashboard.fixList.selection == 1)
        let fix = panel.fixes[1]
        h.press([.enter])
        #expect(h.console.state.screen == .board)
        #expect(h.console.state.board.cursorKey == fix.key, "the board's cursor is on the fix's cell")
    }

    @Test("a change made elsewhere while the dashboard shows recomputes the panel")
    func recomputedAfterChanges() throws {
        let h = try ConsoleHarness()
        h.press([.tab, .tab])
        let before = try #require(h.console.state.dashboard.assessment?.summary)
        // Another process moves the cases of a listed fix one step on (closed, or submitted for re-check, which the
        // assessors find less often): the panel is asked for again, scores higher, and the cell gains less or is gone.
        let other = ChangeContext(actor: ConsoleHarness.admin, osUser: "tester", source: .cli, clock: ConsoleHarness.clock)
        let closing: [CaseState: CaseAction] = [.reported: .fixOnSite, .submitted: .verify, .rectifying: .submit]
        var chosen: (AssessmentFixRow, [CaseRecord])?
        for fix in before.fixes where chosen == nil {
            let open = try h.store.cases(openOnly: true, communityID: fix.key.communityID, limit: 50).filter { $0.themeID == fix.key.themeID }
            if !open.isEmpty, open.allSatisfy({ closing[$0.state] != nil }) { chosen = (fix, open) }
        }
        let (fix, open) = try #require(chosen, "a listed fix whose cases move on in one step")
        let elsewhere = try SQLiteStore.open(path: h.folder.appendingPathComponent("grid.sqlite").path)
        defer { elsewhere.close() }
        for c in open { _ = try GridServices(elsewhere, calendar: .weekendsOnly).moveCases([c.number], closing[c.state]!, reason: "", context: other) }
        h.console.pollExternalChanges()
        #expect(h.console.state.dashboard.assessing)
        #expect(h.console.settleBackground(seconds: 30))
        let after = try #require(h.console.state.dashboard.assessment?.summary)
        #expect(after.outcome.expected > before.outcome.expected)
        #expect(after.fixes.first { $0.key == fix.key }.map { $0.gain < fix.gain } ?? true)
    }

    @Test("a broken assessment.toml is shown on the panel with its file and line; the rest of the dashboard works")
    func brokenModel() throws {
        let h = try ConsoleHarness()
        let broken = AssessmentFile.Source(text: "target = 95\n[[sample]]\nkind = \"castle\"\ncount = 1\n", path: "/etc/civgrid/assessment.toml")
        let runner = EffectRunner(store: h.store, context: h.console.context, assessmentFile: broken)
        let actions = runner.perform(.loadAssessment)
        guard case .assessmentLoaded(let panel) = try #require(actions.first) else {
            Issue.record("expected the panel, got \(actions)")
            return
        }
        #expect(panel.summary == nil)
        #expect(panel.problem?.contains("/etc/civgrid/assessment.toml:3: [[sample]] castle: kind must be one of") == true, "\(panel.problem ?? "")")
        h.press([.tab, .tab])
        h.console.dispatch(.assessmentLoaded(panel))
        h.console.draw()
        #expect(h.rows.contains { $0.contains("测评模型有误 assessment.toml: /etc/civgrid/assessment.toml:") }, "\(h.rows)")
        #expect(h.rows.contains { $0.contains("结案率") })
        #expect(h.console.state.dashboard.fixFocus == false)
    }
}
