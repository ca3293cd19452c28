import Foundation
import GridCore
import GridStore
import Testing
import TerminalKit
@testable import GridApp

/// Live refresh reaches the case screens: a case voided or escalated from the command line shows in an open case
/// queue within a poll, without leaving the screen (a review found the queue and dashboard stale until Tab).
@Suite("Live refresh of the case queue", .serialized)
struct LiveCasesTests {
    @Test("another process records and escalates cases: the open queue's count and flags follow at the next poll")
    func queueFollows() throws {
        let h = try ConsoleHarness()
        h.press([.tab])
        #expect(h.console.state.screen == .cases)
        let total = h.console.state.cases.total
        let rows = h.console.state.cases.rows
        let escalated = try #require(rows.first { !$0.record.escalated }?.record)

        let admin = try #require(try h.store.operatorAccount(login: "admin"))
        let other = ChangeContext(actor: admin, osUser: "someone-else", source: .cli, clock: ConsoleHarness.clock)
        // Another process: its own connection (a commit on the console's own connection is not "someone else's").
        let services = GridServices(try SQLiteStore.open(path: h.store.path))
        let draft = CaseDraft(communityID: escalated.communityID, themeID: escalated.themeID, source: .citizen,
                              description: "群众反映楼道堆放杂物", deadlineClass: .threeDays)
        let recorded = try services.recordProblems([draft], context: other)
        _ = try services.moveCase(escalated.number, .escalate, reason: "", context: other)

        h.console.pollExternalChanges()
        h.console.settleBackground()
        h.console.draw()
        #expect(h.console.state.screen == .cases)
        #expect(h.console.state.cases.total == total + 1)
        #expect(recorded.count == 1)
        #expect(h.console.state.cases.rows.first { $0.record.number == escalated.number }?.record.escalated == true)
    }
}
