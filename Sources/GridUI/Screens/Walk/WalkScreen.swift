import GridCore
import GridPalette
import TerminalKit

/// Walk mode (巡检): pick a round, then a site; the site's themes come one at a time with their check points, one key
/// per result (`1` still 达标, `2` problem → the problem form for this round, `7` 不适用, `Space` skip), advancing to the
/// next theme and, after the last, to the next site not yet checked. `Esc` leaves; `W` (or `:walk`) comes back to the
/// same step.
enum WalkScreen: ScreenModule {
    static let id = Screen.walk
    static let name = "巡检 walk"

    static func title(_ s: AppState) -> String {
        guard s.walk.phase != .rounds, let round = s.walk.round else { return "巡检" }
        return "巡检 · \(round.name)"
    }

    static func bindings(_ s: AppState) -> [Binding] {
        let leave = Binding([.escape], "离开巡检 leave walk mode (W returns here)", hint: "离开") { s in
            s.screen = s.walk.returnScreen
            return Screens.module(s.screen).show(&s)
        }
        switch s.walk.phase {
        case .rounds: return WalkLists.roundBindings(s) + [leave]
        case .sites: return WalkLists.siteBindings(s) + [leave]
        case .stops: return stopBindings(s) + [leave]
        }
    }

    /// The round being walked (its number, kind and name), for the status bar: the title has little room on a phone.
    static func statusContext(_ s: AppState) -> String {
        guard let round = s.walk.round, s.walk.phase != .rounds else { return "巡检" }
        return round.label
    }

    /// `W` / `:walk`: opens walk mode at the step it was left on, reloading that step's data.
    static func open(_ s: inout AppState) -> [Effect] {
        if s.screen != .walk, s.screen != .help { s.walk.returnScreen = s.screen }
        s.screen = .walk
        return show(&s)
    }

    static func show(_ s: inout AppState) -> [Effect] {
        s.walk.loading = true
        guard let round = s.walk.round, s.walk.phase != .rounds else { return [.loadWalkRounds] }
        guard s.walk.phase == .stops, let site = s.walk.site else { return [.loadWalkSites(round: round.id)] }
        return [.loadWalkSites(round: round.id), .loadWalkSite(round: round.id, communityID: site.summary.communityID)]
    }

    /// Live refresh while walking: the step on show is read again (the stop stays where it is).
    static func refresh(_ s: inout AppState) -> [Effect] { s.screen == .walk ? show(&s) : [] }

    // MARK: One site's themes

    static func stopBindings(_ s: AppState) -> [Binding] {
        guard let stop = s.walk.current else { return [] }
        var list = [
            Binding([.char("1")], "仍达标 still 达标: record the check and go on", hint: "达标") { s in record(&s, .ok) },
            Binding([.char("2")], "有问题 problem: the problem form, recorded in this round", hint: "问题") { s in problem(&s) },
            Binding([.char("7")], "不适用 not applicable here: record it and go on", hint: "不适用") { s in record(&s, .notApplicable) },
            Binding([.char(" "), .right], "跳过 skip this theme (nothing recorded)", hint: "跳过") { s in
                let name = s.walk.current?.theme.zh ?? ""
                let effects = advance(&s)
                if s.message == nil { s.message = StatusMessage("已跳过 \(name)，未记录 (skipped, nothing recorded)") }
                return effects
            },
        ]
        if s.walk.stop > 0 {
            list.append(Binding([.left, .char("b")], "上一项 back to the previous theme") { s in
                s.walk.stop -= 1
                s.walk.pointOffset = 0
                return []
            })
        }
        let overflow = WalkView.pointLines(stop, width: s.width, measure: .standard).count - WalkView.pointRows(s)
        if s.walk.pointOffset < overflow {
            list.append(Binding([.char("j"), .down], "要点下滚 scroll the check points down") { s in
                s.walk.pointOffset += 1
                return []
            })
        }
        if s.walk.pointOffset > 0 {
            list.append(Binding([.char("k"), .up], "要点上滚 scroll the check points up") { s in
                s.walk.pointOffset -= 1
                return []
            })
        }
        list.append(Binding([.char("s")], "点位列表 the round's sites (pick another)", hint: "点位") { s in
            s.walk.phase = .sites
            return show(&s)
        })
        return list
    }

    /// `1` / `7`: records the check of the stop on show in the round (the service records it even when nothing changes).
    static func record(_ s: inout AppState, _ result: InspectionResult) -> [Effect] {
        guard let key = s.walk.currentKey, let round = s.walk.round, allowed(&s) else { return [] }
        return [.recordInspection(key, result: result, round: round.id)]
    }

    /// `2`: the problem form for the stop's cell, in this round, starting on the round's source.
    static func problem(_ s: inout AppState) -> [Effect] {
        guard let key = s.walk.currentKey, let round = s.walk.round, let site = s.walk.site, let stop = s.walk.current,
              allowed(&s) else { return [] }
        var form = ProblemForm(targets: [key], names: ["\(site.summary.label)·\(stop.theme.zh)"])
        form.round = ProblemForm.Round(id: round.id, name: round.name)
        form.source = round.kind.caseSource
        s.overlay = .problemForm(form)
        return []
    }

