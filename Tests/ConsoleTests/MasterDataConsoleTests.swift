import Foundation
import GridCore
import GridUI
import Testing
import TerminalKit
@testable import GridApp

/// The browser's master-data form over the real store: the change lands through the services with its audit row, the
/// board and browser show it at once, and a refusal stays in the form with nothing written.
@Suite("Master data from the console", .serialized)
struct MasterDataConsoleTests {
    @Test("a on a street adds a community: written with its audit row, on the board and in the browser at once")
    func addCommunity() throws {
        let h = try ConsoleHarness()
        let total = h.console.state.board.total
        let audit = try h.store.latestAuditID()
        h.press([.tab, .tab, .tab, .enter])
        let street = try #require(h.console.state.browser.last?.selected?.ref)
        h.press([.char("a")])
        h.type("滨江壹号院")
        h.press([.tab] + Array(repeating: Key.backspace, count: 4))
        h.type("农贸市场")
        h.press([.enter])
        #expect(h.console.state.overlay == nil, "\(String(describing: h.console.state.overlay))")
        #expect(h.console.state.message?.text.contains("滨江壹号院") == true, "\(h.console.state.message?.text ?? "")")
        let found = try h.store.findNodes("滨江壹号院", levels: [.community])
        #expect(found.count == 1 && found.first?.path.hasSuffix(street.name) == true)
        let rows = try h.store.auditTrail(AuditQuery(limit: 5)).filter { $0.record.id > audit }
        #expect(rows.count == 1)
        #expect(rows.first?.record.entry.entity == .community && rows.first?.record.source == .console)
        #expect(rows.first?.record.entry.newValue == "\(street.name)/滨江壹号院")
        #expect(try h.store.check().isEmpty)
        // The board (all communities) counts it, and the street's column lists it when opened.
        h.press([.enter])
        #expect(h.console.state.browser.last?.items.contains { $0.ref?.name == "滨江壹号院" } == true)
        #expect(h.rows.joined().contains("滨江壹号院"))
        h.press([.tab])
        #expect(h.console.state.board.total == total + 1)
    }

    @Test("a duplicate is refused in the form, which stays open; nothing is written")
    func duplicateStaysInForm() throws {
        let h = try ConsoleHarness()
        h.press([.tab, .tab, .tab, .enter, .enter])
        let existing = try #require(h.console.state.browser.last?.selected?.ref?.name)
        h.press([.char("h"), .char("a")])
        let audit = try h.store.latestAuditID()
        h.type(existing)
        h.press([.enter])
        guard case .masterDataForm(let form)? = h.console.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.error?.contains("already exists") == true, "\(form.error ?? "")")
        #expect(h.rows.joined().contains("already"))
        #expect(try h.store.latestAuditID() == audit)
        h.press([.escape])
        #expect(h.console.state.overlay == nil)
    }

    @Test("e on a unit changes its leader's phone, stored in its one form, audited with the original")
    func editUnit() throws {
        let h = try ConsoleHarness()
        h.press([.tab, .tab, .tab, .enter, .enter, .enter])
        let unit = try #require(h.console.state.browser.last?.selected?.ref)
        h.press([.char("e"), .tab, .tab, .tab] + Array(repeating: Key.backspace, count: 20))
        h.type("0576 87791234")
        h.press([.enter])
        #expect(h.console.state.overlay == nil, "\(h.console.state.message?.text ?? "")")
        guard case .unit(let id) = unit.node else { Issue.record("not a unit"); return }
        #expect(try h.store.unit(id: id)?.head.phone == "0576-87791234")
        let last = try #require(try h.store.auditTrail(AuditQuery(limit: 1)).first)
        #expect(last.record.entry.field == "head_phone" && last.record.entry.newValue == "0576-87791234")
        #expect(try h.store.check().isEmpty)
    }

    @Test("a clerk pressing a in the browser is told who may; no form, nothing written")
    func clerkRefused() throws {
        let h = try ConsoleHarness(login: "lina")
        let audit = try h.store.latestAuditID()
        h.press([.tab, .tab, .tab, .enter, .char("a")])
        #expect(h.console.state.overlay == nil)
        #expect(h.console.state.message?.isError == true)
        #expect(try h.store.latestAuditID() == audit)
    }
}
