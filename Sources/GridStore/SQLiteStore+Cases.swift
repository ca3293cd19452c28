import Foundation
import GRDB
import GridCore

extension SQLiteStore {
    public func caseRecord(_ number: CaseNumber) throws(GridError) -> CaseRecord? {
        try read { db in try CaseRows.fetch(db, number)?.1 }
    }

    public func cases(_ query: CaseQuery) throws(GridError) -> [CaseRecord] {
        var conditions = ["1"]
        var args: [DatabaseValueConvertible?] = []
        func add(_ condition: String, _ values: DatabaseValueConvertible?...) {
            conditions.append(condition)
            args += values
        }
        let open = CaseState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ",")
        // Spelled as the `case_queue` partial index's WHERE, so open cases are read in queue order from it (no sort).
        if query.openOnly { add("state NOT IN ('closed','fixed_on_site','void')") }
        if !query.states.isEmpty { add("state IN (\(query.states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")))") }
        if let id = query.communityID { add("community_id = ?", id) }
        if let id = query.unitID {
            add("(handling_unit_id = ? OR (handling_unit_id IS NULL AND json_extract(chain, '$.unitID') = ?))", id, id)
        }
        if let id = query.streetID { add("community_id IN (SELECT id FROM community WHERE street_id = ?)", id) }
        if let id = query.themeID { add("theme_id = ?", id) }
        if let source = query.source { add("source = ?", source.rawValue) }
        if let day = query.overdueOn { add("state IN (\(open)) AND due_on < ?", day.description) }
        if let since = query.foundSince { add("found_at >= ?", since.description) }
        if let before = query.foundBefore { add("found_at < ?", before.description) }
        return try read { db in
            try CaseRows.all(db, where: conditions.joined(separator: " AND ")
                                + " ORDER BY coalesce(due_on, '~'), year, seq LIMIT \(max(0, query.limit))", args).map(\.1)
        }
    }

    public func scoredCases(from first: Day, to last: Day, utcOffsetSeconds: Int) throws(GridError) -> [ScoredCase] {
        // Local midnight of the first day and of the day after the last, as stored UTC instants.
        let start = Timestamp.localMidnight(of: first, offsetSeconds: utcOffsetSeconds)
        let end = Timestamp.localMidnight(of: last.adding(days: 1), offsetSeconds: utcOffsetSeconds)
        // One query for the whole period: names, the closing time and the notice count joined in, not looked up per case.
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, th.code AS s_theme, u.name AS s_unit,
                       (SELECT max(e.at) FROM case_event e WHERE e.case_id = r.id AND e.to_state = 'closed') AS s_closed,
                       (SELECT count(*) FROM notice_case n WHERE n.case_id = r.id) AS s_notices
                FROM case_record r JOIN theme th ON th.id = r.theme_id LEFT JOIN unit u ON u.id = r.handling_unit_id
                WHERE r.found_at >= ? AND r.found_at < ? ORDER BY r.year, r.seq
                """, arguments: [start.description, end.description]).map { r in
                let c = try CaseRows.decode(r)
                let closed = try Decode.timestamp(r["s_closed"], "case_event.at")
                return ScoredCase(record: c, themeCode: r["s_theme"], unitName: r["s_unit"] ?? (c.chain.unitName.isEmpty ? nil : c.chain.unitName),
                                  propertyName: c.chain.propertyName, closedOn: closed?.day(offsetSeconds: utcOffsetSeconds),
                                  repeatedInNotice: (r["s_notices"] as Int) > 1)
            }
        }
    }

    public func nextNoticeIssue(year: Int, officeID: RowID?) throws(GridError) -> Int {
        try read {
            (try Int.fetchOne($0, sql: "SELECT max(issue) FROM notice WHERE ifnull(office_id, 0) = ? AND year = ?",
                              arguments: [officeID ?? 0, year]) ?? 0) + 1
        }
    }

    public func caseEvents(_ number: CaseNumber) throws(GridError) -> [(at: Timestamp, event: CaseEvent)] {
        try read { db in
            guard let (id, _) = try CaseRows.fetch(db, number) else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM case_event WHERE case_id = ? ORDER BY id", arguments: [id]).map { r in
                (try Decode.required(Decode.timestamp(r["at"], "case_event.at"), r["at"], "case_event.at"),
                 CaseEvent(action: r["action"],
                           from: try (r["from_state"] as String?).map { try Decode.coded(CaseState.self, $0, "case_event.from_state") }
                               ?? .reported,
                           to: try Decode.coded(CaseState.self, r["to_state"], "case_event.to_state"), actor: r["actor"], reason: r["reason"],
                           dueOn: try Decode.day(r["due_on"], "case_event.due_on")))
            }
        }
    }
}

/// Case rows ↔ `CaseRecord`.
enum CaseRows {
    /// Inserts a case; `chainText` is its snapshot's JSON when the caller has it already (bulk loads).
    static func insert(_ db: Database, _ c: CaseRecord, chainText: String? = nil) throws {
        try db.cachedStatement(sql: """
            INSERT INTO case_record (year, seq, source, community_id, theme_id, location, description, urgent, deadline_class,
                found_at, found_by, state, due_on, handling_unit_id, chain, escalated, extension_count, rework_count, requested_due)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [c.number.year, c.number.sequence, c.source.rawValue, c.communityID, c.themeID, c.location, c.description,
                             c.urgent, c.deadlineClass.rawValue, c.foundAt.description, c.foundBy, c.state.rawValue, c.dueOn?.description,
                             c.handlingUnitID, try chainText ?? chainJSON(c.chain), c.escalated, c.extensionCount, c.reworkCount, c.requestedDue?.description])
    }

    static func update(_ db: Database, id: Int64, _ c: CaseRecord) throws {
        try db.execute(sql: """
            UPDATE case_record SET state = ?, due_on = ?, handling_unit_id = ?, escalated = ?, extension_count = ?, rework_count = ?,
                requested_due = ? WHERE id = ?
            """, arguments: [c.state.rawValue, c.dueOn?.description, c.handlingUnitID, c.escalated, c.extensionCount, c.reworkCount,
                             c.requestedDue?.description, id])
    }

    /// Appends a case event and chains it onto the audit chain (`AuditChain`) in the caller's transaction.
    static func appendEvent(_ db: Database, caseID: Int64, _ e: CaseEvent, context: ChangeContext, at: Timestamp, fromState: CaseState?) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO case_event (case_id, at, action, from_state, to_state, actor, os_user, reason, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var chain = try ChainAppender(db)
        try chain.insert(.caseEvent, with: statement, values: [
            caseID.databaseValue, at.description.databaseValue, e.action.databaseValue, AuditChain.stored(fromState?.rawValue),
            e.to.rawValue.databaseValue, e.actor.databaseValue, context.osUser.databaseValue, e.reason.databaseValue,
            AuditChain.stored(e.dueOn?.description)], db)
    }

    static func fetch(_ db: Database, _ number: CaseNumber) throws -> (Int64, CaseRecord)? {
        try all(db, where: "year = ? AND seq = ?", [number.year, number.sequence]).first
    }

    static func all(_ db: Database, where condition: String, _ args: [DatabaseValueConvertible?]) throws -> [(Int64, CaseRecord)] {
        try Row.fetchAll(db, sql: "SELECT * FROM case_record WHERE " + condition, arguments: StatementArguments(args)).map { r in
            (r["id"], try decode(r))
        }
    }

    /// A `case_record` row (by its own column names) as a case; an unreadable stored value is an error.
    static func decode(_ r: Row) throws -> CaseRecord {
        let chainText: String = r["chain"]
        let chain: ChainSnapshot
        do {
            chain = try JSONDecoder().decode(ChainSnapshot.self, from: Data(chainText.utf8))
        } catch {
            throw GridError.database("case \(r["year"] as Int? ?? 0)-\(r["seq"] as Int? ?? 0) holds a chain snapshot this civgrid cannot read; "
                + "run `civgrid check` and restore a backup if it was tampered with")
        }
        var c = CaseRecord(number: CaseNumber(year: r["year"], sequence: r["seq"]),
                           source: try Decode.coded(CaseSource.self, r["source"], "case_record.source"),
                           communityID: r["community_id"], themeID: r["theme_id"], location: r["location"], description: r["description"],
                           urgent: r["urgent"], deadlineClass: try Decode.coded(DeadlineClass.self, r["deadline_class"], "case_record.deadline_class"),
                           foundAt: try Decode.required(Decode.timestamp(r["found_at"], "case_record.found_at"), r["found_at"], "case_record.found_at"),
                           foundBy: r["found_by"], chain: chain)
        c.state = try Decode.coded(CaseState.self, r["state"], "case_record.state")
        c.dueOn = try Decode.day(r["due_on"], "case_record.due_on")
        c.handlingUnitID = r["handling_unit_id"]
        c.escalated = r["escalated"]
        c.extensionCount = r["extension_count"]
        c.reworkCount = r["rework_count"]
        c.requestedDue = try Decode.day(r["requested_due"], "case_record.requested_due")
        return c
    }

    static func chainJSON(_ c: ChainSnapshot) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(c), as: UTF8.self)
    }
}
