import Foundation
import GridCore

extension PostgresStore {
    public func caseRecord(_ number: CaseNumber) throws(GridError) -> CaseRecord? {
        try read { s throws(GridError) in try PGCaseRows.fetch(s, number)?.1 }
    }

    public func cases(_ query: CaseQuery) throws(GridError) -> [CaseRecord] {
        var conditions = ["TRUE"]
        var args: [any SQLBindable] = []
        func add(_ condition: String, _ values: any SQLBindable...) {
            conditions.append(condition)
            args += values
        }
        let open = CaseState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ",")
        if query.openOnly { add("state NOT IN ('closed','fixed_on_site','void')") }
        if !query.states.isEmpty { add("state IN (\(query.states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")))") }
        if let id = query.communityID { add("community_id = ?", id) }
        if let id = query.unitID {
            add("(handling_unit_id = ? OR (handling_unit_id IS NULL AND (chain::json ->> 'unitID') = ?))", id, String(id))
        }
        if let id = query.streetID { add("community_id IN (SELECT id FROM community WHERE street_id = ?)", id) }
        if let id = query.themeID { add("theme_id = ?", id) }
        if let source = query.source { add("source = ?", source.rawValue) }
        if let day = query.overdueOn { add("state IN (\(open)) AND due_on < ?", day.description) }
        if let since = query.foundSince { add("found_at >= ?", since.description) }
        if let before = query.foundBefore { add("found_at < ?", before.description) }
        let condition = conditions.joined(separator: " AND ") + " ORDER BY coalesce(due_on, '~'), year, seq LIMIT \(max(0, query.limit))"
        return try read { s throws(GridError) in try PGCaseRows.all(s, where: condition, args).map(\.1) }
    }

    public func scoredCases(from first: Day, to last: Day, utcOffsetSeconds: Int) throws(GridError) -> [ScoredCase] {
        let start = Timestamp.localMidnight(of: first, offsetSeconds: utcOffsetSeconds)
        let end = Timestamp.localMidnight(of: last.adding(days: 1), offsetSeconds: utcOffsetSeconds)
        return try read { s throws(GridError) in
            try s.query("""
                SELECT r.*, th.code AS s_theme, u.name AS s_unit,
                       (SELECT max(e.at) FROM case_event e WHERE e.case_id = r.id AND e.to_state = 'closed') AS s_closed,
                       (SELECT count(*) FROM notice_case n WHERE n.case_id = r.id) AS s_notices
                FROM case_record r JOIN theme th ON th.id = r.theme_id LEFT JOIN unit u ON u.id = r.handling_unit_id
                WHERE r.found_at >= ? AND r.found_at < ? ORDER BY r.year, r.seq
                """, [start.description, end.description]).map { r throws(GridError) in
                try decoded {
                    let c = try PGCaseRows.decode(r)
                    let closed = try PGDecode.timestamp(r["s_closed"].text, "case_event.at")
                    return ScoredCase(record: c, themeCode: r.text("s_theme"),
                                      unitName: r["s_unit"].text ?? (c.chain.unitName.isEmpty ? nil : c.chain.unitName),
                                      propertyName: c.chain.propertyName, closedOn: closed?.day(offsetSeconds: utcOffsetSeconds),
                                      repeatedInNotice: r.int("s_notices") > 1)
                }
            }
        }
    }

    public func nextNoticeIssue(year: Int, officeID: RowID?) throws(GridError) -> Int {
        try read { s throws(GridError) in
            Int(try s.int("SELECT max(issue) FROM notice WHERE COALESCE(office_id, 0) = ? AND year = ?", [officeID ?? 0, year]) ?? 0) + 1
        }
    }

    public func caseEvents(_ number: CaseNumber) throws(GridError) -> [(at: Timestamp, event: CaseEvent)] {
        try read { s throws(GridError) in
            guard let (id, _) = try PGCaseRows.fetch(s, number) else { return [] }
            return try s.query("SELECT * FROM case_event WHERE case_id = ? ORDER BY id", [id]).map { r throws(GridError) in
                try decoded {
                    let at = r["at"].text
                    return (try PGDecode.required(PGDecode.timestamp(at, "case_event.at"), at, "case_event.at"),
                            CaseEvent(action: r.text("action"),
                                      from: try r["from_state"].text.map { try PGDecode.coded(CaseState.self, $0, "case_event.from_state") } ?? .reported,
                                      to: try PGDecode.coded(CaseState.self, r["to_state"].text, "case_event.to_state"), actor: r.text("actor"),
                                      reason: r.text("reason"), dueOn: try PGDecode.day(r["due_on"].text, "case_event.due_on")))
                }
            }
        }
    }
}

