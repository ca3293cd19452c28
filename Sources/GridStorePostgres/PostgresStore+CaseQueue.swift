import GridCore

extension PostgresStore {
    public func caseQueueCount(_ query: CaseQueueQuery, today: Day) throws(GridError) -> Int {
        let w = PGCaseQueueWhere(query, today: today)
        return try read { s throws(GridError) in Int(try s.int("SELECT count(*) FROM case_record r WHERE \(w.sql)", w.args) ?? 0) }
    }

    public func caseQueueWindow(_ query: CaseQueueQuery, today: Day, offset: Int, limit: Int, total: Int?,
                                anchor: CaseQueueAnchor?) throws(GridError) -> [CaseQueueEntry] {
        let w = PGCaseQueueWhere(query, today: today)
        return try read { s throws(GridError) in try w.window(s, offset: max(0, offset), limit: max(0, limit), total: total, anchor: anchor) }
    }

    public func caseQueuePosition(of number: CaseNumber, _ query: CaseQueueQuery, today: Day) throws(GridError) -> Int? {
        let w = PGCaseQueueWhere(query, today: today)
        return try read { s throws(GridError) in
            guard let key = try s.text("SELECT \(PGCaseQueueWhere.key) FROM case_record r WHERE \(w.sql) AND r.year = ? AND r.seq = ?",
                                       w.args + [number.year, number.sequence]) else { return nil }
            return try s.int("SELECT count(*) FROM case_record r WHERE \(w.sql) AND \(PGCaseQueueWhere.beyond("<"))",
                             w.args + PGCaseQueueWhere.keyArgs(key, number)).map(Int.init)
        }
    }
}

/// The case queue's filter over `case_record r` and its windows in queue order (the `case_queue` partial index:
/// due day with no deadline last, then number) — the SQLite store's `CaseQueueWhere` with positional arguments.
struct PGCaseQueueWhere {
    static let key = "coalesce(r.due_on, '~')"
    static let order = "\(key), r.year, r.seq"
    static let reversed = "\(key) DESC, r.year DESC, r.seq DESC"

    var sql: String
    var args: [any SQLBindable]

    init(_ q: CaseQueueQuery, today: Day) {
        var parts = ["r.state NOT IN ('closed','fixed_on_site','void')"]
        args = []
        if !q.states.isEmpty {
            parts.append("r.state IN (\(CaseState.allCases.filter { q.states.contains($0) }.map { "'\($0.rawValue)'" }.joined(separator: ",")))")
        }
        if q.overdueOnly {
            parts.append("\(PGCaseQueueWhere.key) < ?")
            args.append(today.description)
        }
        if q.escalatedOnly { parts.append("r.escalated = 1") }
        let text = q.text.trimmingWhitespace()
        if !text.isEmpty {
            let terms = PGCaseQueueWhere.textTerms(text)
            parts.append("(" + terms.joined(separator: " OR ") + ")")
            args += Array(repeating: text, count: terms.reduce(0) { $0 + $1.filter { $0 == "?" }.count })
        }
        sql = parts.joined(separator: " AND ")
    }

