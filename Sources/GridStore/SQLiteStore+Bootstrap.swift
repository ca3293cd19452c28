import GRDB
import GridCore

/// What a database was created as; a demo may be overwritten by another demo, a real office's may not.
public enum DatabaseKind: String, Sendable {
    case office, demo
}

extension SQLiteStore {
    /// Fills a freshly created database: meta, the standard themes, the first admin, and (for a real office)
    /// the office itself, all audited in one transaction.
    public func bootstrap(kind: DatabaseKind, officeName: String?, admin: Operator, context: ChangeContext,
                          extra meta: [String: String] = [:]) throws(GridError) {
        try write { db in
            let now = context.clock.now()
            var values = meta
            values["kind"] = kind.rawValue
            values["created_at"] = now.description
            values["created_by"] = admin.login
            for (key, value) in values {
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
            }
            for theme in StandardThemes.all {
                try db.execute(sql: "INSERT INTO theme (code, name_zh, name_en, kinds, position) VALUES (?, ?, ?, ?, ?)",
                               arguments: [theme.code, theme.zh, theme.en, theme.kinds.map(\.rawValue).sorted().joined(separator: ","),
                                           theme.position])
            }
            try db.execute(sql: "INSERT INTO operator (login, name, role, added_at) VALUES (?, ?, 'admin', ?)",
                           arguments: [admin.login, admin.name, now.description])
            var entries = OperatorAudit.entries(old: nil, new: admin)
            entries.insert(AuditEntry(entity: .database, entityID: kind.rawValue, field: "created", oldValue: nil,
                                      newValue: officeName ?? kind.rawValue, note: "database created"), at: 0)
            if let officeName {
                try db.execute(sql: "INSERT INTO office (name) VALUES (?)", arguments: [officeName])
                entries.append(AuditEntry(entity: .office, entityID: "\(db.lastInsertedRowID)", field: "name",
                                          oldValue: nil, newValue: officeName))
            }
            try SQLiteStore.appendAudit(db, entries, context: context, at: now)
        }
    }
}
