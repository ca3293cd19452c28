import GridCore
import GridPalette
import TerminalKit

/// The case queue: open cases by time left, overdue first; filter, marks and transition keys.
enum CasesScreen: ScreenModule {
    static let id = Screen.cases
    static let name = "案件 cases"
    static let inTabCycle = true

    static func title(_ s: AppState) -> String {
        // While a new filter is being counted, the count shown would be the old filter's.
        let settled = s.cases.loadedQuery == s.cases.query && (s.cases.sort == .deadline || s.cases.gainOrder != nil)
        let count = settled ? "\(s.cases.total)" : "…"
        let sort = s.cases.sort == .gain ? " 按挽回分排序" : ""
        return "案件队列 (\(count))\(sort)\(s.cases.filterLabel)\(s.cases.marks.isEmpty ? "" : " 标记\(s.cases.marks.count)")"
    }

    /// The selected case of how many, with the queue's filter and order (the board's scope and filter do not apply here).
    static func statusContext(_ s: AppState) -> String {
        let q = s.cases
        let position = q.total == 0 ? "0/0" : "\(q.selection + 1)/\(q.total)"
        return "案件 \(position)" + (q.sort == .gain ? " · 按挽回分" : "") + (q.filterLabel.isEmpty ? "" : " ·" + q.filterLabel)
            + (q.marks.isEmpty ? "" : " · 标记\(q.marks.count)")
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
                return filterChanged(&s)
            },
            Binding([.char("!")], "只看督办 escalated only", verb: "escalated") { s in
                s.cases.escalatedOnly.toggle()
                return filterChanged(&s)
            },
            Binding([.char(" ")], "标记案件，流转键作用于全部标记 mark; a transition key then moves every marked case", hint: "标记") { s in
                guard let c = s.cases.selected else { return [] }
                let n = c.record.number
                if s.cases.marks.remove(n) == nil {
                    s.cases.marks.insert(n)
                    s.cases.markNames[n] = c.name
                } else {
                    s.cases.markNames[n] = nil
                }
                s.message = StatusMessage("已标记 \(s.cases.marks.count) 件")
                return move(&s) { $0 + 1 }
            },
        ] + CaseTransitions.bindings { s in targets(s) }
    }

    static func show(_ s: inout AppState) -> [Effect] { reload(&s) }

    static func view(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) { CasesView.render(s, p, area, &b) }

    /// The marked cases (in or out of the window), else the selected one, with their names for a confirmation.
    static func targets(_ s: AppState) -> [(number: CaseNumber, name: String)] {
        guard !s.cases.marks.isEmpty else { return s.cases.selected.map { [(number: $0.record.number, name: $0.name)] } ?? [] }
        return s.cases.marks.sorted().map { n in (number: n, name: s.cases.markNames[n] ?? "") }
    }

    static func move(_ s: inout AppState, _ to: (Int) -> Int) -> [Effect] {
        s.cases.list.select(to(s.cases.selection), count: s.cases.total, visible: visibleRows(s))
        return ensureWindow(&s)
    }

    /// Keeps the selection on a row of the queue and scrolls so it is visible, after a move, a filter or a reload.
    static func clamp(_ s: inout AppState) -> [Effect] {
        s.cases.list.clamp(count: s.cases.total, visible: visibleRows(s))
        return s.screen == .cases ? ensureWindow(&s) : []
    }

    /// The filter changed: back to the first row, and a fresh count and window for the new query.
    static func filterChanged(_ s: inout AppState) -> [Effect] {
        s.cases.list = ListState()
        return reload(&s)
    }

    /// Counts again and fetches the window around the rows shown (on showing the queue, a filter, after a move).
    static func reload(_ s: inout AppState, follow: CaseNumber? = nil) -> [Effect] {
        if s.cases.sort == .gain { return CaseGainSort.reload(&s, follow: follow) }
        s.cases.loading = true
        let visible = visibleRows(s)
        return [.loadCaseQueue(query: s.cases.query, offset: max(0, s.cases.offset - visible), limit: visible * 3, total: nil,
                               follow: follow)]
    }

    /// Requests a window around the visible rows when they are not all fetched: three screens tall, so holding a
    /// key down fetches once per screen and memory stays bounded by it.
    static func ensureWindow(_ s: inout AppState) -> [Effect] {
        if s.cases.sort == .gain { return CaseGainSort.ensureWindow(&s) }
        let q = s.cases
        let visible = visibleRows(s)
        let needEnd = min(q.total, q.offset + visible)
        let have = q.windowOffset..<(q.windowOffset + q.rows.count)
        guard q.total > 0, !q.loading, !(have.contains(q.offset) && needEnd <= have.upperBound) else { return [] }
        s.cases.loading = true
        let start = max(0, q.offset - visible)
        return [.loadCaseQueue(query: q.query, offset: start, limit: visible * 3, total: q.total, anchor: anchor(q, near: start))]
    }

    /// A loaded row next to where the new window starts, so the store can seek instead of skip.
    static func anchor(_ q: CaseQueueState, near start: Int) -> CaseQueueAnchor? {
        guard !q.rows.isEmpty, q.loadedQuery == q.query else { return nil }
        let index = max(q.windowOffset, min(q.windowOffset + q.rows.count - 1, start - 1))
        let row = q.rows[index - q.windowOffset].record
        return CaseQueueAnchor(index: index, dueOn: row.dueOn, number: row.number)
    }

    /// A window arrived. A reply to an older filter is dropped; a reload of the same filter keeps the selection on
    /// its case when a move reordered the queue (its deadline changed).
    static func loaded(_ s: inout AppState, query: CaseQueueQuery, total: Int, offset: Int, rows: [CaseRow]) -> [Effect] {
        // A deadline-ordered window that arrives after `:sort gain` belongs to the other order.
        guard query == s.cases.query, s.cases.sort == .deadline else { return [] }
        let follow = s.cases.loadedQuery == query ? s.cases.selected?.record.number : nil
        s.cases.loading = false
        s.cases.today = s.today
        s.cases.total = total
        s.cases.windowOffset = offset
        s.cases.rows = rows
        s.cases.loadedQuery = query
        s.cases.loaded = true
        if let follow, let i = rows.firstIndex(where: { $0.record.number == follow }) { s.cases.selection = offset + i }
        return clamp(&s)
    }

    /// A case moved: say so, and reload the queue, the open case and the board (its cell may follow the case).
    static func moved(_ s: inout AppState, number: CaseNumber, from: CaseState, to: CaseState, dueOn: Day?) -> [Effect] {
        s.message = StatusMessage("\(number): \(from.zh) → \(to.zh)" + (dueOn.map { "，期限 \($0)" } ?? ""))
        s.cases.marks = []
        s.cases.markNames = [:]
        // The selection follows its case: a move may send it elsewhere in the queue (its deadline changed).
        var effects = reload(&s, follow: s.cases.selected?.record.number)
        if let d = s.caseDetail { effects.append(.loadCaseDetail(d.row.record.number)) }
        return effects + BoardScreen.reloadWindow(&s)
    }
}
