import GridCore
import TerminalKit

/// Walk mode's two lists: the rounds, then the chosen round's sites (declared sites first).
enum WalkLists {
    /// Which of the two lists a key moves in.
    enum Which: Sendable { case rounds, sites }

    /// Moves the selection of a list to `to(selection)`, clamped and scrolled into view.
    static func move(_ s: inout AppState, _ which: Which, _ to: (Int) -> Int) -> [Effect] {
        let rows = WalkView.listRows(s)
        switch which {
        case .rounds: s.walk.roundList.select(to(s.walk.roundList.selection), count: s.walk.rounds.count, visible: rows)
        case .sites: s.walk.siteList.select(to(s.walk.siteList.selection), count: s.walk.sites.count, visible: rows)
        }
        return []
    }

    /// The keys that move in a list of `count` rows, bound only when they can move.
    static func moves(_ list: ListState, count: Int, page: Int, _ which: Which) -> [Binding] {
        var b: [Binding] = []
        if list.selection > 0 {
            b.append(Binding([.char("k"), .up], "上移 up") { s in move(&s, which) { $0 - 1 } })
            b.append(Binding([.pageUp, .ctrl("b")], "上一页 page up") { s in move(&s, which) { $0 - page } })
            b.append(Binding([.char("g"), .home], "到顶部 first") { s in move(&s, which) { _ in 0 } })
        }
        if list.selection < count - 1 {
            b.append(Binding([.char("j"), .down], "下移 down") { s in move(&s, which) { $0 + 1 } })
            b.append(Binding([.pageDown, .ctrl("f")], "下一页 page down") { s in move(&s, which) { $0 + page } })
            b.append(Binding([.char("G"), .end], "到底部 last") { s in move(&s, which) { _ in count - 1 } })
        }
        return b
    }

    static func roundBindings(_ s: AppState) -> [Binding] {
        guard !s.walk.rounds.isEmpty else {
            return [Binding([.char("r")], "重新读取轮次 read the rounds again", hint: "刷新") { s in
                s.walk.loading = true
                return [.loadWalkRounds]
            }]
        }
        let page = max(1, WalkView.listRows(s))
        return [Binding([.enter], "巡检这一轮 walk this round: its sites", hint: "选择") { s in pickRound(&s) }]
            + moves(s.walk.roundList, count: s.walk.rounds.count, page: page, .rounds)
    }

    static func pickRound(_ s: inout AppState) -> [Effect] {
        guard s.walk.rounds.indices.contains(s.walk.roundList.selection) else { return [] }
        let round = s.walk.rounds[s.walk.roundList.selection]
        if s.walk.round?.id != round.id {
            s.walk.sites = []
            s.walk.site = nil
            s.walk.siteList = ListState()
        }
        s.walk.round = round
        s.walk.phase = .sites
        s.walk.loading = true
        return [.loadWalkSites(round: round.id)]
    }

    static func siteBindings(_ s: AppState) -> [Binding] {
        var list: [Binding] = []
        if !s.walk.sites.isEmpty {
            list.append(Binding([.enter], "从这个点位开始 walk this site's themes", hint: "开始") { s in
                guard let round = s.walk.round, s.walk.sites.indices.contains(s.walk.siteList.selection) else { return [] }
                s.walk.loading = true
                return [.loadWalkSite(round: round.id, communityID: s.walk.sites[s.walk.siteList.selection].communityID)]
            })
        }
        list += moves(s.walk.siteList, count: s.walk.sites.count, page: max(1, WalkView.listRows(s)), .sites)
        list.append(Binding([.char("r")], "换轮次 pick another round", hint: "轮次") { s in
            s.walk.phase = .rounds
            s.walk.loading = true
            return [.loadWalkRounds]
        })
        return list
    }
}
