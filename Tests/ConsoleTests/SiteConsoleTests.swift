import Foundation
import GridCore
import GridStore
import GridUI
import Testing
import TerminalKit
@testable import GridApp

/// The register in the console over the demo county: the dashboard's site panel and the board in site-number order.
@Suite("Console: the declared-site register", .serialized)
struct SiteConsoleTests {
    @Test("s on the dashboard lists every declared site as a traffic-light line; the red ones are drawn in the overdue role")
    func dashboardSites() throws {
        let h = try ConsoleHarness()
        h.press([.tab, .tab])
        #expect(h.console.settleBackground(seconds: 30))
        h.press([.char("s")])
        #expect(h.console.state.dashboard.showSites)
        let sites = try #require(h.console.state.dashboard.sites)
        #expect(sites.map(\.number) == Array(1...32))
        h.console.draw()
        #expect(h.rows.contains { $0.contains("申报点位 32 · 红") }, "\(h.rows)")
        #expect(h.rows.contains { $0.contains("◆1 ") && $0.contains(sites[0].community.name) }, "\(h.rows)")
        #expect(h.rows.contains { $0.contains("最近自查") })
        h.press([.char("s")])
        #expect(!h.console.state.dashboard.showSites)
    }

    @Test(":sort site puts ◆1 first on the board and :filter site 5-6 keeps two rows")
    func boardBySite() throws {
        let h = try ConsoleHarness()
        h.press([.char(":")] + "sort site".map { .char($0) } + [.enter])
        #expect(h.console.state.board.total == 32)
        #expect(h.console.state.board.rows.first?.community.declaredSite == 1)
        #expect(h.console.state.board.rows.map { $0.community.declaredSite ?? 0 } == Array(1...min(32, h.console.state.board.rows.count)))
        h.press([.char(":")] + "filter site 5-6".map { .char($0) } + [.enter])
        #expect(h.console.state.board.total == 2)
        #expect(h.rows.contains { $0.contains("◆5 ") }, "\(h.rows)")
    }
}

/// `n` on a case: the message goes out as OSC 52 through the backend and the notification is recorded.
@Suite("Console: notify at once", .serialized)
struct NotifyConsoleTests {
    @Test("n on the case detail sends one OSC 52 sequence holding the message and records a notify event")
    func notifyKey() throws {
        let h = try ConsoleHarness()
        h.press([.tab])
        #expect(h.console.state.screen == .cases)
        h.press([.enter])
        let number = try #require(h.console.state.caseDetail?.row.record.number)
        #expect(Bindings.on(.caseDetail, h.console.state).contains { $0.help.contains("OSC 52") && $0.help.contains("set-clipboard on") })
        h.press([.char("n")])
        let sent = h.backend.controlSequences
        #expect(sent.count == 1)
        let bytes = try #require(sent.first)
        #expect(Array(bytes.prefix(7)) == Array("\u{1B}]52;c;".utf8) && bytes.last == 0x07)
        let decoded = Data(base64Encoded: Data(bytes.dropFirst(7).dropLast())).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(decoded.contains("立即到场") && decoded.contains(number.description) && decoded.count <= 140, "\(decoded)")
        #expect(h.console.state.message?.text.contains("已复制并记录通知") == true)
        let events = try h.console.store.caseEvents(number)
        #expect(events.last?.event.action == "notify")
        #expect(h.console.state.caseDetail?.events.last?.event.action == "notify")
        #expect(h.rows.contains { $0.contains("通知到场") }, "\(h.rows)")
    }
}
