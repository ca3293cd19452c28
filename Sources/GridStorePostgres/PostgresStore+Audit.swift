import GridCore

extension PostgresStore {
    /// Appends audit entries inside the caller's transaction, each chained onto the audit chain.
    static func appendAudit(_ s: PGSession, _ entries: [AuditEntry], context: ChangeContext, at: Timestamp) throws(GridError) {
        guard !entries.isEmpty else { return }
        var chain = try PGChainAppender(s)
        let time = SQLValue.text(at.description), login = SQLValue.text(context.actor.login), osUser = SQLValue.text(context.osUser),
            source = SQLValue.text(context.source.rawValue)
        try chain.insert(.audit, rows: entries.map { e in
            [time, login, osUser, source, .text(e.entity.rawValue), .text(e.entityID), e.communityID.sqlValue, .text(e.field),
             e.oldValue.sqlValue, e.newValue.sqlValue, .text(e.note)]
        }, s)
    }

    public func auditTrail(_ query: AuditQuery) throws(GridError) -> [AuditRow] {
        var conditions: [String] = []
        var args: [any SQLBindable] = []
        if let c = query.communityID { conditions.append("a.community_id = ?"); args.append(c) }
        if let after = query.afterID { conditions.append("a.id > ?"); args.append(after) }
        if let o = query.operatorLogin { conditions.append("a.operator = ?"); args.append(o) }
        if let since = query.since { conditions.append("a.at >= ?"); args.append(since.description) }
        let whereSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        args.append(max(0, query.limit))
        return try read { s throws(GridError) in
            // The theme of a cell entry is the part of its `community/theme` id after the slash, compared as text (no cast
            // that other entities' ids could fail).
            try s.query("""
                SELECT a.*, c.name AS community_name, th.name_zh AS theme_name
                FROM audit a
                LEFT JOIN community c ON c.id = a.community_id
                LEFT JOIN theme th ON a.entity = 'cell' AND th.id::text = split_part(a.entity_id, '/', 2)
                \(whereSQL) ORDER BY a.id DESC LIMIT ?
                """, args).map { r throws(GridError) in try PostgresStore.auditRow(r) }
        }
    }

    public func latestAuditID() throws(GridError) -> Int64 {
        try read { s throws(GridError) in try s.int("SELECT max(id) FROM audit") ?? 0 }
    }

    public func operatorAccount(login: String) throws(GridError) -> Operator {
        try read { s throws(GridError) in
            try s.query("SELECT * FROM operator WHERE login = ?", [login]).first.map { r throws(GridError) in try decoded { try PGDecode.operatorAccount(r) } }
                ?? .unknown(login: login)
        }
    }

    public func operators() throws(GridError) -> [Operator] {
        try read { s throws(GridError) in
            try s.query("SELECT * FROM operator ORDER BY login").map { r throws(GridError) in try decoded { try PGDecode.operatorAccount(r) } }
        }
    }

    public func auditChainHead() throws(GridError) -> AuditChainHead {
        try read { s throws(GridError) in try PGChain.head(s) }
    }

    static func auditRow(_ r: SQLRow) throws(GridError) -> AuditRow {
        try decoded {
            let entry = AuditEntry(entity: try PGDecode.coded(AuditEntity.self, r["entity"].text, "audit.entity"), entityID: r.text("entity_id"),
                                   communityID: r["community_id"].int, field: r.text("field"), oldValue: r["old_value"].text,
                                   newValue: r["new_value"].text, note: r.text("note"))
            let at = r["at"].text
            let record = AuditRecord(id: r.int("id"), at: try PGDecode.required(PGDecode.timestamp(at, "audit.at"), at, "audit.at"),
                                     operatorLogin: r.text("operator"), osUser: r.text("os_user"),
                                     source: try PGDecode.coded(ChangeSource.self, r["source"].text, "audit.source"), entry: entry)
            return AuditRow(record: record, communityName: r["community_name"].text, themeName: r["theme_name"].text)
        }
    }
}

/// Runs a decoding closure, turning its (always `GridError`) failure into a typed throw.
func decoded<T>(_ body: () throws -> T) throws(GridError) -> T {
    do {
        return try body()
    } catch let e as GridError {
        throw e
    } catch {
        throw .database("\(error)")
    }
}