/// Case rows ↔ `CaseRecord`, as the SQLite store stores them (the chain snapshot as sorted-key JSON text).
enum PGCaseRows {
    static func insert(_ s: PGSession, _ c: CaseRecord) throws(GridError) {
        try s.query("""
            INSERT INTO case_record (year, seq, source, community_id, theme_id, location, description, urgent, deadline_class,
                found_at, found_by, state, due_on, handling_unit_id, chain, escalated, extension_count, rework_count, requested_due)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [c.number.year, c.number.sequence, c.source.rawValue, c.communityID, c.themeID, c.location, c.description,
                  c.urgent, c.deadlineClass.rawValue, c.foundAt.description, c.foundBy, c.state.rawValue, c.dueOn?.description,
                  c.handlingUnitID, try chainJSON(c.chain), c.escalated, c.extensionCount, c.reworkCount, c.requestedDue?.description])
    }

    static func update(_ s: PGSession, id: Int64, _ c: CaseRecord) throws(GridError) {
        try s.query("""
            UPDATE case_record SET state = ?, due_on = ?, handling_unit_id = ?, escalated = ?, extension_count = ?, rework_count = ?,
                requested_due = ? WHERE id = ?
            """, [c.state.rawValue, c.dueOn?.description, c.handlingUnitID, c.escalated, c.extensionCount, c.reworkCount,
                  c.requestedDue?.description, id])
    }

    /// Appends a case event, chained onto the audit chain in the caller's transaction; returns the event's id.
    @discardableResult
    static func appendEvent(_ s: PGSession, caseID: Int64, _ e: CaseEvent, context: ChangeContext, at: Timestamp,
                            fromState: CaseState?) throws(GridError) -> Int64 {
        var chain = try PGChainAppender(s)
        return try chain.insert(.caseEvent, values: eventValues(caseID: caseID, e, context: context, at: at, fromState: fromState), s)
    }

    /// A case event's columns after `id`, in the chain's canonical order.
    static func eventValues(caseID: Int64, _ e: CaseEvent, context: ChangeContext, at: Timestamp, fromState: CaseState?) -> [SQLValue] {
        [.int(caseID), .text(at.description), .text(e.action), fromState?.rawValue.sqlValue ?? .null, .text(e.to.rawValue), .text(e.actor),
         .text(context.osUser), .text(e.reason), e.dueOn?.description.sqlValue ?? .null]
    }

    static func fetch(_ s: PGSession, _ number: CaseNumber) throws(GridError) -> (Int64, CaseRecord)? {
        try all(s, where: "year = ? AND seq = ?", [number.year, number.sequence]).first
    }

    static func all(_ s: PGSession, where condition: String, _ args: [any SQLBindable]) throws(GridError) -> [(Int64, CaseRecord)] {
        try s.query("SELECT * FROM case_record WHERE " + condition, args).map { r throws(GridError) in
            (r.int("id"), try decoded { try decode(r) })
        }
    }

    static func decode(_ r: SQLRow) throws -> CaseRecord {
        let chain: ChainSnapshot
        do {
            chain = try JSONDecoder().decode(ChainSnapshot.self, from: Data(r.text("chain").utf8))
        } catch {
            throw GridError.database("case \(r.int("year"))-\(r.int("seq")) holds a chain snapshot this civgrid cannot read; run `civgrid check`")
        }
        let found = r["found_at"].text
        var c = CaseRecord(number: CaseNumber(year: Int(r.int("year")), sequence: Int(r.int("seq"))),
                           source: try PGDecode.coded(CaseSource.self, r["source"].text, "case_record.source"),
                           communityID: r.int("community_id"), themeID: r.int("theme_id"), location: r.text("location"),
                           description: r.text("description"), urgent: r.int("urgent") != 0,
                           deadlineClass: try PGDecode.coded(DeadlineClass.self, r["deadline_class"].text, "case_record.deadline_class"),
                           foundAt: try PGDecode.required(PGDecode.timestamp(found, "case_record.found_at"), found, "case_record.found_at"),
                           foundBy: r.text("found_by"), chain: chain)
        c.state = try PGDecode.coded(CaseState.self, r["state"].text, "case_record.state")
        c.dueOn = try PGDecode.day(r["due_on"].text, "case_record.due_on")
        c.handlingUnitID = r["handling_unit_id"].int
        c.escalated = r.int("escalated") != 0
        c.extensionCount = Int(r.int("extension_count"))
        c.reworkCount = Int(r.int("rework_count"))
        c.requestedDue = try PGDecode.day(r["requested_due"].text, "case_record.requested_due")
        return c
    }

    static func chainJSON(_ c: ChainSnapshot) throws(GridError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(c), as: UTF8.self)
        } catch {
            throw .database("cannot encode a case's chain snapshot: \(error)")
        }
    }
}
