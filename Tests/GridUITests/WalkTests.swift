import GridCore
import GridPalette
import Testing
import TerminalKit
@testable import GridUI

/// Walk mode's data in memory: one round, three sites (two declared, one not), themes with check points.
enum WalkFixture {
    static let round = InspectionRound(id: 7, name: "12月第1周两督", kind: .jointSupervision, from: Day("2026-11-30")!,
                                       to: Day("2026-12-06")!, state: .inProgress, createdBy: "admin", createdAt: Timestamp(millis: 0))
    static let selfCheck = InspectionRound(id: 8, name: "人民路公厕自查", kind: .selfInspection, unitID: 3, from: Day("2026-12-01")!,
                                           to: Day("2026-12-01")!, state: .inProgress, createdBy: "admin", createdAt: Timestamp(millis: 0))
    static let sites = [
        WalkSiteSummary(communityID: 11, name: "人民路公厕", streetName: "城关镇", declaredSite: 2, cells: 2, checked: 0),
        WalkSiteSummary(communityID: 12, name: "东湖农贸市场", streetName: "东湖街道", declaredSite: 5, cells: 3, checked: 3),
        WalkSiteSummary(communityID: 13, name: "锦绣华庭国际社区", streetName: "城关镇", declaredSite: nil, cells: 4, checked: 1),
    ]

    /// The round's counts to go with `sites`.
    static let progress = WalkProgress(sitesDone: 1, sites: 3, cellsDone: 4, cells: 9)

    static func stops(_ site: WalkSiteSummary, checked: Int) -> [WalkStop] {
        UIFixture.themes.prefix(site.cells).enumerated().map { i, t in
            WalkStop(theme: t, status: i == 1 ? .problem : .ok, points: ["地面干净，无积水", "垃圾桶加盖、无满溢"], checked: i < checked)
        } + (site.cells > 3 ? [WalkStop(theme: CheckTheme(id: 4, code: "greening", zh: "绿化养护", en: "greening", kinds: [.residential],
                                                             position: 4), status: .unchecked, points: [], checked: false)] : [])
    }

    static func site(_ i: Int) -> WalkSite { WalkSite(summary: sites[i], stops: stops(sites[i], checked: sites[i].checked)) }

    /// A console on the board with walk mode opened, the round picked and `site` loaded.
    static func walking(site i: Int = 0, width: Int = 40, height: Int = 20, role: OperatorRole = .inspector) -> AppState {
        var s = UIFixture.state(width: width, height: height, role: role)
        _ = Reducer.reduce(&s, .key(.char("W")))
        _ = Reducer.reduce(&s, .walkRoundsLoaded([round, selfCheck]))
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .walkSitesLoaded(round: round.id, sites: sites, progress: progress))
        s.walk.siteList.selection = i
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .walkSiteLoaded(round: round.id, site: site(i)))
        return s
    }

    static func cell(_ key: CellKey, _ status: CellStatus) -> CellState {
        CellState(communityID: key.communityID, themeID: key.themeID, status: status)
    }
}

@Suite("Walk mode: update")
struct WalkUpdateTests {
    @Test("W opens walk mode on the round list; Enter picks a round and asks for its sites; Enter on a site asks for its themes")
    func openPickRoundAndSite() {
        var s = UIFixture.state()
        #expect(Reducer.reduce(&s, .key(.char("W"))) == [.loadWalkRounds])
        #expect(s.screen == .walk && s.walk.phase == .rounds)
        _ = Reducer.reduce(&s, .walkRoundsLoaded([WalkFixture.round, WalkFixture.selfCheck]))
        #expect(Reducer.reduce(&s, .key(.char("j"))).isEmpty)
        #expect(s.walk.roundList.selection == 1)
        _ = Reducer.reduce(&s, .key(.char("k")))
        #expect(Reducer.reduce(&s, .key(.enter)) == [.loadWalkSites(round: 7)])
        #expect(s.walk.phase == .sites && s.walk.round == WalkFixture.round)
        _ = Reducer.reduce(&s, .walkSitesLoaded(round: 7, sites: WalkFixture.sites, progress: WalkFixture.progress))
        _ = Reducer.reduce(&s, .key(.char("j")))
        _ = Reducer.reduce(&s, .key(.char("j")))
        #expect(Reducer.reduce(&s, .key(.enter)) == [.loadWalkSite(round: 7, communityID: 13)])
        _ = Reducer.reduce(&s, .walkSiteLoaded(round: 7, site: WalkFixture.site(2)))
        #expect(s.walk.phase == .stops)
        #expect(s.walk.stop == 1, "the walk starts at the first theme this round has not checked")
    }

