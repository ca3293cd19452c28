import Foundation
import GRDB
import GridCore

extension SQLiteStore {
    public func addCase(_ draft: CaseDraft, context: ChangeContext) throws(GridError) -> CaseRecord {
        let text = draft.description.trimmingWhitespace()
        guard !text.isEmpty else { throw .invalidInput("a case needs a description of the problem: add --desc \"…\"") }
        if draft.deadlineClass == .longTerm && draft.plan == nil {
            throw .invalidInput("a long-term (长期) case needs a plan date: add --plan YYYY-MM-DD")
        }
        return try write { db in
            let actor = try fetchOperator(db, login: context.actor.login)
            guard actor.role != .viewer else {
                throw GridError.permissionDenied("\(actor.login) is a viewer (查看) and may not record problems")
            }
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM cell WHERE community_id = ? AND theme_id = ?",
                                   arguments: [draft.communityID, draft.themeID]) != nil else {
                throw GridError.notFound("that theme is not checked at this community (no such cell)")
            }
            let now = context.clock.now(), today = context.clock.today
            let year = today.civil.year
            let seq = (try Int.fetchOne(db, sql: "SELECT max(seq) FROM case_record WHERE year = ?", arguments: [year]) ?? 0) + 1
            let chain = try fetchChain(db, where: "a.community_id = :c AND \(SQL.inForce)",
                                       arguments: ["c": draft.communityID, "day": today.description])
            var record = CaseRecord(number: CaseNumber(year: year, sequence: seq), source: draft.source, communityID: draft.communityID,
                                    themeID: draft.themeID, location: draft.location, description: text, urgent: draft.urgent,
                                    deadlineClass: draft.deadlineClass, foundAt: now, foundBy: actor.login,
                                    chain: ChainSnapshot(chain: chain))
            record.dueOn = draft.plan
            try CaseRows.insert(db, record)
            let id = db.lastInsertedRowID
            try CaseRows.appendEvent(db, caseID: id, CaseEvent(action: "report", from: .reported, to: .reported, actor: actor.login,
                                                              reason: text, dueOn: record.dueOn), context: context, at: now, fromState: nil)
            try followCases(db, communityID: draft.communityID, themeID: draft.themeID, note: "案件 \(record.number) 上报", context: context, at: now)
            return record
        }
    }

    public func moveCase(_ number: CaseNumber, _ action: CaseAction, reason: String, context: ChangeContext,
                         calendar: WorkingCalendar) throws(GridError) -> CaseRecord {
        try write { db in
            guard let (id, current) = try CaseRows.fetch(db, number) else {
                throw GridError.notFound("no case \(number); `civgrid case list` shows the numbers")
            }
            let actor = try fetchOperator(db, login: context.actor.login)
            let (next, event) = try CaseTransition.apply(action, to: current, by: actor, reason: reason, today: context.clock.today,
                                                         calendar: calendar)
            let now = context.clock.now()
            try CaseRows.update(db, id: id, next)
            try CaseRows.appendEvent(db, caseID: id, event, context: context, at: now, fromState: current.state)
            try followCases(db, communityID: next.communityID, themeID: next.themeID, note: "案件 \(number) \(action.zh)",
                            context: context, at: now, fixedOnSite: next.state == .fixedOnSite)
            return next
        }
    }

    /// Puts the cell in the status its open cases give it (or 达标 when the last one closes), audited.
    func followCases(_ db: Database, communityID: RowID, themeID: RowID, note: String, context: ChangeContext, at now: Timestamp,
                     fixedOnSite: Bool = false) throws {
        let open = try CaseRows.all(db, where: "community_id = ? AND theme_id = ?", [communityID, themeID]).map(\.1).filter(\.state.isOpen)
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cell WHERE community_id = ? AND theme_id = ?",
                                         arguments: [communityID, themeID]) else { return }
        let cell = Decode.cell(row)
        var target: (CellStatus, Day?)
        if let status = CaseCellStatus.status(openCases: open) {
            let due = open.filter { $0.state.cellStatus == status }.compactMap(\.dueOn).min()
            target = (status, due)
        } else if fixedOnSite {
            target = (.fixedOnSite, nil)
        } else if [.problem, .rectifying, .recheck, .parked].contains(cell.status) {
            target = (.ok, nil)
        } else {
            return
        }
        guard target.0 != cell.status || target.1 != cell.dueOn else { return }
        var next = cell
        next.status = target.0
        next.dueOn = target.1
        try db.execute(sql: "UPDATE cell SET status = ?, due_on = ?, changed_at = ?, changed_by = ? WHERE community_id = ? AND theme_id = ?",
                       arguments: [next.status.rawValue, next.dueOn?.description, now.description, context.actor.login, communityID, themeID])
        try SQLiteStore.appendAudit(db, StatusTransition.entries(from: cell, to: next, note: note), context: context, at: now)
    }

    public func caseRecord(_ number: CaseNumber) throws(GridError) -> CaseRecord? {
        try read { db in try CaseRows.fetch(db, number)?.1 }
    }

    public func cases(openOnly: Bool, communityID: RowID?, limit: Int) throws(GridError) -> [CaseRecord] {
        var conditions = ["1"]
        var args: [DatabaseValueConvertible?] = []
        if openOnly { conditions.append("state NOT IN ('closed','fixed_on_site','void')") }
        if let communityID {
            conditions.append("community_id = ?")
            args.append(communityID)
        }
        return try read { db in
            try CaseRows.all(db, where: conditions.joined(separator: " AND ") + " ORDER BY due_on IS NULL, due_on, year, seq LIMIT \(max(0, limit))",
                             args).map(\.1)
        }
    }

    public func scoredCases(from first: Day, to last: Day, utcOffsetSeconds: Int) throws(GridError) -> [ScoredCase] {
        // Local midnight of the first day and of the day after the last, as stored UTC instants.
        let start = Timestamp(millis: Int64(first.ordinal) * 86_400_000 - Int64(utcOffsetSeconds) * 1000)
        let end = Timestamp(millis: Int64(last.ordinal + 1) * 86_400_000 - Int64(utcOffsetSeconds) * 1000)
        return try read { db in
            let noticed = try db.tableExists("notice_case")
            return try CaseRows.all(db, where: "found_at >= ? AND found_at < ? ORDER BY year, seq", [start.description, end.description])
                .map { id, c in
                    let theme = try String.fetchOne(db, sql: "SELECT code FROM theme WHERE id = ?", arguments: [c.themeID]) ?? ""
                    let unit = try c.handlingUnitID.flatMap { try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [$0]) }
                    let closed = try String.fetchOne(db, sql: "SELECT max(at) FROM case_event WHERE case_id = ? AND to_state = 'closed'", arguments: [id])
                    let notices = noticed ? try Int.fetchOne(db, sql: "SELECT count(*) FROM notice_case WHERE case_id = ?", arguments: [id]) ?? 0 : 0
                    return ScoredCase(record: c, themeCode: theme, unitName: unit ?? (c.chain.unitName.isEmpty ? nil : c.chain.unitName),
                                      propertyName: c.chain.propertyName,
                                      closedOn: closed.flatMap { Timestamp(iso: $0)?.day(offsetSeconds: utcOffsetSeconds) },
                                      repeatedInNotice: notices > 1)
                }
        }
    }

    public func nextNoticeIssue(year: Int) throws(GridError) -> Int {
        try read { (try Int.fetchOne($0, sql: "SELECT max(issue) FROM notice WHERE year = ?", arguments: [year]) ?? 0) + 1 }
    }

    public func recordNotice(year: Int, issue: Int?, from first: Day, to last: Day, cases: [CaseNumber],
                             context: ChangeContext) throws(GridError) -> Int {
        try write { db in
            let actor = try fetchOperator(db, login: context.actor.login)
            guard actor.role == .admin || actor.role == .inspector else {
                throw GridError.permissionDenied("only an inspector (督查员) or admin may issue a notice; \(actor.login) is \(actor.role.zh)")
            }
            let number = try issue ?? (Int.fetchOne(db, sql: "SELECT max(issue) FROM notice WHERE year = ?", arguments: [year]) ?? 0) + 1
            if try Int.fetchOne(db, sql: "SELECT 1 FROM notice WHERE year = ? AND issue = ?", arguments: [year, number]) != nil {
                throw GridError.invalidInput("notice \(year)·第\(number)期 was already issued; leave out --issue to take the next number")
            }
            let now = context.clock.now()
            try db.execute(sql: "INSERT INTO notice (year, issue, period_from, period_to, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [year, number, first.description, last.description, now.description, actor.login])
            let noticeID = db.lastInsertedRowID
            for n in cases {
                guard let (caseID, _) = try CaseRows.fetch(db, n) else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO notice_case (notice_id, case_id) VALUES (?, ?)", arguments: [noticeID, caseID])
            }
            try SQLiteStore.appendAudit(db, [AuditEntry(entity: .notice, entityID: "\(year)-\(number)", field: "issued", oldValue: nil,
                                                        newValue: "\(first) … \(last)", note: "\(cases.count) cases")],
                                        context: context, at: now)
            return number
        }
    }

    public func caseEvents(_ number: CaseNumber) throws(GridError) -> [(at: Timestamp, event: CaseEvent)] {
        try read { db in
            guard let (id, _) = try CaseRows.fetch(db, number) else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM case_event WHERE case_id = ? ORDER BY id", arguments: [id]).map { r in
                (Timestamp(iso: r["at"]) ?? Timestamp(millis: 0),
                 CaseEvent(action: r["action"], from: CaseState(rawValue: r["from_state"] ?? "") ?? .reported,
                           to: CaseState(rawValue: r["to_state"]) ?? .reported, actor: r["actor"], reason: r["reason"],
                           dueOn: (r["due_on"] as String?).flatMap { Day($0) }))
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

    static func appendEvent(_ db: Database, caseID: Int64, _ e: CaseEvent, context: ChangeContext, at: Timestamp, fromState: CaseState?) throws {
        try db.cachedStatement(sql: """
            INSERT INTO case_event (case_id, at, action, from_state, to_state, actor, os_user, reason, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [caseID, at.description, e.action, fromState?.rawValue, e.to.rawValue, e.actor, context.osUser, e.reason,
                             e.dueOn?.description])
    }

    static func fetch(_ db: Database, _ number: CaseNumber) throws -> (Int64, CaseRecord)? {
        try all(db, where: "year = ? AND seq = ?", [number.year, number.sequence]).first
    }

    static func all(_ db: Database, where condition: String, _ args: [DatabaseValueConvertible?]) throws -> [(Int64, CaseRecord)] {
        try Row.fetchAll(db, sql: "SELECT * FROM case_record WHERE " + condition, arguments: StatementArguments(args)).map { r in
            var c = CaseRecord(number: CaseNumber(year: r["year"], sequence: r["seq"]), source: CaseSource(rawValue: r["source"]) ?? .supervision,
                               communityID: r["community_id"], themeID: r["theme_id"], location: r["location"], description: r["description"],
                               urgent: r["urgent"], deadlineClass: DeadlineClass(rawValue: r["deadline_class"]) ?? .threeDays,
                               foundAt: Timestamp(iso: r["found_at"]) ?? Timestamp(millis: 0), foundBy: r["found_by"],
                               chain: (try? JSONDecoder().decode(ChainSnapshot.self, from: Data((r["chain"] as String).utf8)))
                                   ?? ChainSnapshot(chain: []))
            c.state = CaseState(rawValue: r["state"]) ?? .reported
            c.dueOn = (r["due_on"] as String?).flatMap { Day($0) }
            c.handlingUnitID = r["handling_unit_id"]
            c.escalated = r["escalated"]
            c.extensionCount = r["extension_count"]
            c.reworkCount = r["rework_count"]
            c.requestedDue = (r["requested_due"] as String?).flatMap { Day($0) }
            return (r["id"], c)
        }
    }

    static func chainJSON(_ c: ChainSnapshot) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(c), as: UTF8.self)
    }
}