    /// Where free text may be found; every `?` is the text.
    static func textTerms(_ text: String) -> [String] {
        var terms = [
            "r.community_id IN (SELECT id FROM community WHERE position(? IN name) > 0)",
            "r.community_id IN (SELECT c.id FROM community c JOIN street s ON s.id = c.street_id WHERE position(? IN s.name) > 0)",
            "r.theme_id IN (SELECT id FROM theme WHERE position(? IN name_zh) > 0)",
            "r.handling_unit_id IN (SELECT id FROM unit WHERE position(? IN name) > 0)",
            "(position(? IN r.chain) > 0 AND (position(? IN coalesce(r.chain::json ->> 'unitName', '')) > 0 "
                + "OR position(? IN coalesce(r.chain::json ->> 'propertyName', '')) > 0))",
            "position(? IN r.description) > 0",
        ]
        let states = CaseState.allCases.filter { $0.isOpen && $0.zh.contains(text) }.map { "'\($0.rawValue)'" }
        if !states.isEmpty { terms.append("r.state IN (\(states.joined(separator: ",")))") }
        let sources = CaseSource.allCases.filter { $0.zh.contains(text) }.map { "'\($0.rawValue)'" }
        if !sources.isEmpty { terms.append("r.source IN (\(sources.joined(separator: ",")))") }
        if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
            terms.append("position(? IN (r.year::text || '-' || lpad(r.seq::text, 4, '0'))) > 0")
        }
        return terms
    }

    /// Rows after (`>`), before (`<`) or from (`>=`) a place in queue order; bind `keyArgs` after it.
    static func beyond(_ op: String) -> String {
        let strict = op.hasPrefix(">") ? ">" : "<"
        let wide = op.hasPrefix(">") ? ">=" : "<="
        return "\(key) \(wide) ? AND (\(key) \(strict) ? OR (r.year, r.seq) \(op) (?, ?))"
    }

    static func keyArgs(_ due: String, _ number: CaseNumber) -> [any SQLBindable] {
        [due, due, number.year, number.sequence]
    }

    /// One statement: the window's cases with their names, in queue order (or reversed).
    func rows(_ s: PGSession, extra: String = "", extraArgs: [any SQLBindable] = [], descending: Bool = false,
              limit: Int, skip: Int) throws(GridError) -> [CaseQueueEntry] {
        guard limit > 0 else { return [] }
        return try s.query("""
            SELECT r.*, c.name AS q_community, s.name AS q_street, th.name_zh AS q_theme, u.name AS q_unit
            FROM case_record r
            LEFT JOIN community c ON c.id = r.community_id
            LEFT JOIN street s ON s.id = c.street_id
            LEFT JOIN theme th ON th.id = r.theme_id
            LEFT JOIN unit u ON u.id = r.handling_unit_id
            WHERE \(sql)\(extra.isEmpty ? "" : " AND " + extra)
            ORDER BY \(descending ? PGCaseQueueWhere.reversed : PGCaseQueueWhere.order)
            LIMIT ? OFFSET ?
            """, args + extraArgs + [limit, max(0, skip)]).map { r throws(GridError) in
            try decoded {
                let c = try PGCaseRows.decode(r)
                return CaseQueueEntry(record: c, communityName: r["q_community"].text ?? "#\(c.communityID)", streetName: r.text("q_street"),
                                      themeName: r.text("q_theme"), unitName: r["q_unit"].text ?? c.chain.unitName)
            }
        }
    }

    func window(_ s: PGSession, offset: Int, limit: Int, total: Int?, anchor: CaseQueueAnchor?) throws(GridError) -> [CaseQueueEntry] {
        if let anchor, abs(offset - anchor.index) < 5_000 {
            return try seek(s, from: anchor, offset: offset, limit: limit)
        }
        guard offset > 2_000 else { return try rows(s, limit: limit, skip: offset) }
        var known = total
        if known == nil { known = Int(try s.int("SELECT count(*) FROM case_record r WHERE \(sql)", args) ?? 0) }
        let total = known ?? 0
        guard offset > total / 2 else { return try rows(s, limit: limit, skip: offset) }
        let end = min(offset + limit, total)
        guard end > offset else { return [] }
        return try rows(s, descending: true, limit: end - offset, skip: total - end).reversed()
    }

    func seek(_ s: PGSession, from anchor: CaseQueueAnchor, offset: Int, limit: Int) throws(GridError) -> [CaseQueueEntry] {
        let key = PGCaseQueueWhere.keyArgs(anchor.dueOn?.description ?? "~", anchor.number)
        if offset > anchor.index {
            return try rows(s, extra: PGCaseQueueWhere.beyond(">"), extraArgs: key, limit: limit, skip: offset - anchor.index - 1)
        }
        let end = offset + limit
        let before = try rows(s, extra: PGCaseQueueWhere.beyond("<"), extraArgs: key, descending: true,
                              limit: min(limit, anchor.index - offset), skip: max(0, anchor.index - end))
        guard end > anchor.index else { return before.reversed() }
        let from = try rows(s, extra: PGCaseQueueWhere.beyond(">="), extraArgs: key, limit: end - anchor.index, skip: 0)
        return before.reversed() + from
    }
}