    @Test("a reply for another round (an older request) is dropped")
    func staleRound() {
        var s = WalkFixture.walking()
        _ = Reducer.reduce(&s, .walkSitesLoaded(round: 99, sites: [], progress: WalkProgress()))
        #expect(s.walk.sites == WalkFixture.sites)
        _ = Reducer.reduce(&s, .walkSiteLoaded(round: 99, site: WalkFixture.site(2)))
        #expect(s.walk.site?.summary.communityID == 11)
    }

    @Test("1 records 达标 in the round; when it is recorded the walk moves to the next theme and the counts go up")
    func okAdvances() {
        var s = WalkFixture.walking()
        let key = CellKey(communityID: 11, themeID: 1)
        #expect(WalkView.progress(s.walk) == "点位 1/3 · 格 4/9")
        #expect(Reducer.reduce(&s, .key(.char("1"))) == [.recordInspection(key, result: .ok, round: 7)])
        #expect(s.walk.stop == 0, "nothing moves until the store has recorded it")
        #expect(Reducer.reduce(&s, .inspected(key: key, result: .ok, cell: WalkFixture.cell(key, .ok), cases: [])).isEmpty)
        #expect(s.walk.stop == 1)
        #expect(s.walk.site?.stops[0].result == .ok && s.walk.site?.stops[0].checked == true)
        #expect(WalkView.progress(s.walk) == "点位 1/3 · 格 5/9")
        #expect(s.message?.text.contains("已记录") == true)
    }

    @Test("7 records 不适用; Space skips without recording")
    func notApplicableAndSkip() {
        var s = WalkFixture.walking(site: 2)
        #expect(s.walk.stop == 1)
        #expect(Reducer.reduce(&s, .key(.char("7"))) == [.recordInspection(CellKey(communityID: 13, themeID: 2), result: .notApplicable, round: 7)])
        #expect(Reducer.reduce(&s, .key(.char(" "))).isEmpty)
        #expect(s.walk.stop == 2)
        #expect(s.walk.site?.stops[1].checked == false, "a skipped theme stays unchecked")
        #expect(s.message?.text.contains("跳过") == true)
        _ = Reducer.reduce(&s, .key(.left))
        #expect(s.walk.stop == 1)
    }

