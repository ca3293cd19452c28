import GridCore
import TerminalKit

/// `:sort gain`: the case queue ordered by the points fixing each case's cell would gain in the assessment (the
/// simulator's fixes, computed in the background), cases gaining nothing after them by deadline. The console holds
/// the order as case numbers only (a few bytes a case) and reads the rows of the window on screen by number, so a
/// move or page costs one statement as it does in deadline order.
enum CaseGainSort {
    /// `:sort gain|due`: switches the order and reloads the queue; anything else is a usage message.
    static func command(_ s: inout AppState, _ arg: String) -> [Effect] {
        let sort: CaseQueueSort
        switch arg {
        case "gain", "得分", "分值": sort = .gain
        case "due", "deadline", "期限": sort = .deadline
        default:
            s.message = StatusMessage("用法 usage: :sort gain|due (案件: 按挽回分 by points gained, 按期限 by deadline) "
                + "or :sort site|board (网格: 按申报点位 by site number, 按排序 office order)", isError: true)
            return []
        }
        s.screen = .cases
        guard sort != s.cases.sort || !s.cases.loaded else {
            s.message = StatusMessage(sort == .gain ? "已按挽回分排序 (already by points gained)" : "已按期限排序 (already by deadline)")
            return CasesScreen.show(&s)
        }
        s.cases.sort = sort
        s.cases.gainOrder = nil
        s.cases.gains = [:]
        s.cases.list = ListState()
        s.message = StatusMessage(sort == .gain ? "按测评挽回分排序，计算中… (ordering by expected points gained)" : "按期限排序 (by deadline)")
        return CasesScreen.reload(&s)
    }

    /// Asks for the order again (a filter, a move, showing the queue); the selection stays on `follow`'s case.
    static func reload(_ s: inout AppState, follow: CaseNumber?) -> [Effect] {
        s.cases.loading = true
        return [.loadCaseGainOrder(query: s.cases.query, follow: follow)]
    }

    /// The order arrived: it replaces the old one, and the window around the selection is read.
    static func ordered(_ s: inout AppState, query: CaseQueueQuery, order: [CaseNumber], gains: [CaseNumber: Double],
                        follow: CaseNumber?) -> [Effect] {
        guard query == s.cases.query, s.cases.sort == .gain else { return [] }
        s.cases.gainOrder = order
        s.cases.gains = gains
        s.cases.total = order.count
        s.cases.rows = []
        s.cases.windowOffset = 0
        s.cases.loading = false
        s.cases.loaded = true
        if let follow, let i = order.firstIndex(of: follow) { s.cases.selection = i }
        s.cases.list.clamp(count: order.count, visible: CasesScreen.visibleRows(s))
        return ensureWindow(&s)
    }

    /// Reads the rows around the visible ones by number when they are not all fetched (three screens, as in
    /// deadline order).
    static func ensureWindow(_ s: inout AppState) -> [Effect] {
        guard let order = s.cases.gainOrder else { return [] }
        let q = s.cases
        let visible = CasesScreen.visibleRows(s)
        let needEnd = min(order.count, q.offset + visible)
        let have = q.windowOffset..<(q.windowOffset + q.rows.count)
        guard !order.isEmpty, !q.loading, !(have.contains(q.offset) && needEnd <= have.upperBound) else { return [] }
        s.cases.loading = true
        let start = max(0, q.offset - visible)
        let end = min(order.count, start + visible * 3)
        return [.loadCaseRows(query: q.query, offset: start, numbers: Array(order[start..<end]))]
    }

    /// A window of the gain order arrived (dropped when the filter or the order has changed since).
    static func rowsLoaded(_ s: inout AppState, query: CaseQueueQuery, offset: Int, requested: [CaseNumber], rows: [CaseRow]) -> [Effect] {
        guard query == s.cases.query, s.cases.sort == .gain, let order = s.cases.gainOrder,
              offset + requested.count <= order.count, Array(order[offset..<(offset + requested.count)]) == requested else { return [] }
        // A case closed (or voided) since the order was computed is missing: the order is computed again rather
        // than showing rows out of place.
        guard rows.map(\.record.number) == requested else {
            s.cases.loading = false
            return reload(&s, follow: s.cases.selected?.record.number)
        }
        s.cases.loading = false
        s.cases.windowOffset = offset
        s.cases.rows = rows
        s.cases.loadedQuery = query
        s.cases.today = s.today
        return CasesScreen.clamp(&s)
    }
}
