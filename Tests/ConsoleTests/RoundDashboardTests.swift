import Foundation
import GridCore
import GridStore
import GridUI
import Testing
@testable import GridApp

@Suite("The dashboard's checking line", .serialized)
struct RoundDashboardTests {
    @Test("the round in progress shows its coverage and the declared sites not checked this week, gathered with the figures")
    func coverageLine() throws {
        let h = try ConsoleHarness()
        let services = GridServices(h.store)
        let context = h.console.context
        let street = try #require(try h.store.communities(in: .all, filter: .none, offset: 0, limit: 1, today: ConsoleHarness.clock.today)
            .first?.community.streetID)
        let draft = RoundDraft(name: "12月第1周两督", kind: .jointSupervision, from: ConsoleHarness.clock.today,
                               to: ConsoleHarness.clock.today.adding(days: 6), scope: RoundScope(streetIDs: [street]))
        let round = try services.startRound(try services.addRound(draft, context: context).id, context: context)
        let site = try #require(try h.store.communities(in: .all, filter: CommunityFilter(declaredOnly: true), offset: 0, limit: 1,
                                                          today: ConsoleHarness.clock.today).first)
        let cell = try #require(try h.store.cells(communityID: site.community.id).first { $0.cell.status == .ok }?.cell)
        _ = try services.inspect(InspectionRequest(cell: CellKey(communityID: cell.communityID, themeID: cell.themeID), result: .ok),
                                 context: context)
        let runner = EffectRunner(store: h.store, context: context)
        guard case .dashboardLoaded(let data) = try #require(runner.perform(.loadDashboard(byProperty: false)).first) else {
            Issue.record("expected the dashboard's figures")
            return
        }
        let line = try #require(data.coverage)
        #expect(line.round == "#\(round.id) 两督 12月第1周两督")
        #expect(line.roundCoverage?.checkedCells == 0 && (line.roundCoverage?.cells ?? 0) > 0)
        #expect(line.declaredSites == 32 && line.staleDeclaredSites == 31)
        h.press([.tab, .tab])
        h.console.dispatch(.dashboardLoaded(data))
        h.console.draw()
        #expect(h.rows.contains { $0.contains("本轮 #\(round.id) 两督 12月第1周两督 覆盖 0/") && $0.contains("申报点位7天未查 31/32") }, "\(h.rows)")
    }
}