    @Test("2 opens the problem form prefilled with the cell and the round; Enter records a problem in the round")
    func problemInRound() {
        var s = WalkFixture.walking()
        #expect(Reducer.reduce(&s, .key(.char("2"))).isEmpty)
        guard case .problemForm(let f)? = s.overlay else { Issue.record("no form"); return }
        #expect(f.names == ["◆2 人民路公厕·公益广告"])
        #expect(f.round == ProblemForm.Round(id: 7, name: "12月第1周两督") && f.source == .supervision)
        for ch in "宣传栏破损" { _ = Reducer.reduce(&s, .key(.char(ch))) }
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .key(.right))
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .key(.right))
        guard case .problemForm(let g)? = s.overlay else { Issue.record("form closed"); return }
        #expect(g.source == .supervision, "in a round the source is the round's, not chosen")
        let key = CellKey(communityID: 11, themeID: 1)
        #expect(Reducer.reduce(&s, .key(.enter)) == [.recordWalkProblem(key, round: 7, description: "宣传栏破损", deadlineClass: .sevenDays,
                                                                        source: .supervision)])
        let number = CaseNumber(year: 2026, sequence: 41)
        _ = Reducer.reduce(&s, .inspected(key: key, result: .problem, cell: WalkFixture.cell(key, .problem), cases: [number]))
        #expect(s.walk.stop == 1 && s.walk.site?.stops[0].status == .problem)
        #expect(s.message?.text.contains("2026-0041") == true)
    }

    @Test("Esc in the problem form goes back to the same theme, nothing recorded")
    func problemCancelled() {
        var s = WalkFixture.walking()
        _ = Reducer.reduce(&s, .key(.char("2")))
        #expect(Reducer.reduce(&s, .key(.escape)).isEmpty)
        #expect(s.overlay == nil && s.screen == .walk && s.walk.stop == 0)
    }

    @Test("after the last theme the walk goes to the next site not yet checked, skipping finished ones")
    func nextSite() {
        var s = WalkFixture.walking()
        let first = CellKey(communityID: 11, themeID: 1), second = CellKey(communityID: 11, themeID: 2)
        _ = Reducer.reduce(&s, .inspected(key: first, result: .ok, cell: WalkFixture.cell(first, .ok), cases: []))
        let effects = Reducer.reduce(&s, .inspected(key: second, result: .ok, cell: WalkFixture.cell(second, .ok), cases: []))
        #expect(effects == [.loadWalkSite(round: 7, communityID: 13)], "东湖农贸市场 is already checked in this round")
        #expect(s.walk.siteList.selection == 2)
        #expect(s.message?.text.contains("已走完") == true)
        #expect(WalkView.progress(s.walk) == "点位 2/3 · 格 6/9")
    }

    @Test("when every site is checked the walk returns to the site list and says so")
    func allDone() {
        var s = WalkFixture.walking()
        var sites = WalkFixture.sites
        sites[2].checked = sites[2].cells
        _ = Reducer.reduce(&s, .walkSitesLoaded(round: 7, sites: sites, progress: WalkProgress(sitesDone: 2, sites: 3, cellsDone: 7, cells: 9)))
        for theme in [RowID(1), 2] {
            let key = CellKey(communityID: 11, themeID: theme)
            _ = Reducer.reduce(&s, .inspected(key: key, result: .ok, cell: WalkFixture.cell(key, .ok), cases: []))
        }
        #expect(s.walk.phase == .sites)
        #expect(s.message?.text.contains("全部检查") == true)
        #expect(WalkView.progress(s.walk) == "点位 3/3 · 格 9/9")
    }

    @Test("a recording that arrives late (a busy database) marks its theme without moving the walk")
    func lateRecording() {
        var s = WalkFixture.walking(site: 2)
        let earlier = CellKey(communityID: 13, themeID: 3)
        _ = Reducer.reduce(&s, .inspected(key: earlier, result: .ok, cell: WalkFixture.cell(earlier, .ok), cases: []))
        #expect(s.walk.stop == 1 && s.walk.site?.stops[2].checked == true)
    }

    @Test("a viewer is refused before anything is sent")
    func viewerRefused() {
        var s = WalkFixture.walking(role: .viewer)
        #expect(Reducer.reduce(&s, .key(.char("1"))).isEmpty)
        #expect(Reducer.reduce(&s, .key(.char("2"))).isEmpty)
        #expect(s.overlay == nil && s.message?.isError == true)
    }

    @Test("Esc leaves to the screen walk mode was opened from; W comes back to the same theme and reads it again")
    func leaveAndReturn() {
        var s = WalkFixture.walking()
        _ = Reducer.reduce(&s, .key(.char(" ")))
        _ = Reducer.reduce(&s, .key(.escape))
        #expect(s.screen == .board)
        #expect(Reducer.reduce(&s, .key(.char("W"))) == [.loadWalkSites(round: 7), .loadWalkSite(round: 7, communityID: 11)])
        _ = Reducer.reduce(&s, .walkSiteLoaded(round: 7, site: WalkFixture.site(0)))
        #expect(s.screen == .walk && s.walk.stop == 1)
    }

    @Test("s goes to the site list, r to the round list")
    func backToLists() {
        var s = WalkFixture.walking()
        #expect(Reducer.reduce(&s, .key(.char("s"))) == [.loadWalkSites(round: 7)])
        #expect(s.walk.phase == .sites)
        #expect(Reducer.reduce(&s, .key(.char("r"))) == [.loadWalkRounds])
        #expect(s.walk.phase == .rounds)
    }

    @Test("help and the hint bar come from the walk's bindings: the result keys first")
    func helpFromBindings() {
        let s = WalkFixture.walking()
        let keys = HelpScreen.lines(for: .walk, s, filter: "").map(\.keys)
        #expect(Array(keys.prefix(4)) == ["1", "2", "7", "Space →"])
        #expect(keys.contains("Esc") && keys.contains("s"))
        let b = Renderer.render(s, palette: BuiltinPalettes.default)
        #expect(b.rowText(19).hasPrefix("1 达标  2 问题  7 不适用  Space 跳过"))
    }
}
