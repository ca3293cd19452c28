import GridCore
import GridPalette
import TerminalKit

/// The dashboard's declared-site panel (`s`): every declared site as one traffic-light line — open problems, overdue,
/// the last self-inspection (red when the lead unit missed its cadence) and the lead unit with its responsible person.
enum DashboardSites {
    static let columns: [ColumnSpec] = [
        ColumnSpec("灯", min: 2, max: 2, priority: 9),
        ColumnSpec("点位", min: 4, max: 5, priority: 9),
        ColumnSpec("名称", min: 8, max: 24, priority: 8),
        ColumnSpec("未结", min: 4, max: 4, priority: 7, trailing: true),
        ColumnSpec("逾期", min: 4, max: 4, priority: 7, trailing: true),
        ColumnSpec("最近自查", min: 10, max: 10, priority: 6),
        ColumnSpec("牵头单位 · 责任人", min: 8, priority: 3),
    ]

    /// `s`: the site lines instead of the league (and back).
    // No hint: the bar keeps 帮助 in view at 40 columns; help and `:sites` list it.
    static let toggle = Binding([.char("s")], "申报点位红绿灯 the declared sites, one traffic-light line each", verb: "sites") { s in
        s.dashboard.showSites.toggle()
        s.dashboard.drill = false
        return s.dashboard.showSites ? [.loadSiteRegister] : []
    }

    static func bindings(_ s: AppState) -> [Binding] {
        var list: [Binding] = (s.dashboard.sites?.count ?? 0) < 2 ? [] : [
            Binding([.char("k"), .up], "上移 up") { s in move(&s) { $0 - 1 } },
            Binding([.char("j"), .down], "下移 down") { s in move(&s) { $0 + 1 } },
            Binding([.char("g"), .home], "第一个点位 first") { s in move(&s) { _ in 0 } },
            Binding([.char("G"), .end], "最后一个点位 last") { s in move(&s) { _ in Int.max / 2 } },
        ]
        list.append(toggle)
        list.append(Binding([.escape], "返回排名 back to the league", hint: "返回") { s in
            s.dashboard.showSites = false
            return []
        })
        return list
    }

    static func visibleRows(_ s: AppState) -> Int { max(1, DashboardView.leagueRows(s)) }

    static func move(_ s: inout AppState, _ to: (Int) -> Int) -> [Effect] {
        s.dashboard.siteList.select(to(s.dashboard.siteList.selection), count: s.dashboard.sites?.count ?? 0, visible: visibleRows(s))
        return []
    }

    static func loaded(_ s: inout AppState, _ sites: [DeclaredSite]) {
        s.dashboard.sites = sites
        s.dashboard.siteList.clamp(count: sites.count, visible: visibleRows(s))
    }

    /// The role of a light: red overdue, yellow the in-progress colour, green the 达标 colour (each also a word: 红/黄/绿).
    static func role(_ light: SiteLight) -> Role {
        switch light {
        case .red: .overdue
        case .yellow: .status(.rectifying)
        case .green: .status(.ok)
        }
    }

    static func render(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) {
        guard area.height > 0 else { return }
        guard let sites = s.dashboard.sites else {
            b.put("申报点位 载入中… loading", x: area.x, y: area.y, width: area.width, style: p[.muted])
            return
        }
        let today = s.today
        let lights = sites.map { $0.light(today: today) }
        let count = { (l: SiteLight) in lights.filter { $0 == l }.count }
        b.put("申报点位 \(sites.count) · 红 \(count(.red)) 黄 \(count(.yellow)) 绿 \(count(.green))（s/Esc 返回排名）",
              x: area.x, y: area.y, width: area.width, style: p[.header])
        guard area.height > 1 else { return }
        if sites.isEmpty {
            b.put("没有申报点位 (no declared sites): civgrid site set 名称 --number N", x: area.x, y: area.y + 1, width: area.width, style: p[.muted])
            return
        }
        let rect = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        Table(columns).render(rowCount: sites.count, state: s.dashboard.siteList, in: rect, header: p[.muted], selected: p[.selection],
                              into: &b) { i in
            let site = sites[i], light = lights[i]
            let missed = site.missedCadence(today: today)
            let last = site.lastSelfInspection?.description ?? "从未自查"
            let lead = site.lead.map { $0.link.unit.name + ($0.responsible.map { " · \($0.display)" } ?? "") } ?? "未指定牵头单位"
            return [(light.zh, p[role(light)]), ("◆\(site.number)", p[.text]), (site.community.name, p[.text]),
                    ("\(site.openCases)", p[site.openCases > 0 ? .text : .muted]),
                    ("\(site.overdueCases)", p[site.overdueCases > 0 ? .overdue : .muted]),
                    (last, p[missed ? .overdue : .text]), (lead, p[.muted])]
        }
    }
}
