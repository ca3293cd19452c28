import GridCore
import GridPalette
import Testing
import TerminalKit
@testable import GridUI

@Suite("Walk mode: view and bindings")
struct WalkViewTests {
    /// Hostile data: control sequences in a site and theme name, and a check point of 150 Chinese characters.
    static func hostile(width: Int, height: Int) -> AppState {
        var s = WalkFixture.walking(width: width, height: height)
        var site = WalkFixture.site(0)
        site.summary.name = "人民路\u{1B}[2J公厕\u{9B}31m"
        site.stops[0].theme.zh = "公益\u{7}广告\u{202E}反向"
        site.stops[0].points = [String(repeating: "楼道堆物消防通道堵塞，", count: 20) + "\u{1B}]52;c;aGk=\u{7}", "短"]
        _ = Reducer.reduce(&s, .walkSiteLoaded(round: 7, site: site))
        return s
    }

    @Test("control characters in names and check points are drawn visibly, and long Chinese wraps inside 40 columns")
    func adversarialAt40() {
        var s = WalkViewTests.hostile(width: 40, height: 20)
        let b = Renderer.render(s, palette: BuiltinPalettes.default)
        for y in 0..<b.height {
            for x in 0..<b.width {
                #expect(!b[x, y].text.unicodeScalars.contains { Sanitiser.isUnsafe($0) }, "raw control at \(x),\(y)")
            }
            #expect(b.measure.of(b.rowText(y)) <= 40)
        }
        let rows = (0..<b.height).map(b.rowText)
        #expect(rows[1].contains("◆2 人民路␛[2J公厕\\u{9B}31m"))
        #expect(rows[3].contains("公益␇广告\\u{202E}反向"))
        // The point fills the rows left and says how much more there is; j scrolls to its end.
        #expect(rows[6].hasPrefix(" 1. 楼道堆物消防通道堵塞，"))
        #expect(rows[7].hasPrefix("    ") && !rows[7].hasPrefix("     "), "continuations sit under the text")
        #expect(rows[17].contains("↓ 还有"))
        #expect(!rows.contains { $0.drop { $0 == " " }.first.map { "，。、".contains($0) } == true },
                "no line starts with closing punctuation")
        var presses = 0
        while Bindings.binding(for: .char("j"), in: s) != nil, presses < 40 {
            _ = Reducer.reduce(&s, .key(.char("j")))
            presses += 1
        }
        #expect(presses > 0 && presses < 40)
        let end = Renderer.render(s, palette: BuiltinPalettes.default)
        let text = (0..<end.height).map(end.rowText).joined()
        #expect(text.contains("2. 短"))
        // Every character of the point was shown, in order, across the wrapped lines (the OSC 52 made visible).
        let shown = WalkView.pointLines(s.walk.current!, width: 40, measure: .standard).joined().filter { $0 != " " }
        #expect(shown.contains("堵塞，␛]52;c;aGk=␇2.短"))
        _ = Reducer.reduce(&s, .key(.char("k")))
        #expect(s.walk.pointOffset == presses - 1)
    }

    @Test("at 50×25 and 80×24 the hostile points fit their width too, and wide screens add the theme's English name")
    func adversarialWider() {
        for (w, h) in [(50, 25), (80, 24)] {
            let b = Renderer.render(WalkViewTests.hostile(width: w, height: h), palette: BuiltinPalettes.default)
            for y in 0..<b.height { #expect(b.measure.of(b.rowText(y)) <= w) }
        }
        let wide = Renderer.render(WalkFixture.walking(width: 80, height: 24), palette: BuiltinPalettes.default)
        #expect(wide.rowText(3).contains("公益广告  ads"))
    }

    @Test("at the smallest size (40×12) the theme, its status and its first check point still show, without the heading")
    func smallest() {
        let s = WalkFixture.walking(width: 40, height: 12)
        let b = Renderer.render(s, palette: BuiltinPalettes.default)
        let rows = (0..<b.height).map(b.rowText)
        #expect(rows[3].contains("公益广告") && rows[4].contains("现状 达标"))
        #expect(rows[5].hasPrefix(" 1. 地面干净") && !rows.contains { $0.contains("检查要点") })
        #expect(rows[11].hasPrefix("1 达标  2 问题"))
    }

    @Test("in monochrome the selected site is reverse video and statuses read as words")
    func monochrome() {
        var s = WalkFixture.walking()
        _ = Reducer.reduce(&s, .key(.char("s")))
        _ = Reducer.reduce(&s, .walkSitesLoaded(round: 7, sites: WalkFixture.sites, progress: WalkFixture.progress))
        let b = Renderer.render(s, palette: BuiltinPalettes.default.adapted(colors: 1))
        guard let selected = (0..<b.height).first(where: { b.rowText($0).contains("人民路公厕") }) else { Issue.record("no site row"); return }
        #expect(b[2, selected].style.reverse)
        #expect(b.rowText(selected + 1).contains("查完") && b.rowText(selected + 2).contains("未完"))
    }

    @Test("every binding of every walk step does something", arguments: ["rounds", "sites", "stops", "empty"])
    func noDeadBindings(step: String) {
        var s = WalkFixture.walking(site: 2)
        switch step {
        case "rounds":
            _ = Reducer.reduce(&s, .key(.char("s")))
            _ = Reducer.reduce(&s, .key(.char("r")))
            _ = Reducer.reduce(&s, .walkRoundsLoaded([WalkFixture.round, WalkFixture.selfCheck, WalkFixture.round]))
            s.walk.roundList.selection = 1
        case "sites":
            _ = Reducer.reduce(&s, .key(.char("s")))
            _ = Reducer.reduce(&s, .walkSitesLoaded(round: 7, sites: WalkFixture.sites, progress: WalkFixture.progress))
            s.walk.siteList.selection = 1
        case "empty":
            s = UIFixture.state()
            _ = Reducer.reduce(&s, .key(.char("W")))
            _ = Reducer.reduce(&s, .walkRoundsLoaded([]))
        default:
            s.walk.site?.stops[1].points = [String(repeating: "很长的检查要点", count: 30)]
            s.walk.pointOffset = 1
        }
        let bindings = Bindings.on(.walk, s)
        #expect(bindings.count > 3)
        for binding in bindings {
            var t = s
            let effects = binding.perform(&t)
            #expect(t != s || !effects.isEmpty, "\(step): \(binding.keyLabel) (\(binding.help)) does nothing")
        }
    }

    @Test("the empty round list says how to make and start a round")
    func noRounds() {
        var s = UIFixture.state(width: 40, height: 20)
        _ = Reducer.reduce(&s, .key(.char("W")))
        _ = Reducer.reduce(&s, .walkRoundsLoaded([]))
        let b = Renderer.render(s, palette: BuiltinPalettes.default)
        let text = (0..<b.height).map(b.rowText).joined()
        #expect(text.contains("civgrid round") && text.contains("add 新建") && text.contains("no round in progress"))
        // A round whose every site is checked says so, and how to go on.
        var done = WalkFixture.walking()
        _ = Reducer.reduce(&done, .key(.char("s")))
        _ = Reducer.reduce(&done, .walkSitesLoaded(round: 7, sites: [], progress: WalkProgress(sitesDone: 3, sites: 3, cellsDone: 9, cells: 9)))
        let all = Renderer.render(done, palette: BuiltinPalettes.default)
        #expect(all.rowText(1).contains("点位 3/3 · 格 9/9") && all.rowText(3).contains("本轮点位已全部检查"))
    }
}
