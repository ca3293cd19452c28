import GRDB
import GridCore

/// The case queue's filter as SQL over `case_record r`, and its windows in queue order. The order is the
/// `case_queue` index (migration v5): `coalesce(due_on, '~')` puts cases without a deadline after every day.
struct CaseQueueWhere {
    /// The queue's sort key, exactly as the index spells it (SQLite matches index expressions by their text).
    static let key = "coalesce(r.due_on, '~')"
    /// Open states, exactly as the partial index spells its WHERE (so the planner can use it).
    static let open = "r.state NOT IN ('closed','fixed_on_site','void')"
    static let order = "\(key), r.year, r.seq"
    static let reversed = "\(key) DESC, r.year DESC, r.seq DESC"
    /// Counts walk the partial index (open cases only): left alone, SQLite walks a covering index of every case,
    /// closed ones included — four times the entries at province.
    static let indexed = "INDEXED BY case_queue"

    var sql: String
    var arguments: StatementArguments

    init(_ q: CaseQueueQuery, today: Day) {
        var parts = [CaseQueueWhere.open]
        var args: StatementArguments = [:]
        if !q.states.isEmpty {
            parts.append("r.state IN (\(CaseState.allCases.filter { q.states.contains($0) }.map { "'\($0.rawValue)'" }.joined(separator: ",")))")
        }
        if q.overdueOnly {
            // A range on the index: overdue cases are the queue's first rows.
            parts.append("\(CaseQueueWhere.key) < :today")
            args += ["today": today.description]
        }
        if q.escalatedOnly { parts.append("r.escalated = 1") }
        let text = q.text.trimmingWhitespace()
        if !text.isEmpty {
            parts.append("(" + CaseQueueWhere.textTerms(text).joined(separator: " OR ") + ")")
            args += ["q": text]
        }
        sql = parts.joined(separator: " AND ")
        arguments = args
    }

    /// Where free text may be found. Names are matched once per statement (the `IN (SELECT …)` lists are built
    /// before the scan), so each case costs a few set look-ups; state and source labels are matched in Swift.
    static func textTerms(_ text: String) -> [String] {
        var terms = [
            "r.community_id IN (SELECT id FROM community WHERE instr(name, :q) > 0)",
            "r.community_id IN (SELECT c.id FROM community c JOIN street s ON s.id = c.street_id WHERE instr(s.name, :q) > 0)",
            "r.theme_id IN (SELECT id FROM theme WHERE instr(name_zh, :q) > 0)",
            "r.handling_unit_id IN (SELECT id FROM unit WHERE instr(name, :q) > 0)",
            // The registered unit and the property company live in the chain snapshot; the plain instr rules out most rows first.
            "(instr(r.chain, :q) > 0 AND (instr(json_extract(r.chain, '$.unitName'), :q) > 0 OR instr(json_extract(r.chain, '$.propertyName'), :q) > 0))",
            "instr(r.description, :q) > 0",
        ]
        let states = CaseState.allCases.filter { $0.isOpen && $0.zh.contains(text) }.map { "'\($0.rawValue)'" }
        if !states.isEmpty { terms.append("r.state IN (\(states.joined(separator: ",")))") }
        let sources = CaseSource.allCases.filter { $0.zh.contains(text) }.map { "'\($0.rawValue)'" }
        if !sources.isEmpty { terms.append("r.source IN (\(sources.joined(separator: ",")))") }
        if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
            terms.append("instr(printf('%d-%04d', r.year, r.seq), :q) > 0")
        }
        return terms
    }

    func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM case_record r \(CaseQueueWhere.indexed) WHERE \(sql)", arguments: arguments) ?? 0
    }

    /// One statement: the window's cases with their names, in queue order (or reversed, for `descending`).
    func rows(_ db: Database, extra: String = "", extraArguments: StatementArguments = [:], descending: Bool = false,
              limit: Int, skip: Int) throws -> [CaseQueueEntry] {
        guard limit > 0 else { return [] }
        return try Row.fetchAll(db, sql: """
            SELECT r.*, c.name AS q_community, s.name AS q_street, th.name_zh AS q_theme, u.name AS q_unit
            FROM case_record r
            LEFT JOIN community c ON c.id = r.community_id
            LEFT JOIN street s ON s.id = c.street_id
            LEFT JOIN theme th ON th.id = r.theme_id
            LEFT JOIN unit u ON u.id = r.handling_unit_id
            WHERE \(sql)\(extra)
            ORDER BY \(descending ? CaseQueueWhere.reversed : CaseQueueWhere.order)
            LIMIT :limit OFFSET :skip
            """, arguments: arguments + extraArguments + ["limit": limit, "skip": max(0, skip)]).map(CaseQueueSQL.entry)
    }

    /// Rows `offset ..< offset + limit`: sought from the anchor when one is near, else from whichever end is nearer.
    func window(_ db: Database, offset: Int, limit: Int, total: Int?, anchor: CaseQueueAnchor?) throws -> [CaseQueueEntry] {
        if let anchor, abs(offset - anchor.index) < 5_000 {
            return try seek(db, from: anchor, offset: offset, limit: limit)
        }
        guard offset > 2_000 else { return try rows(db, limit: limit, skip: offset) }
        let total = try total ?? count(db)
        guard offset > total / 2 else { return try rows(db, limit: limit, skip: offset) }
        let end = min(offset + limit, total)
        guard end > offset else { return [] }
        return try rows(db, descending: true, limit: end - offset, skip: total - end).reversed()
    }

    /// Rows after (`>`), before (`<`) or from (`>=`) a place in queue order. Spelled as a range on the index's first
    /// column and a tie-break on the number: SQLite does not seek an expression index by a row value.
    static func beyond(_ op: String) -> String {
        let strict = op.hasPrefix(">") ? ">" : "<"
        let wide = op.hasPrefix(">") ? ">=" : "<="
        return " AND \(key) \(wide) :a_due AND (\(key) \(strict) :a_due OR (r.year, r.seq) \(op) (:a_year, :a_seq))"
    }

    /// Keyset paging: rows after (or before) the anchor's (due day, number), skipping only the gap.
    func seek(_ db: Database, from anchor: CaseQueueAnchor, offset: Int, limit: Int) throws -> [CaseQueueEntry] {
        let key: StatementArguments = ["a_due": anchor.dueOn?.description ?? "~", "a_year": anchor.number.year,
                                       "a_seq": anchor.number.sequence]
        if offset > anchor.index {
            return try rows(db, extra: CaseQueueWhere.beyond(">"), extraArguments: key, limit: limit,
                            skip: offset - anchor.index - 1)
        }
        // The window starts at or before the anchor: read backwards from it, then turn the rows around.
        let end = offset + limit // exclusive
        let before = try rows(db, extra: CaseQueueWhere.beyond("<"), extraArguments: key, descending: true,
                              limit: min(limit, anchor.index - offset), skip: max(0, anchor.index - end))
        guard end > anchor.index else { return before.reversed() }
        let from = try rows(db, extra: CaseQueueWhere.beyond(">="), extraArguments: key, limit: end - anchor.index, skip: 0)
        return before.reversed() + from
    }
}
