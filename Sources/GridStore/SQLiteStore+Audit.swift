import GRDB
import GridCore

extension SQLiteStore {
    /// Appends audit entries inside the caller's transaction, so they commit or roll back with the change, each
    /// chained onto the audit chain (`AuditChain`) in the same transaction.
    static func appendAudit(_ db: Database, _ entries: [AuditEntry], context: ChangeContext, at: Timestamp) throws {
        guard !entries.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit (at, operator, os_user, source, entity, entity_id, community_id, field, old_value, new_value, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var chain = try ChainAppender(db)
        let time = at.description
        for e in entries {
            let values: [DatabaseValue] = [time.databaseValue, context.actor.login.databaseValue, context.osUser.databaseValue,
                                           context.source.rawValue.databaseValue, e.entity.rawValue.databaseValue,
                                           e.entityID.databaseValue, AuditChain.stored(e.communityID), e.field.databaseValue,
                                           AuditChain.stored(e.oldValue), AuditChain.stored(e.newValue), e.note.databaseValue]
            try chain.insert(.audit, with: statement, values: values, db)
        }
    }

    public func auditTrail(_ query: AuditQuery) throws(GridError) -> [AuditRow] {
        var conditions: [String] = []
        var args: StatementArguments = ["limit": max(0, query.limit)]
        if let c = query.communityID {
            conditions.append("a.community_id = :community")
            args += ["community": c]
        }
        if let after = query.afterID {
            conditions.append("a.id > :after")
            args += ["after": after]
        }
        if let o = query.operatorLogin {
            conditions.append("a.operator = :operator")
            args += ["operator": o]
        }
        if let since = query.since {
            conditions.append("a.at >= :since")
            args += ["since": since.description]
        }
        let whereSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, c.name AS community_name, th.name_zh AS theme_name
                FROM audit a
                LEFT JOIN community c ON c.id = a.community_id
                LEFT JOIN theme th ON a.entity = 'cell'
                    AND th.id = CAST(substr(a.entity_id, instr(a.entity_id, '/') + 1) AS INTEGER)
                \(whereSQL) ORDER BY a.id DESC LIMIT :limit
                """, arguments: args).map(SQLiteStore.auditRow)
        }
    }

    public func latestAuditID() throws(GridError) -> Int64 {
        try read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM audit") ?? 0 }
    }

    static func auditRow(_ r: Row) throws -> AuditRow {
        let entry = AuditEntry(entity: try Decode.coded(AuditEntity.self, r["entity"], "audit.entity"), entityID: r["entity_id"],
                               communityID: r["community_id"], field: r["field"], oldValue: r["old_value"],
                               newValue: r["new_value"], note: r["note"])
        let record = AuditRecord(id: r["id"], at: try Decode.required(Decode.timestamp(r["at"], "audit.at"), r["at"], "audit.at"),
                                 operatorLogin: r["operator"], osUser: r["os_user"],
                                 source: try Decode.coded(ChangeSource.self, r["source"], "audit.source"), entry: entry)
        return AuditRow(record: record, communityName: r["community_name"], themeName: r["theme_name"])
    }
}
