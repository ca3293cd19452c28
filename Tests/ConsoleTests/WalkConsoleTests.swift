import Foundation
import GridCore
import GridStore
import GridTheme
import GridUI
import Testing
import TerminalKit
@testable import GridApp

/// Walk mode over the real store: a round of the demo county's declared sites, walked with keys.
@Suite("Walk mode in the console", .serialized)
struct WalkConsoleTests {
    static let sizes = [(40, 20), (50, 25), (80, 24)]

    /// Plans and starts a joint supervision (两督) of the declared sites, as an admin.
    @discardableResult
    static func round(_ h: ConsoleHarness, declaredOnly: Bool = true) throws -> InspectionRound {
        let context = ChangeContext(actor: ConsoleHarness.admin, osUser: "tester", source: .cli, clock: ConsoleHarness.clock)
        let services = GridServices(h.store)
        let draft = RoundDraft(name: "12月第1周两督", kind: .jointSupervision, from: Day("2026-11-30")!, to: Day("2026-12-06")!,
                               scope: RoundScope(declaredSitesOnly: declaredOnly))
        let round = try services.addRound(draft, context: context)
        return try services.startRound(round.id, context: context)
    }

    /// (name, key script) for each step of a walk.
    static let scripts: [(String, [Key])] = [
        ("walk-rounds", [.char("W")]),
        ("walk-sites", [.char("W"), .enter]),
        ("walk-stop", [.char("W"), .enter, .enter]),
        ("walk-next", [.char("W"), .enter, .enter, .char("1")]),
        ("walk-problem", [.char("W"), .enter, .enter, .char("2")] + "宣传栏破损".map { .char($0) }),
    ]

    @Test("every step of a walk matches its reviewed snapshot at 40×20, 50×25 and 80×24", arguments: scripts.map(\.0))
    func snapshots(name: String) throws {
        let keys = WalkConsoleTests.scripts.first { $0.0 == name }!.1
        for (w, h) in WalkConsoleTests.sizes {
            let harness = try ConsoleHarness(width: w, height: h)
            try WalkConsoleTests.round(harness)
            harness.press(keys)
            Snapshot.assert(harness.backend, named: name)
        }
    }

    @Test("monochrome (TERM=vt100, NO_COLOR): the site list's selection is reverse video and statuses read as words")
    func monochrome() throws {
        let harness = try ConsoleHarness(width: 40, height: 20, colors: 1)
        try WalkConsoleTests.round(harness)
        harness.press([.char("W"), .enter])
        Snapshot.assert(harness.backend, named: "walk-sites-mono")
        harness.press([.enter])
        Snapshot.assert(harness.backend, named: "walk-stop-mono")
        #expect(harness.console.palette[.selection].reverse)
    }

    @Test("walking a site end to end: every result is an inspection in the round (达标 unchanged too), a problem is a case of the round, then the next site")
    func walkASite() throws {
        let h = try ConsoleHarness(width: 40, height: 20)
        let round = try WalkConsoleTests.round(h)
        h.press([.char("W"), .enter])
        let before = h.console.state.walk.progress
        #expect(before.sites > 0 && before.cellsDone == 0)
        #expect(h.rows[1].contains("点位 0/\(before.sites) · 格 0/\(before.cells)"))
        let first = try #require(h.console.state.walk.sites.first)
        #expect(first.declaredSite == h.console.state.walk.sites.compactMap(\.declaredSite).min(), "declared sites first, by number")
        h.press([.enter])
        let site = try #require(h.console.state.walk.site)
        #expect(site.summary.communityID == first.communityID)
        let stops = site.stops
        #expect(stops.count >= 2)
        #expect(stops.allSatisfy { !$0.points.isEmpty }, "the shipped check points cover the standard themes")
        let auditBefore = try h.store.latestAuditID()
        // A cell with open cases follows them (the cell/case rule): results are recorded only where none is open. The
        // first such theme gets a problem, the second 不适用, the rest 达标; the others are skipped (or refused, once).
        let free: Set<CellStatus> = [.ok, .unchecked, .notApplicable, .fixedOnSite]
        let eligible = stops.indices.filter { free.contains(stops[$0].status) }
        try #require(eligible.count >= 2, "the demo's first declared site has two themes without open cases")
        var refusedOnce = false
        for (i, stop) in stops.enumerated() {
            #expect(h.console.state.walk.stop == i)
            if !free.contains(stop.status) {
                if !refusedOnce {
                    refusedOnce = true
                    h.press([.char("7")])
                    #expect(h.console.state.walk.stop == i, "a refused result does not move the walk")
                    #expect(h.console.state.message?.isError == true)
                }
                h.press([.char(" ")])
            } else if i == eligible[0] {
                h.press([.char("2")])
                h.type("宣传栏破损")
                h.press([.enter])
            } else {
                h.press([.char(i == eligible[1] ? "7" : "1")])
            }
        }
        let recorded = try h.store.inspections(InspectionQuery(roundID: round.id, communityID: site.summary.communityID, limit: 100))
        #expect(recorded.count == eligible.count)
        let problem = try #require(recorded.first { $0.result == .problem })
        #expect(problem.cell.themeID == stops[eligible[0]].theme.id)
        let number = try #require(problem.caseNumber)
        #expect(try h.store.caseRecord(number)?.source == .supervision, "a 两督 problem's case is a supervision finding")
        #expect(try h.store.caseRecord(number)?.description == "宣传栏破损")
        #expect(recorded.contains { $0.result == .notApplicable && $0.cell.themeID == stops[eligible[1]].theme.id })
        #expect(try h.store.auditTrail(AuditQuery(afterID: auditBefore, limit: 500)).contains { $0.record.entry.entity == .inspection })
        // After the last theme the walk goes on to the next site, and the counts moved.
        #expect(h.console.state.walk.site?.summary.communityID != site.summary.communityID)
        #expect(h.console.state.walk.progress.cellsDone == eligible.count)
        #expect(h.console.state.walk.progress.sitesDone == (eligible.count == stops.count ? 1 : 0))
        #expect(h.rows[2].contains("点位 \(h.console.state.walk.progress.sitesDone)/\(before.sites) · 格 \(eligible.count)/\(before.cells)"))
    }

