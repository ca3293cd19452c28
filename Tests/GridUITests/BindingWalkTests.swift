import GridCore
import Testing
import TerminalKit
@testable import GridUI

/// Every screen walked binding by binding: a listed key must do something (change the state or ask for an effect).
@Suite("Bindings: no dead keys")
struct BindingWalkTests {
    /// A state where every screen has something to act on, with the selection mid-list so moves go both ways.
    static func state(on screen: Screen) -> AppState {
        var s = UIFixture.state(total: 200)
        _ = UIFixture.press(&s, [.char("j"), .char("j"), .char("l"), .char(" ")], total: 200)
        let levels = [BrowserLevel(parent: nil, items: (0..<5).map { i in
            BrowserItem(ref: NodeRef(node: .street(RowID(i + 1)), name: "街道\(i)", path: ""), node: .street, counts: StatusCounts(),
                        hasChildren: true)
        }), BrowserLevel(parent: NodeRef(node: .street(1), name: "街道0", path: ""), items: (0..<5).map { i in
            BrowserItem(ref: NodeRef(node: .street(RowID(i + 1)), name: "街道\(i)", path: ""), node: .street, counts: StatusCounts(),
                        hasChildren: true)
        })]
        s.browser = levels
        s.browser[1].selection = 2
        let rows = CaseQueueScrollTests.cases(20)
        _ = Reducer.reduce(&s, .caseQueueLoaded(query: CaseQueueQuery(), total: rows.count, offset: 0, rows: rows))
        s.cases.selection = 5
        s.caseDetail = CaseDetailData(row: rows[0], events: (0..<5).map { _ in
            CaseTimelineEntry(at: Timestamp(millis: 0), event: CaseEvent(action: "register", from: .reported, to: .registered, actor: "z",
                                                                          reason: "", dueOn: nil))
        }, currentChain: ChainSnapshot(chain: []))
        s.caseDetail?.list.offset = 2
        s.detail = CellDetail(key: CellKey(communityID: 1, themeID: 1), communityName: "阳光小区", streetName: "城关镇",
                              theme: UIFixture.themes[0], cell: CellState(communityID: 1, themeID: 1, status: .ok),
                              chain: [], history: [])
        s.detail?.offset = 2
        s.undo = [UndoBatch(before: [], after: [])]
        s.search = SearchState(query: "街", hits: [SearchHit(ref: NodeRef(node: .street(1), name: "街道0", path: ""))])
        s.help.offset = 1
        s.screen = screen
        s.returnScreen = .board
        return s
    }

    @Test("every binding on every screen changes the state or returns an effect", arguments: Screen.all)
    func noDeadBindings(screen: Screen) {
        let s = BindingWalkTests.state(on: screen)
        for binding in Bindings.on(screen, s) {
            var t = s
            let effects = binding.perform(&t)
            #expect(t != s || !effects.isEmpty, "\(screen): \(binding.keyLabel) (\(binding.help)) does nothing")
        }
    }

    @Test("the key-hint bar and help name only keys that run on the screen", arguments: Screen.all)
    func hintsRun(screen: Screen) {
        let s = BindingWalkTests.state(on: screen)
        let running = Set(Bindings.on(screen, s).flatMap(\.keys))
        for line in HelpScreen.lines(for: screen, s, filter: "") {
            let first = line.keys.split(separator: " ").first.map(String.init) ?? ""
            #expect(running.contains { KeyLabel.of($0) == first }, "\(screen): help lists \(line.keys)")
        }
    }
}
