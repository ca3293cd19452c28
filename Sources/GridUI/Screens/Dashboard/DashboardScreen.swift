import GridCore
import GridPalette
import TerminalKit

/// The dashboard: the month's figures and the league of units (or property companies) with their deductions.
enum DashboardScreen: ScreenModule {
    static let id = Screen.dashboard
    static let name = "统计 dashboard"
    static let inTabCycle = true

    static func title(_ s: AppState) -> String { "统计与排名" }

    /// The dashboard covers the whole grid: the board's scope and filter do not apply to it.
    static func statusContext(_ s: AppState) -> String { "全部 (whole grid)" }

    static func bindings(_ s: AppState) -> [Binding] {
        // In the fixes while they are on screen; a screen shrunk below them gets the league's keys back.
        if s.dashboard.fixFocus, DashboardView.panelHeight(s) > 2 { return fixBindings(s) }
        if s.dashboard.showSites { return DashboardSites.bindings(s) }
        // Moving means something only once the table has rows (help and hints list only keys that work).
        var list: [Binding] = s.dashboard.ranked.count < 2 ? [] : [
            Binding([.char("k"), .up], "上移 up") { s in move(&s) { $0 - 1 } },
            Binding([.char("j"), .down], "下移 down") { s in move(&s) { $0 + 1 } },
            Binding([.char("g"), .home], "第一名 first") { s in move(&s) { _ in 0 } },
            Binding([.char("G"), .end], "最后一名 last") { s in move(&s) { _ in Int.max / 2 } },
        ]
        list += [
            Binding([.char("p")], "单位/物业排名切换 units ↔ property companies", hint: "切换", verb: "property") { s in
                s.dashboard.byProperty.toggle()
                s.dashboard.list = ListState()
                s.dashboard.drill = false
                return load(&s)
            },
            DashboardSites.toggle,
            Binding([.enter], "扣分明细 the deductions behind a score", hint: "明细") { s in
                s.dashboard.drill.toggle()
                return []
            },
        ]
        // Only while the fixes are on screen (short screens show the score alone).
        if !(s.dashboard.assessment?.fixes.isEmpty ?? true), DashboardView.panelHeight(s) > 2 {
            list.append(Binding([.char("f")], "整改清单 the fixes that gain most (Enter jumps to the cell)", hint: "整改", verb: "fixes") { s in
                s.dashboard.fixFocus = true
                s.dashboard.drill = false
                return []
            })
        }
        // Esc only means something while the deductions are open (otherwise it would be a dead key in help).
        if s.dashboard.drill {
            list.append(Binding([.escape], "返回排名 back to the table", hint: "返回") { s in
                s.dashboard.drill = false
                return []
            })
        }
        return list
    }

    static func show(_ s: inout AppState) -> [Effect] { load(&s) + assess(&s) + [.loadSiteRegister] }

    /// Asks for the figures; they may arrive later (gathered in the background), the screen says "computing…" meanwhile.
    static func load(_ s: inout AppState) -> [Effect] {
        s.dashboard.computing = true
        return [.loadDashboard(byProperty: s.dashboard.byProperty)]
    }

    /// Asks for the assessment simulation (background; the last figures stay up marked 更新中… until it arrives).
    static func assess(_ s: inout AppState) -> [Effect] {
        s.dashboard.assessing = true
        return [.loadAssessment]
    }

    static func move(_ s: inout AppState, _ to: (Int) -> Int) -> [Effect] {
        s.dashboard.list.select(to(s.dashboard.selection), count: s.dashboard.ranked.count, visible: DashboardView.leagueRows(s))
        return []
    }

    static func assessed(_ s: inout AppState, _ panel: AssessmentPanel) {
        s.dashboard.assessing = false
        s.dashboard.assessment = panel
        s.dashboard.fixList.clamp(count: panel.fixes.count, visible: DashboardView.fixRows)
        if panel.fixes.isEmpty { s.dashboard.fixFocus = false }
    }

    static func loaded(_ s: inout AppState, _ d: DashboardData) {
        // Figures for the other league (p pressed while they were computed) are dropped: the newer request follows.
        guard d.byProperty == s.dashboard.byProperty else { return }
        s.dashboard.computing = false
        s.dashboard.data = d
        s.dashboard.list.clamp(count: d.league.count, visible: DashboardView.leagueRows(s))
    }

    static func view(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) { DashboardView.render(s, p, area, &b) }
}
