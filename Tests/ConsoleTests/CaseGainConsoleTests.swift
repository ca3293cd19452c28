import Foundation
import GridCore
import GridUI
import Testing
import TerminalKit
@testable import GridApp

@Suite("The case queue by points gained, over the real store", .serialized)
struct CaseGainConsoleTests {
    @Test(":sort gain puts the case whose fix gains most first, as the simulator ranks it; paging reads windows by number")
    func sortGain() throws {
        let h = try ConsoleHarness(width: 120, height: 30)
        h.press([.tab])
        let open = h.console.state.cases.total
        h.press([.char(":")])
        h.type("sort gain")
        h.press([.enter], settle: false)
        #expect(h.console.settleBackground(seconds: 60))
        h.press([])
        h.console.draw()
        let q = h.console.state.cases
        #expect(q.sort == .gain && q.total == open, "every open case is still in the queue")
        let order = try #require(q.gainOrder)
        #expect(Set(order).count == open)
        // The simulator's own ranking (the same runs and seed as `civgrid assess` and the dashboard).
        let gains = try h.console.runner.cellGains(today: ConsoleHarness.clock.today)
        let first = try #require(q.selected)
        let firstGain = gains[CellKey(communityID: first.record.communityID, themeID: first.record.themeID)] ?? 0
        #expect(firstGain > 0)
        let keys = try h.store.caseQueueKeys(CaseQueueQuery(), today: ConsoleHarness.clock.today)
        #expect(keys.allSatisfy { (gains[$0.cell] ?? 0) <= firstGain }, "no open case gains more than the first")
        #expect(q.gains[first.record.number] == firstGain)
        #expect(h.rows.first?.contains("按挽回分排序") == true)
        #expect(h.rows.contains { $0.contains(first.record.number.description) && $0.contains("+") })
        // To the last case and back, window by window.
        h.press([.char("G")])
        #expect(h.console.state.cases.selected?.record.number == order.last)
        h.press([.char("g")])
        #expect(h.console.state.cases.selected?.record.number == order.first)
        #expect(h.console.state.cases.rows.count <= 3 * 30)
    }
}
