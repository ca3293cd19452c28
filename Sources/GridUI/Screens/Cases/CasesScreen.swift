import GridCore
import GridPalette
import TerminalKit

/// The case queue: open cases by time left, overdue first; filter, marks and transition keys.
enum CasesScreen: ScreenModule {
    static let id = Screen.cases
    static let name = "案件 cases"
    static let inTabCycle = true

    static func title(_ s: AppState) -> String {
        "案件队列 (\(s.cases.rows.count))\(s.cases.filterLabel)\(s.cases.marks.isEmpty ? "" : " 标记\(s.cases.marks.count)")"
    }

    /// Rows under the header: the queue pages by its own height.
    static func visibleRows(_ s: AppState) -> Int { max(1, s.contentHeight - 1) }

    static func bindings(_ s: AppState) -> [Binding] {
        let page = visibleRows(s)
        return [
            Binding([.char("k"), .up], "上移 up") { s in move(&s) { $0 - 1 } },
            Binding([.char("j"), .down], "下移 down") { s in move(&s) { $0 + 1 } },
            Binding([.pageUp, .ctrl("b")], "上一页 page up") { s in move(&s) { $0 - page } },
            Binding([.pageDown, .ctrl("f")], "下一页 page down") { s in move(&s) { $0 + page } },
            Binding([.char("g"), .home], "到顶部 first case") { s in move(&s) { _ in 0 } },
            Binding([.char("G"), .end], "到底部 last case") { s in move(&s) { _ in Int.max / 2 } },
            Binding([.enter], "案件详情与倒查 case detail and trace-back", hint: "详情") { s in
                guard let c = s.cases.selected else { return [] }
                return [.loadCaseDetail(c.record.number)]
            },
            Binding([.char("/")], "筛选案件 filter cases (状态 来源 街道 小区 主题 单位 物业)", hint: "筛选") { s in
                s.overlay = .caseFilter(TextField(s.cases.filterText))
                return []
            },
            Binding([.char("O")], "只看逾期 overdue only", verb: "overdue") { s in
                s.cases.overdueOnly.toggle()
                return move(&s) { _ in 0 }
            },
            Binding([.char("!")], "只看督办 escalated only", verb: "escalated") { s in
                s.cases.escalatedOnly.toggle()
                return move(&s) { _ in 0 }
            },
            Binding([.char(" ")], "标记案件，流转键作用于全部标记 mark; a transition key then moves every marked case", hint: "标记") { s in
                guard let c = s.cases.selected else { return [] }
                let n = c.record.number
                if s.cases.marks.remove(n) == nil { s.cases.marks.insert(n) }
                s.message = StatusMessage("已标记 \(s.cases.marks.count) 件")
                return move(&s) { $0 + 1 }
            },
        ] + CaseTransitions.bindings { s in targets(s) }
    }

    static func show(_ s: inout AppState) -> [Effect] { [.loadCaseQueue] }

    static func view(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) { CasesView.render(s, p, area, &b) }

    /// The marked cases, else the selected one, with their names for a confirmation.
    static func targets(_ s: AppState) -> [(number: CaseNumber, name: String)] {
        let rows = s.cases.marks.isEmpty ? (s.cases.selected.map { [$0] } ?? []) : s.cases.all.filter {
            s.cases.marks.contains($0.record.number)
        }.sorted { $0.record.number < $1.record.number }
        return rows.map { (number: $0.record.number, name: "\($0.communityName)·\($0.themeName)") }
    }

    static func move(_ s: inout AppState, _ to: (Int) -> Int) -> [Effect] {
        s.cases.list.select(to(s.cases.selection), count: s.cases.rows.count, visible: visibleRows(s))
        return []
    }

    /// Keeps the selection on a shown row and scrolls so it is visible, after a move, a filter or a reload.
    static func clamp(_ s: inout AppState) {
        s.cases.list.clamp(count: s.cases.rows.count, visible: visibleRows(s))
    }

    static func loaded(_ s: inout AppState, _ rows: [CaseRow]) {
        // The selection follows its case when a move reorders the queue (its deadline changed).
        let keep = s.cases.selected?.record.number
        s.cases.today = s.today
        s.cases.all = rows
        s.cases.marks.formIntersection(Set(rows.map(\.record.number)))
        s.cases.loaded = true
        // Indexes are into the filtered rows, which the filter may have narrowed further than `rows`.
        if let i = s.cases.rows.firstIndex(where: { $0.record.number == keep }) { s.cases.selection = i }
        clamp(&s)
    }

    /// A case moved: say so, and reload the queue, the open case and the board (its cell may follow the case).
    static func moved(_ s: inout AppState, number: CaseNumber, from: CaseState, to: CaseState, dueOn: Day?) -> [Effect] {
        s.message = StatusMessage("\(number): \(from.zh) → \(to.zh)" + (dueOn.map { "，期限 \($0)" } ?? ""))
        s.cases.marks = []
        var effects: [Effect] = [.loadCaseQueue]
        if let d = s.caseDetail { effects.append(.loadCaseDetail(d.row.record.number)) }
        return effects + BoardScreen.reloadWindow(&s)
    }
}
