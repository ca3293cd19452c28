import GRDB
import GridCore

extension SQLiteStore {
    public func changeStatus(communityID: RowID, themeID: RowID, _ request: StatusChangeRequest,
                             context: ChangeContext) throws(GridError) -> StatusTransitionResult {
        try write { db in
            try SQLiteStore.applyChange(db, CellKey(communityID: communityID, themeID: themeID), request, context: context,
                            actor: try fetchOperator(db, login: context.actor.login), at: context.clock.now())
        }
    }

    public func changeStatuses(_ cells: [CellKey], _ request: StatusChangeRequest,
                               context: ChangeContext) throws(GridError) -> [StatusTransitionResult] {
        try write { db in
            let now = context.clock.now()
            let actor = try fetchOperator(db, login: context.actor.login)
            return try cells.map { try SQLiteStore.applyChange(db, $0, request, context: context, actor: actor, at: now) }
        }
    }

    public func restore(_ states: [CellState], context: ChangeContext) throws(GridError) -> [StatusTransitionResult] {
        try write { db in
            let now = context.clock.now()
            let actor = try fetchOperator(db, login: context.actor.login)
            return try states.map { state in
                try SQLiteStore.applyChange(db, CellKey(communityID: state.communityID, themeID: state.themeID),
                                .restoring(state), context: context, actor: actor, at: now)
            }
        }
    }

    /// Validates and writes one cell change with its audit rows inside the caller's transaction.
    /// `actor` is read from the operator table inside the same transaction: a role revoked a moment ago is
    /// already in force. `annotate` rewrites the audit notes (an import names its file there).
    static func applyChange(_ db: Database, _ key: CellKey, _ request: StatusChangeRequest, context: ChangeContext,
                            actor: Operator, at now: Timestamp, annotate: (String) -> String = { $0 }) throws -> StatusTransitionResult {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM cell WHERE community_id = ? AND theme_id = ?"),
                                         arguments: [key.communityID, key.themeID])
        else {
            throw GridError.notFound("community #\(key.communityID) has no cell for theme #\(key.themeID) "
                + "(the theme does not apply to its kind); see `civgrid show` for its cells")
        }
        var result = try StatusTransition.apply(
            request, to: Decode.cell(row), by: actor, today: context.clock.today,
            cellLabel: (try? SQLiteStore.cellLabel(db, key)) ?? "#\(key.communityID)/\(key.themeID)")
        guard result.changesSomething else { return result }
        result.cell.changedAt = now
        result.cell.changedBy = actor.login
        try db.cachedStatement(sql: """
            UPDATE cell SET status = ?, due_on = ?, note = ?, changed_at = ?, changed_by = ?
            WHERE community_id = ? AND theme_id = ?
            """).execute(arguments: [result.cell.status.rawValue, result.cell.dueOn?.description, result.cell.note,
                                     now.description, actor.login, key.communityID, key.themeID])
        var entries = result.audit
        for i in entries.indices { entries[i].note = annotate(entries[i].note) }
        try SQLiteStore.appendAudit(db, entries, context: context, at: now)
        return result
    }

    /// `阳光小区 · 环境卫生`, for messages about a cell.
    static func cellLabel(_ db: Database, _ key: CellKey) throws -> String {
        let row = try Row.fetchOne(db, sql: """
            SELECT c.name AS c, th.name_zh AS t FROM community c, theme th WHERE c.id = ? AND th.id = ?
            """, arguments: [key.communityID, key.themeID])
        return row.map { "\($0["c"] as String) · \($0["t"] as String)" } ?? "#\(key.communityID)/\(key.themeID)"
    }

    public func changeMarker() throws(GridError) -> Int {
        // data_version is per connection and changes when another connection commits, so it must be read
        // on one fixed connection: the writer (a read could land on any pooled reader).
        do {
            return try db.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw StoreError.map(error, path: path)
        }
    }

    public func assign(communityID: RowID, unitID: RowID, role: AssignmentRole, propertyID: RowID?,
                       context: ChangeContext) throws(GridError) -> [AuditEntry] {
        try write { db in
            let actor = try fetchOperator(db, login: context.actor.login)
            guard actor.canEditMasterData else {
                throw GridError.permissionDenied("only an admin (管理员) may change assignments; \(actor.login) is \(actor.role.zh)")
            }
            let today = context.clock.today
            let current = try fetchChain(db, where: "a.community_id = :c AND \(SQL.inForce)",
                                         arguments: ["c": communityID, "day": today.description])
            if current.contains(where: { $0.unit.id == unitID && $0.assignment.role == role && $0.assignment.propertyID == propertyID }) {
                return []
            }
            let replacedIDs = Set(AssignmentRows.replaced(current.map(\.assignment), unit: unitID, role: role).map(\.id))
            let replaced = current.filter { replacedIDs.contains($0.assignment.id) }
            let newID = try AssignmentRows.relink(db, community: communityID, unit: unitID, role: role, property: propertyID, on: today,
                                                  ending: replaced.map(\.assignment))
            var entries = replaced.map { link in
                AuditEntry(entity: .assignment, entityID: "\(link.assignment.id)", communityID: communityID, field: "valid_to",
                           oldValue: nil, newValue: today.description,
                           note: "ended: " + describe(link.unit.name, link.assignment.role, link.property?.name))
            }
            let unitName = try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [unitID]) ?? "#\(unitID)"
            let propertyName = try propertyID.flatMap { try String.fetchOne(db, sql: "SELECT name FROM property WHERE id = ?", arguments: [$0]) }
            entries.append(AuditEntry(entity: .assignment, entityID: "\(newID)", communityID: communityID,
                                      field: "link", oldValue: replaced.first.map { describe($0.unit.name, $0.assignment.role, $0.property?.name) },
                                      newValue: describe(unitName, role, propertyName), note: ""))
            try SQLiteStore.appendAudit(db, entries, context: context, at: context.clock.now())
            return entries
        }
    }

    func describe(_ unit: String, _ role: AssignmentRole, _ property: String?) -> String {
        "\(unit)（\(role.zh)）→ \(property ?? "无物业")"
    }

    func fetchOperator(_ db: Database, login: String) throws -> Operator {
        try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [login]).map(Decode.operatorAccount)
            ?? .unknown(login: login)
    }

    public func operatorAccount(login: String) throws(GridError) -> Operator {
        try read { db in try fetchOperator(db, login: login) }
    }

    public func operators() throws(GridError) -> [Operator] {
        try read { try Row.fetchAll($0, sql: "SELECT * FROM operator ORDER BY login").map(Decode.operatorAccount) }
    }

    public func saveOperator(_ account: Operator, context: ChangeContext) throws(GridError) -> [AuditEntry] {
        try write { db in
            let actor = try fetchOperator(db, login: context.actor.login)
            guard actor.canEditMasterData else {
                throw GridError.permissionDenied("only an admin (管理员) may add or change operators; \(actor.login) is \(actor.role.zh)")
            }
            if let unit = account.unitID, try Int.fetchOne(db, sql: "SELECT 1 FROM unit WHERE id = ?", arguments: [unit]) == nil {
                throw GridError.notFound("unit #\(unit) does not exist")
            }
            let old = try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [account.login]).map(Decode.operatorAccount)
            if old?.role == .admin, account.role != .admin,
               try Int.fetchOne(db, sql: "SELECT count(*) FROM operator WHERE role = 'admin'") == 1 {
                throw GridError.invalidInput("\(account.login) is the last admin; make another operator admin first")
            }
            let entries = OperatorAudit.entries(old: old, new: account)
            guard !entries.isEmpty else { return [] }
            let now = context.clock.now()
            try db.execute(sql: """
                INSERT INTO operator (login, name, unit_id, role, added_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(login) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id, role = excluded.role
                """, arguments: [account.login, account.name, account.unitID, account.role.rawValue, now.description])
            try SQLiteStore.appendAudit(db, entries, context: context, at: now)
            return entries
        }
    }
}

