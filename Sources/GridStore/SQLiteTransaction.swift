import GRDB
import GridCore

/// The services' view of one SQLite write transaction: plain reads, and `persist` writing a `ChangeSet` with its
/// audit rows. It decides nothing; the rules are GridCore's.
final class SQLiteTransaction: StoreTransaction {
    let store: SQLiteStore
    let db: Database

    init(store: SQLiteStore, db: Database) {
        self.store = store
        self.db = db
    }

    func storedOperator(login: String) throws -> Operator? {
        try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [login]).map(Decode.operatorAccount)
    }

    func operatorCount(role: OperatorRole) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM operator WHERE role = ? AND removed_at IS NULL", arguments: [role.rawValue]) ?? 0
    }

    func unitExists(_ id: RowID) throws -> Bool { try unitName(id) != nil }

    func unitName(_ id: RowID) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [id])
    }

    func propertyName(_ id: RowID) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM property WHERE id = ?", arguments: [id])
    }

    func cell(_ key: CellKey) throws -> CellState? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM cell WHERE community_id = ? AND theme_id = ?"),
                         arguments: [key.communityID, key.themeID]).map { try Decode.cell($0) }
    }

    func cellLabel(_ key: CellKey) throws -> String {
        try SQLiteStore.cellLabel(db, key)
    }

    func cases(at key: CellKey) throws -> [CaseRecord] {
        try CaseRows.all(db, where: "community_id = ? AND theme_id = ? ORDER BY year, seq", [key.communityID, key.themeID]).map(\.1)
    }

    func caseRecord(_ number: CaseNumber) throws -> CaseRecord? {
        try CaseRows.fetch(db, number)?.1
    }

    func lastCaseSequence(year: Int) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT max(seq) FROM case_record WHERE year = ?", arguments: [year]) ?? 0
    }

    func chain(communityID: RowID, on day: Day) throws -> [ChainLink] {
        try store.fetchChain(db, where: "a.community_id = :c AND \(SQL.inForce)", arguments: ["c": communityID, "day": day.description])
    }

    // A notice's office is compared as ifnull(office_id, 0) = ? (0: a whole-database notice; office ids start at 1), the
    // expression v13's indexes are on.
    func lastNoticeIssue(year: Int, officeID: RowID?) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT max(issue) FROM notice WHERE ifnull(office_id, 0) = ? AND year = ?",
                         arguments: [officeID ?? 0, year]) ?? 0
    }

    func noticeExists(year: Int, issue: Int, officeID: RowID?) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT 1 FROM notice WHERE ifnull(office_id, 0) = ? AND year = ? AND issue = ?",
                         arguments: [officeID ?? 0, year, issue]) != nil
    }

    func noticesOverlapping(_ first: Day, _ last: Day, officeID: RowID?) throws -> [NoticePeriod] {
        try Row.fetchAll(db, sql: """
            SELECT year, issue, period_from, period_to FROM notice
            WHERE ifnull(office_id, 0) = ? AND period_from <= ? AND period_to >= ?
            ORDER BY period_from, year, issue
            """, arguments: [officeID ?? 0, last.description, first.description]).compactMap { r in
            guard let from = Day(r[2] as String), let to = Day(r[3] as String) else { return nil }
            return NoticePeriod(year: r[0], issue: r[1], first: from, last: to)
        }
    }

    func officeOrder(of node: GridNode) throws -> (name: String, order: Int?)? {
        let table: String
        switch node {
        case .street: table = "street"
        case .community: table = "community"
        default: return nil
        }
        return try Row.fetchOne(db, sql: "SELECT name, office_order FROM \(table) WHERE id = ?", arguments: [node.id])
            .map { ($0["name"], $0["office_order"]) }
    }

    func persist(_ changes: ChangeSet, context: ChangeContext, at now: Timestamp) throws {
        if !changes.masterData.isEmpty { try persist(changes.masterData) }
        if !changes.siteRegister.isEmpty { try persist(changes.siteRegister, at: now) }
        for c in changes.newCases { try CaseRows.insert(db, c) }
        for c in changes.updatedCases { try CaseRows.update(db, id: try caseID(c.number), c) }
        for fact in changes.caseEvents {
            try CaseRows.appendEvent(db, caseID: try caseID(fact.number), fact.event, context: context, at: now, fromState: fact.from)
        }
        try AttachmentRows.write(db, changes.attachments, context: context, at: now)
        for cell in changes.cells { try writeCell(cell, at: now) }
        for ended in changes.endedAssignments {
            try db.execute(sql: "UPDATE assignment SET valid_to = ? WHERE id = ?", arguments: [ended.on.description, ended.id])
        }
        for a in changes.newAssignments {
            try db.execute(sql: "INSERT INTO assignment (community_id, unit_id, role, property_id, valid_from) VALUES (?, ?, ?, ?, ?)",
                           arguments: [a.communityID, a.unitID, a.role.rawValue, a.propertyID, a.validFrom.description])
        }
        for o in changes.operators {
            try db.execute(sql: """
                INSERT INTO operator (login, name, unit_id, role, added_at, office_id, removed_at, removed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(login) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id, role = excluded.role,
                    office_id = excluded.office_id, removed_at = excluded.removed_at, removed_by = excluded.removed_by
                """, arguments: [o.login, o.name, o.unitID, o.role.rawValue, now.description, o.officeID, o.removedAt?.description, o.removedBy])
        }
        for n in changes.notices { try writeNotice(n, at: now) }
        try OrderKeys.write(db, changes.orders)
        try persistRounds(changes.rounds)
        try SQLiteStore.appendAudit(db, changes.audit, context: context, at: now)
    }

    /// A case's row id (an index lookup; the row itself is not read).
    func caseID(_ number: CaseNumber) throws -> Int64 {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM case_record WHERE year = ? AND seq = ?"),
                                          arguments: [number.year, number.sequence]) else {
            throw GridError.notFound("no case \(number)")
        }
        return id
    }

    func writeCell(_ cell: CellState, at now: Timestamp) throws {
        try db.cachedStatement(sql: """
            UPDATE cell SET status = ?, due_on = ?, note = ?, changed_at = ?, changed_by = ?
            WHERE community_id = ? AND theme_id = ?
            """).execute(arguments: [cell.status.rawValue, cell.dueOn?.description, cell.note, (cell.changedAt ?? now).description,
                                     cell.changedBy, cell.communityID, cell.themeID])
    }

    func writeNotice(_ n: NoticeFact, at now: Timestamp) throws {
        try db.execute(sql: """
            INSERT INTO notice (year, issue, period_from, period_to, issued_at, issued_by, office_id) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [n.year, n.issue, n.first.description, n.last.description, now.description, n.issuedBy, n.officeID])
        let noticeID = db.lastInsertedRowID
        for number in n.cases {
            try db.execute(sql: "INSERT OR IGNORE INTO notice_case (notice_id, case_id) VALUES (?, ?)", arguments: [noticeID, try caseID(number)])
        }
    }
}

extension SQLiteStore {
    public func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws(GridError) -> T {
        try write { db in try body(SQLiteTransaction(store: self, db: db)) }
    }
}
