extension GridServices {
    /// Puts `unitID` in `role` for a community from today, ending the links it replaces (history kept, so
    /// trace-back on any past day still works). Returns the audit entries (empty when nothing changes).
    public func assign(communityID: RowID, unitID: RowID, role: AssignmentRole, propertyID: RowID?,
                       context: ChangeContext) throws(GridError) -> [AuditEntry] {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .assignUnits)
            ws.aim(.node(.community(communityID)))
            ws.aim(.node(.unit(unitID)))
            if let propertyID { ws.aim(.node(.property(propertyID))) }
            guard let unitName = try ws.tx.unitName(unitID) else { throw GridError.notFound("unit #\(unitID) does not exist") }
            let propertyName = try propertyID.map { id throws -> String in
                guard let name = try ws.tx.propertyName(id) else { throw GridError.notFound("property company #\(id) does not exist") }
                return name
            }
            let current = try ws.tx.chain(communityID: communityID, on: ws.today)
            if current.contains(where: { $0.unit.id == unitID && $0.assignment.role == role && $0.assignment.propertyID == propertyID }) {
                return []
            }
            let replacedIDs = Set(Assignment.replaced(by: unitID, role: role, in: current.map(\.assignment)).map(\.id))
            let replaced = current.filter { replacedIDs.contains($0.assignment.id) }
            var entries = replaced.map { link in
                AuditEntry(entity: .assignment, entityID: "\(link.assignment.id)", communityID: communityID, field: "valid_to",
                           oldValue: nil, newValue: ws.today.description,
                           note: "ended: " + ChainLink.describe(link.unit.name, link.assignment.role, link.property?.name))
            }
            entries.append(AuditEntry(entity: .assignment, entityID: "\(communityID)/\(unitID)/\(role.rawValue)", communityID: communityID,
                                      field: "link",
                                      oldValue: replaced.first.map { ChainLink.describe($0.unit.name, $0.assignment.role, $0.property?.name) },
                                      newValue: ChainLink.describe(unitName, role, propertyName), note: ""))
            ws.relink(ending: replaced.map(\.assignment.id),
                      adding: Assignment(id: 0, communityID: communityID, unitID: unitID, role: role, propertyID: propertyID,
                                         validFrom: ws.today),
                      audit: entries)
            return entries
        }
    }

    /// Adds or updates an operator (admins only), audited; the last admin cannot be demoted.
    public func saveOperator(_ account: Operator, context: ChangeContext) throws(GridError) -> [AuditEntry] {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .manageOperators)
            try TextRules.checkName(account.login, field: "the login"); try TextRules.checkName(account.name, field: "the name (--name)")
            if let unit = account.unitID, try !ws.tx.unitExists(unit) { throw GridError.notFound("unit #\(unit) does not exist") }
            let old = try ws.tx.storedOperator(login: account.login)
            ws.aim(.operatorAccount(account))
            // A new or renamed operator needs a name to show in the audit and on notices.
            if old?.name != account.name, account.name.trimmingWhitespace().isEmpty {
                throw GridError.invalidInput("an operator needs a display name: give --name 姓名 (e.g. --name 张伟)")
            }
            if old?.acting.role == .admin, account.acting.role != .admin, try ws.tx.operatorCount(role: .admin) == 1 {
                throw GridError.invalidInput("\(account.login) is the last admin; make another operator admin first")
            }
            let entries = OperatorAudit.entries(old: old, new: account)
            if !entries.isEmpty { ws.save(account, audit: entries) }
            return entries
        }
    }
}

extension Assignment {
    /// The links a new (unit, role) link replaces: the unit's own current link, and for a lead the current lead.
    public static func replaced(by unit: RowID, role: AssignmentRole, in current: [Assignment]) -> [Assignment] {
        current.filter { $0.unitID == unit || (role == .lead && $0.role == .lead) }
    }
}

extension ChainLink {
    /// `县住建局（牵头）→ 物业公司` (or 无物业), as audit entries describe a link.
    public static func describe(_ unit: String, _ role: AssignmentRole, _ property: String?) -> String {
        "\(unit)（\(role.zh)）→ \(property ?? "无物业")"
    }
}

/// The audit entries for adding or changing an operator: one per changed field.
public enum OperatorAudit {
    /// Entries for `old` (nil when new) becoming `new`.
    public static func entries(old: Operator?, new: Operator) -> [AuditEntry] {
        func entry(_ field: String, _ o: String?, _ n: String?) -> AuditEntry? {
            o == n ? nil : AuditEntry(entity: .operatorAccount, entityID: new.login, field: field, oldValue: o, newValue: n,
                                      note: old == nil ? "operator added" : "")
        }
        return [
            entry("role", old?.role.rawValue, new.role.rawValue),
            entry("name", old?.name, new.name),
            entry("unit_id", old?.unitID.map(String.init), new.unitID.map(String.init)),
            entry("office_id", old?.officeID.map(String.init), new.officeID.map(String.init)),
            entry("removed_at", old?.removedAt?.description, new.removedAt?.description)
                .map { e in var e = e; e.note = new.isRemoved ? "停用 (removed)" : "恢复 (restored)"; return e },
        ].compactMap { $0 }
    }
}
