import GridCore

/// The services' view of one PostgreSQL write transaction: plain reads, and `persist` writing a `ChangeSet` with its
/// audit rows (chained). It decides nothing; the rules are GridCore's.
final class PostgresTransaction: StoreTransaction {
    let s: PGSession

    init(_ s: PGSession) { self.s = s }

    func storedOperator(login: String) throws -> Operator? {
        try s.query("SELECT * FROM operator WHERE login = ?", [login]).first.map(PGDecode.operatorAccount)
    }

    func operatorCount(role: OperatorRole) throws -> Int {
        Int(try s.int("SELECT count(*) FROM operator WHERE role = ? AND removed_at IS NULL", [role.rawValue]) ?? 0)
    }

    func unitExists(_ id: RowID) throws -> Bool { try unitName(id) != nil }

    func unitName(_ id: RowID) throws -> String? { try s.text("SELECT name FROM unit WHERE id = ?", [id]) }

    func propertyName(_ id: RowID) throws -> String? { try s.text("SELECT name FROM property WHERE id = ?", [id]) }

    func cell(_ key: CellKey) throws -> CellState? {
        try s.query("SELECT * FROM cell WHERE community_id = ? AND theme_id = ?", [key.communityID, key.themeID]).first.map(PGDecode.cell)
    }

    func cellLabel(_ key: CellKey) throws -> String {
        let row = try s.query("SELECT c.name AS c, th.name_zh AS t FROM community c, theme th WHERE c.id = ? AND th.id = ?",
                              [key.communityID, key.themeID]).first
        return row.map { "\($0.text("c")) · \($0.text("t"))" } ?? "#\(key.communityID)/\(key.themeID)"
    }

    func cases(at key: CellKey) throws -> [CaseRecord] {
        try PGCaseRows.all(s, where: "community_id = ? AND theme_id = ? ORDER BY year, seq", [key.communityID, key.themeID]).map(\.1)
    }

    func caseRecord(_ number: CaseNumber) throws -> CaseRecord? { try PGCaseRows.fetch(s, number)?.1 }

    func attachments(of number: CaseNumber) throws -> [Attachment] { try PGAttachmentRows.of(s, number) }

    func lastCaseSequence(year: Int) throws -> Int {
        Int(try s.int("SELECT max(seq) FROM case_record WHERE year = ?", [year]) ?? 0)
    }

    func chain(communityID: RowID, on day: Day) throws -> [ChainLink] {
        try PostgresStore.fetchChain(s, where: "a.community_id = ? AND \(PGSQL.inForce)", [communityID, day.description, day.description])
    }

    // A notice's office is compared as COALESCE(office_id, 0) = ? (0: a whole-database notice; office ids start at 1),
    // the expression pg7's indexes are on.
    func lastNoticeIssue(year: Int, officeID: RowID?) throws -> Int {
        Int(try s.int("SELECT max(issue) FROM notice WHERE COALESCE(office_id, 0) = ? AND year = ?", [officeID ?? 0, year]) ?? 0)
    }

    func noticeExists(year: Int, issue: Int, officeID: RowID?) throws -> Bool {
        try s.int("SELECT 1 FROM notice WHERE COALESCE(office_id, 0) = ? AND year = ? AND issue = ?", [officeID ?? 0, year, issue]) != nil
    }

    func noticesOverlapping(_ first: Day, _ last: Day, officeID: RowID?) throws -> [NoticePeriod] {
        // Compared in byte order (ISO days), whatever the server's locale: pg1's notice periods have no "C" collation.
        try s.query("""
            SELECT year, issue, period_from, period_to FROM notice
            WHERE COALESCE(office_id, 0) = ? AND period_from COLLATE "C" <= ? AND period_to COLLATE "C" >= ?
            ORDER BY period_from COLLATE "C", year, issue
            """, [officeID ?? 0, last.description, first.description]).compactMap { r in
            guard let from = Day(r.text("period_from")), let to = Day(r.text("period_to")) else { return nil }
            return NoticePeriod(year: Int(r.int("year")), issue: Int(r.int("issue")), first: from, last: to)
        }
    }

    func persist(_ changes: ChangeSet, context: ChangeContext, at now: Timestamp) throws {
        if !changes.masterData.isEmpty { try persist(changes.masterData) }
        if !changes.siteRegister.isEmpty { try persist(changes.siteRegister, at: now) }
        for c in changes.newCases { try PGCaseRows.insert(s, c) }
        for c in changes.updatedCases { try PGCaseRows.update(s, id: try caseID(c.number), c) }
        if !changes.caseEvents.isEmpty {
            let ids = try caseIDs(changes.caseEvents.map(\.number))
            var chain = try PGChainAppender(s)
            try chain.insert(.caseEvent, rows: try changes.caseEvents.map { fact throws(GridError) in
                guard let id = ids[fact.number] else { throw GridError.notFound("no case \(fact.number)") }
                return PGCaseRows.eventValues(caseID: id, fact.event, context: context, at: now, fromState: fact.from)
            }, s)
        }
        try PGAttachmentRows.write(s, changes.attachments, context: context, at: now)
        try updateCells(changes.cells, at: now)
        for ended in changes.endedAssignments {
            try s.query("UPDATE assignment SET valid_to = ? WHERE id = ?", [ended.on.description, ended.id])
        }
        for a in changes.newAssignments {
            try s.query("INSERT INTO assignment (community_id, unit_id, role, property_id, valid_from) VALUES (?, ?, ?, ?, ?)",
                        [a.communityID, a.unitID, a.role.rawValue, a.propertyID, a.validFrom.description])
        }
        for o in changes.operators {
            try s.query("""
                INSERT INTO operator (login, name, unit_id, role, added_at, office_id, removed_at, removed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (login) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id, role = excluded.role,
                    office_id = excluded.office_id, removed_at = excluded.removed_at, removed_by = excluded.removed_by
                """, [o.login, o.name, o.unitID, o.role.rawValue, now.description, o.officeID, o.removedAt?.description, o.removedBy])
        }
        for n in changes.notices {
            guard let noticeID = try s.int("""
                INSERT INTO notice (year, issue, period_from, period_to, issued_at, issued_by, office_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                RETURNING id
                """, [n.year, n.issue, n.first.description, n.last.description, now.description, n.issuedBy, n.officeID]) else { continue }
            for number in n.cases {
                try s.query("INSERT INTO notice_case (notice_id, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [noticeID, try caseID(number)])
            }
        }
        try PGOrderKeys.write(s, changes.orders)
        try persistRounds(changes.rounds)
        try PostgresStore.appendAudit(s, changes.audit, context: context, at: now)
    }

    /// A case's row id.
    func caseID(_ number: CaseNumber) throws -> Int64 {
        guard let id = try s.int("SELECT id FROM case_record WHERE year = ? AND seq = ?", [number.year, number.sequence]) else {
            throw GridError.notFound("no case \(number)")
        }
        return id
    }
}

extension PostgresStore {
    public func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws(GridError) -> T {
        try write { s in try body(PostgresTransaction(s)) }
    }
}
