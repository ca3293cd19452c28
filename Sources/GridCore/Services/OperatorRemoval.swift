extension GridServices {
    /// Removes an operator (admins only, `.manageOperators`): the row stays — the audit and the cases still name the
    /// person — marked removed (when, by whom), and from then on the login may no longer change anything (`Operator
    /// .acting`). The last admin cannot be removed. `reason` goes into the audit. Returns the audit entries (empty when the
    /// operator was already removed).
    public func removeOperator(login: String, reason: String, context: ChangeContext) throws(GridError) -> [AuditEntry] {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .manageOperators, on: "operator \(login)")
            try TextRules.checkNote(reason, field: "the reason (--reason)")
            guard let old = try ws.tx.storedOperator(login: login) else {
                throw GridError.notFound("\(login) is not an operator; `civgrid operator list` lists the logins")
            }
            ws.aim(.operatorAccount(old))
            guard !old.isRemoved else { return [] }
            if old.role == .admin, try ws.tx.operatorCount(role: .admin) == 1 {
                throw GridError.invalidInput("\(login) is the last admin (管理员); make another operator admin first "
                    + "(`civgrid operator set LOGIN --role admin`), then remove \(login)")
            }
            var removed = old
            removed.removedAt = ws.now
            removed.removedBy = ws.actor.login
            let why = reason.trimmingWhitespace()
            let entries = OperatorAudit.entries(old: old, new: removed).map { e in
                var e = e
                if !why.isEmpty { e.note += ": \(why)" }
                return e
            }
            ws.save(removed, audit: entries)
            return entries
        }
    }
}
