import GridCore
@testable import GridUI
import TerminalKit
import Testing

/// The board by declared site: `:filter sites`, `:filter site 3-10` / `◆12`, `:sort site|board`, the filter menu's `n`,
/// and the dashboard's site panel (`s`).
@Suite("Reduce: the board by declared site, the dashboard's site panel")
struct SiteBoardTests {
    /// Types `:text` Enter, returning the effects the reducer asked for (not answered).
    static func command(_ s: inout AppState, _ text: String) -> [Effect] {
        var out: [Effect] = []
        for k in [Key.char(":")] + text.map { Key.char($0) } + [.enter] { out += Reducer.reduce(&s, .key(k)) }
        return out
    }

    @Test("site ranges as typed", arguments: [
        ("site 12", 12...12), ("site 3-10", 3...10), ("◆3–10", 3...10), ("◆７", 7...7), ("site 5~6", 5...6),
    ])
    func range(text: String, expected: ClosedRange<Int>) {
        #expect(BoardSiteOrder.range(text) == expected)
    }

    @Test("not a site range", arguments: ["site", "site 0", "site 10-3", "◆", "◆a", "12", "site 1-2-3"])
    func notRange(text: String) {
        #expect(BoardSiteOrder.range(text) == nil)
    }

    @Test(":filter sites, :filter site 3-10 and :sort site reload the board from row 0 with the filter; :filter clear undoes them")
    func filterAndSort() {
        var s = UIFixture.state()
        var effects = Self.command(&s, "filter sites")
        #expect(s.board.filter.declaredOnly && s.board.filter.sitesOnly)
        #expect(effects.contains { if case .loadBoard(_, let f, 0, _, nil, _) = $0 { f.declaredOnly } else { false } })
        effects = Self.command(&s, "filter site 3-10")
        #expect(s.board.filter.siteNumbers == 3...10)
        #expect(s.board.filter.label.contains("◆3–10"))
        effects = Self.command(&s, "sort site")
        #expect(s.board.filter.bySiteNumber && s.board.filter.label.contains("按◆排序"))
        #expect(effects.contains { if case .loadBoard(_, let f, 0, _, nil, _) = $0 { f.bySiteNumber } else { false } })
        _ = Self.command(&s, "sort board")
        #expect(!s.board.filter.bySiteNumber)
        _ = Self.command(&s, "sort sideways")
        #expect(s.message?.isError == true)
        _ = Self.command(&s, "filter clear")
        #expect(s.board.filter == .none)
        _ = UIFixture.press(&s, [.char(":"), .char("s"), .char("o"), .tab])
        #expect(s.overlay == .command(TextField("sort ")))
    }

    @Test("the filter menu's n sorts by site number")
    func menu() {
        var s = UIFixture.state()
        _ = UIFixture.press(&s, [.char("f"), .char("n")])
        #expect(s.board.filter.bySiteNumber)
        _ = UIFixture.press(&s, [.char("n"), .escape])
        #expect(!s.board.filter.bySiteNumber && s.overlay == nil)
    }

    static func site(_ n: Int, overdue: Int) -> DeclaredSite {
        DeclaredSite(community: Community(id: RowID(n), streetID: 1, name: "点位\(n)号农贸市场", kind: .market, declaredSite: n),
                     streetName: "城关街道", officeID: 1, kindLabel: "农贸市场", units: [], cadence: .standard, ownCadence: false,
                     openCases: overdue + 1, overdueCases: overdue, lastSelfInspection: UIFixture.today.adding(days: -3))
    }

    @Test("s on the dashboard shows the site lines (asking for them), j/k move in them, s or Esc goes back to the league")
    func dashboardPanel() {
        var s = UIFixture.state()
        s.screen = .dashboard
        var effects = UIFixture.press(&s, [.char("s")])
        #expect(s.dashboard.showSites && effects.contains(.loadSiteRegister))
        effects = Reducer.reduce(&s, .siteRegisterLoaded((1...5).map { Self.site($0, overdue: $0 % 2) }))
        #expect(s.dashboard.sites?.count == 5)
        _ = UIFixture.press(&s, [.char("j"), .char("j")])
        #expect(s.dashboard.siteList.selection == 2)
        _ = UIFixture.press(&s, [.escape])
        #expect(!s.dashboard.showSites)
        #expect(Bindings.on(.dashboard, s).contains { $0.keys.contains(.char("s")) })
    }
}