    @Test("a 达标 cell checked again is recorded although nothing changes (the round can prove the check)")
    func unchangedIsRecorded() throws {
        let h = try ConsoleHarness(width: 50, height: 25)
        let round = try WalkConsoleTests.round(h)
        h.press([.char("W"), .enter, .enter])
        let site = try #require(h.console.state.walk.site)
        guard let i = site.stops.firstIndex(where: { $0.status == .ok }) else { return }
        for _ in 0..<i { h.press([.char(" ")]) }
        h.press([.char("1")])
        let key = CellKey(communityID: site.summary.communityID, themeID: site.stops[i].theme.id)
        #expect(try h.store.inspections(InspectionQuery(roundID: round.id, communityID: key.communityID, limit: 10))
            .contains { $0.cell == key && $0.result == .ok })
        #expect(try h.store.cells(communityID: key.communityID).first { $0.theme.id == key.themeID }?.cell.status == .ok)
        #expect(h.console.state.walk.site?.stops[i].checked == true)
    }

    @Test("help on a theme lists the walk's keys (from its bindings) on a phone-sized screen; :walk opens walk mode too")
    func helpAndCommand() throws {
        let h = try ConsoleHarness(width: 40, height: 20)
        try WalkConsoleTests.round(h)
        h.press([.char(":")])
        h.type("walk")
        h.press([.enter])
        #expect(h.console.state.screen == .walk)
        h.press([.enter, .enter, .char("?")])
        Snapshot.assert(h.backend, named: "help-walk")
        #expect(h.rows.contains { $0.contains("仍达标 still 达标") })
        h.press([.escape])
        #expect(h.console.state.screen == .walk && h.console.state.walk.phase == .stops)
    }

    @Test("no round in progress: the walk says how to start one, and Esc leaves")
    func noRound() throws {
        let h = try ConsoleHarness(width: 40, height: 20)
        h.press([.char("W")])
        #expect(h.rows.joined().contains("没有进行中的检查轮次"))
        h.press([.escape])
        #expect(h.console.state.screen == .board)
    }

    @Test("a hostile check points file: control characters refused with their line; long Chinese points wrap inside 40 columns")
    func hostileCheckPoints() throws {
        let long = String(repeating: "楼道堆物与消防通道堵塞须当场清理并拍照留存，", count: 5)
        let text = "[[theme]]\ncode = \"public_ads\"\npoints = [\"\(long)\", \"\(long)\", \"\(long)\", \"短\"]\n"
        let bad = "[[theme]]\ncode = \"public_ads\"\npoints = [\"a\\u001B]52;c;aGk=\\u0007\"]\n"
        let h = try ConsoleHarness(width: 40, height: 20)
        try WalkConsoleTests.round(h)
        let catalog = ThemeCatalog(folders: [ConsoleHarness.themesFolder])
        let context = ChangeContext(actor: ConsoleHarness.admin, osUser: "tester", source: .console, clock: ConsoleHarness.clock)
        for (source, refused) in [(text, false), (bad, true)] {
            let backend = MemoryBackend(width: 40, height: 20)
            let console = try Console(store: h.store, context: context, backend: backend, catalog: catalog, theme: try catalog.load("default"),
                                      colors: 256, measure: .standard, checkPoints: CheckPointsFile.Source(text: source, path: "/x/checkpoints.toml"))
            for key in [Key.char("W"), .enter, .enter] { console.dispatch(.key(key)) }
            console.draw()
            let rows = (0..<20).map { backend.screen.rowText($0) }
            if refused {
                #expect(console.state.message?.text.contains("/x/checkpoints.toml:3") == true)
                #expect(console.state.message?.text.contains("control character") == true)
            } else {
                let stop = try #require(console.state.walk.current)
                if stop.theme.code == "public_ads" {
                    #expect(rows.contains { $0.hasPrefix(" 1. 楼道堆物与消防通道堵塞") })
                    #expect(rows.contains { $0.contains("↓ 还有") })
                }
                for y in 0..<20 { #expect(DisplayWidth.standard.of(backend.screen.rowText(y)) <= 40) }
            }
        }
    }
}