    /// The permission table, asked before anything is sent (the service asks it again).
    static func allowed(_ s: inout AppState) -> Bool {
        guard Policy.allows(s.role, .recordInspection) else {
            s.message = StatusMessage("\(s.login) 是查看角色，不能记录检查；请管理员授权 (viewers may not record checks)", isError: true)
            return false
        }
        return true
    }

    /// The next theme; after the last, the next site of the round not yet fully checked (declared sites first).
    static func advance(_ s: inout AppState) -> [Effect] {
        guard let site = s.walk.site, let round = s.walk.round else { return [] }
        // The site's own counts decide whether it is done (it may not be in the list of sites owing checks).
        s.walk.pointOffset = 0
        if s.walk.stop + 1 < site.stops.count {
            s.walk.stop += 1
            return []
        }
        let here = s.walk.sites.firstIndex { $0.communityID == site.summary.communityID } ?? -1
        let after = s.walk.sites.indices.filter { $0 > here } + s.walk.sites.indices.filter { $0 < here }
        guard let next = after.first(where: { !s.walk.sites[$0].isDone }) else {
            s.walk.phase = .sites
            let left = site.stops.filter { !$0.checked }.count
            s.message = StatusMessage(left == 0 ? "本轮点位已全部检查 (every site of the round is checked)"
                                                : "本点位还有 \(left) 项未查 (\(left) skipped); 其余点位已查完")
            return [.loadWalkSites(round: round.id)]
        }
        let target = s.walk.sites[next]
        s.walk.siteList.select(next, count: s.walk.sites.count, visible: WalkView.listRows(s))
        s.walk.loading = true
        s.message = StatusMessage("\(site.summary.label) 已走完 → \(target.label) (next site)")
        return [.loadWalkSite(round: round.id, communityID: target.communityID)]
    }

    // MARK: Data coming back

    static func roundsLoaded(_ s: inout AppState, _ rounds: [InspectionRound]) {
        s.walk.rounds = rounds
        s.walk.loading = false
        s.walk.roundList.clamp(count: rounds.count, visible: WalkView.listRows(s))
    }

    static func sitesLoaded(_ s: inout AppState, round: RowID, sites: [WalkSiteSummary], progress: WalkProgress) {
        guard s.walk.round?.id == round else { return }
        s.walk.sites = sites
        s.walk.progress = progress
        if s.walk.phase == .sites { s.walk.loading = false }
        if let here = s.walk.site?.summary.communityID, let i = sites.firstIndex(where: { $0.communityID == here }),
           s.walk.phase == .stops {
            s.walk.siteList.selection = i
        }
        s.walk.siteList.clamp(count: sites.count, visible: WalkView.listRows(s))
    }

    static func siteLoaded(_ s: inout AppState, round: RowID, site: WalkSite) {
        guard s.walk.round?.id == round else { return }
        let same = s.walk.site?.summary.communityID == site.summary.communityID && s.walk.phase == .stops
        var site = site
        // What this console recorded during the walk stays marked on a reload.
        if same, let old = s.walk.site {
            for (i, stop) in site.stops.enumerated() {
                site.stops[i].result = old.stops.first { $0.theme.id == stop.theme.id }?.result
            }
        }
        s.walk.site = site
        s.walk.loading = false
        s.walk.phase = .stops
        if !same {
            s.walk.stop = site.stops.firstIndex { !$0.checked } ?? 0
            s.walk.pointOffset = 0
        }
        s.walk.stop = max(0, min(s.walk.stop, site.stops.count - 1))
        if let i = s.walk.sites.firstIndex(where: { $0.communityID == site.summary.communityID }) {
            s.walk.sites[i] = site.summary
            s.walk.siteList.select(i, count: s.walk.sites.count, visible: WalkView.listRows(s))
        }
        if site.stops.isEmpty {
            s.message = StatusMessage("\(site.summary.label) 没有本轮要查的主题 (no theme of this round applies here)", isError: true)
            s.walk.phase = .sites
        }
    }

    /// An inspection was recorded: the stop is marked, the counts move, the board shows the cell, and when it was the
    /// stop on show the walk goes on.
    static func inspected(_ s: inout AppState, key: CellKey, result: InspectionResult, cell: CellState, cases: [CaseNumber]) -> [Effect] {
        Changes.apply(&s, cell)
        guard var site = s.walk.site, site.summary.communityID == key.communityID,
              let i = site.stops.firstIndex(where: { $0.theme.id == key.themeID }) else { return [] }
        let first = !site.stops[i].checked
        site.stops[i].checked = true
        site.stops[i].result = result
        site.stops[i].status = cell.status
        if first {
            site.summary.checked += 1
            s.walk.progress.cellsDone += 1
            if site.summary.isDone { s.walk.progress.sitesDone += 1 }
        }
        s.walk.site = site
        if let j = s.walk.sites.firstIndex(where: { $0.communityID == key.communityID }) { s.walk.sites[j] = site.summary }
        let numbers = cases.map(\.description).joined(separator: ", ")
        s.message = StatusMessage("已记录 \(site.stops[i].theme.zh): \(result.status.zh)" + (numbers.isEmpty ? "" : " 案件 \(numbers)"))
        guard i == s.walk.stop, s.screen == .walk else { return [] }
        return advance(&s)
    }

    static func view(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) { WalkView.render(s, p, area, &b) }
}