/// Reassignment with history: links are ended, never deleted, so the chain on any past day stays known.
enum AssignmentRows {
    /// The links a new (unit, role) link replaces: the unit's own current link, and for a lead the current lead.
    static func replaced(_ current: [Assignment], unit: Int64, role: AssignmentRole) -> [Assignment] {
        current.filter { $0.unitID == unit || (role == .lead && $0.role == .lead) }
    }

    /// Ends `old` on `day` and starts the new link from it; returns the new link's id.
    static func relink(_ db: Database, community: Int64, unit: Int64, role: AssignmentRole, property: Int64?, on day: Day,
                       ending old: [Assignment]) throws -> Int64 {
        for link in old {
            try db.execute(sql: "UPDATE assignment SET valid_to = ? WHERE id = ?", arguments: [day.description, link.id])
        }
        try db.execute(sql: "INSERT INTO assignment (community_id, unit_id, role, property_id, valid_from) VALUES (?, ?, ?, ?, ?)",
                       arguments: [community, unit, role.rawValue, property, day.description])
        return db.lastInsertedRowID
    }
}

/// The audit entries for adding or changing an operator: one per changed field.
enum OperatorAudit {
    static func entries(old: Operator?, new: Operator) -> [AuditEntry] {
        func entry(_ field: String, _ o: String?, _ n: String?) -> AuditEntry? {
            o == n ? nil : AuditEntry(entity: .operatorAccount, entityID: new.login, field: field, oldValue: o, newValue: n,
                                      note: old == nil ? "operator added" : "")
        }
        return [
            entry("role", old?.role.rawValue, new.role.rawValue),
            entry("name", old?.name, new.name),
            entry("unit_id", old?.unitID.map(String.init), new.unitID.map(String.init)),
        ].compactMap { $0 }
    }
}
