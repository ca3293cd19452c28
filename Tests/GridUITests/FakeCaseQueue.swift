import GridCore
import TerminalKit
@testable import GridUI

/// Stands in for the store behind the case queue: answers `.loadCaseQueue` windows from rows in memory with the
/// store's order and filter (the store's own behaviour is tested in GridStoreTests), and board loads from the fixture.
struct FakeCaseQueue {
    var rows: [CaseRow]
    /// Every window asked for, in order.
    final class Log { var windows: [(offset: Int, limit: Int)] = [] }
    let log = Log()

    init(_ rows: [CaseRow]) { self.rows = rows }

    /// The rows `query` keeps, in queue order: due day (none last), then number.
    func filtered(_ q: CaseQueueQuery, today: Day) -> [CaseRow] {
        rows.filter { row in
            let r = row.record
            let text = q.text.trimmingWhitespace()
            let named = [r.number.description, r.state.zh, r.source.zh, row.streetName, row.communityName, row.themeName, row.unitName,
                         r.chain.propertyName ?? "", r.description]
            return r.state.isOpen && (text.isEmpty || named.contains { $0.contains(text) }) && (!q.overdueOnly || r.isOverdue(today: today))
                && (!q.escalatedOnly || r.escalated) && (q.states.isEmpty || q.states.contains(r.state))
        }.sorted { ($0.record.dueOn?.ordinal ?? .max, $0.record.number) < ($1.record.dueOn?.ordinal ?? .max, $1.record.number) }
    }

    /// Runs the effects (and those their results bring), answering queue and board loads; returns the rest.
    @discardableResult
    func answer(_ s: inout AppState, _ effects: [Effect]) -> [Effect] {
        var rest: [Effect] = []
        var queue = effects
        while !queue.isEmpty {
            let e = queue.removeFirst()
            if case .loadCaseQueue(let q, var offset, let limit, _, _, let follow) = e {
                let all = filtered(q, today: s.today)
                if let follow, let at = all.firstIndex(where: { $0.record.number == follow }) { offset = max(0, at - limit / 3) }
                log.windows.append((offset, limit))
                let window = Array(all.dropFirst(offset).prefix(limit))
                queue += Reducer.reduce(&s, .caseQueueLoaded(query: q, total: all.count, offset: offset, rows: window))
            } else {
                rest += UIFixture.answer(&s, [e])
            }
        }
        return rest
    }

    /// Presses keys, answering loads; returns the other effects.
    @discardableResult
    func press(_ s: inout AppState, _ keys: [Key]) -> [Effect] {
        var out: [Effect] = []
        for k in keys { out += answer(&s, Reducer.reduce(&s, .key(k))) }
        return out
    }
}
