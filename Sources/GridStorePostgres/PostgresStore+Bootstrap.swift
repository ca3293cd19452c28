import GridCore

extension PostgresStore {
    /// Fills a freshly created database: meta, the standard themes, the first admin, and (for a real office) the office
    /// itself, all audited in one transaction — as the SQLite store's bootstrap. `kind` is `office` or `demo`.
    public func bootstrap(kind: String, officeName: String?, admin: Operator, context: ChangeContext,
                          extra meta: [String: String] = [:]) throws(GridError) {
        try write { s in
            let now = context.clock.now()
            var values = meta
            values["kind"] = kind
            values["created_at"] = now.description
            values["created_by"] = admin.login
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                try s.query("INSERT INTO meta (key, value) VALUES (?, ?)", [key, value])
            }
            for theme in StandardThemes.all {
                try s.query("INSERT INTO theme (code, name_zh, name_en, kinds, position) VALUES (?, ?, ?, ?, ?)",
                            [theme.code, theme.zh, theme.en, theme.kinds.map(\.rawValue).sorted().joined(separator: ","), theme.position])
            }
            try s.query("INSERT INTO operator (login, name, role, added_at) VALUES (?, ?, 'admin', ?)", [admin.login, admin.name, now.description])
            var entries = OperatorAudit.entries(old: nil, new: admin)
            entries.insert(AuditEntry(entity: .database, entityID: kind, field: "created", oldValue: nil,
                                      newValue: officeName ?? kind, note: "database created"), at: 0)
            if let officeName, let id = try s.int("INSERT INTO office (name) VALUES (?) RETURNING id", [officeName]) {
                entries.append(AuditEntry(entity: .office, entityID: "\(id)", field: "name", oldValue: nil, newValue: officeName))
            }
            try PostgresStore.appendAudit(s, entries, context: context, at: now)
        }
    }

    /// Whether the database holds no office, audit row or case yet (a copy may only go into an empty one).
    public func isEmpty() throws(GridError) -> Bool {
        try read { s throws(GridError) in
            try s.int("SELECT (SELECT count(*) FROM office) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM case_record)") == 0
        }
    }

    /// Each table's columns (public schema), by table.
    public func columns() throws(GridError) -> [String: Set<String>] {
        try read { s throws(GridError) in
            var result: [String: Set<String>] = [:]
            for r in try s.query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()") {
                result[r.text("table_name"), default: []].insert(r.text("column_name"))
            }
            return result
        }
    }

    /// The number of rows in `table`.
    public func count(_ table: String) throws(GridError) -> Int64 {
        try read { s throws(GridError) in try s.int("SELECT count(*) FROM \(table)") ?? 0 }
    }

    /// Loads rows exactly as given (ids included) in one transaction: how an office is copied in from another store.
    /// Tallies are kept by the triggers as cells arrive; identity sequences are moved past the copied ids at the end.
    public func load(_ body: (PostgresLoader) throws -> Void) throws(GridError) {
        try write { s in
            // Rows come as they were (a site number duplicated before the register's guard stays, as on SQLite).
            try s.query("SET LOCAL civgrid.loading = 'on'")
            try body(PostgresLoader(s))
            for table in ["office", "street", "community", "unit", "property", "assignment", "theme", "audit", "case_record",
                          "case_event", "notice", "attachment", "inspection_round", "inspection", "dispatch_slip"] {
                try s.query("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce((SELECT max(id) FROM \(table)), 0) + 1, false)")
            }
        }
    }
}

extension PostgresStore {
    /// Tables a sheet's import adds rows to (their statistics are refreshed after a large import).
    static let importedTables = ["street", "community", "unit", "property", "assignment", "cell", "tally", "audit", "chain"]

    /// Refreshes the planner's statistics of `tables` (all when empty), outside any transaction. Why: after a copy or a
    /// large import the server still plans with the statistics of the empty or smaller tables until autovacuum gets
    /// round to them (a minute or more): it read a board window's cells by scanning every cell of a city (8–16 ms a
    /// page) rather than through the primary key (under 1 ms).
    public func analyze(_ tables: [String] = []) throws(GridError) {
        try read { s throws(GridError) in try s.query(tables.isEmpty ? "ANALYZE" : "ANALYZE " + tables.joined(separator: ", ")) }
    }
}

/// Writes rows into one table at a time inside `PostgresStore.load`, many rows per statement.
public struct PostgresLoader {
    let s: PGSession

    init(_ s: PGSession) { self.s = s }

    /// The tables an office is made of, in an order that satisfies every reference (tally is kept by triggers).
    public static let tables = ["meta", "site_kind", "unit_kind", "office", "street", "community", "unit", "property", "assignment", "theme", "cell",
                                "operator", "audit", "case_record", "case_event", "notice", "notice_case", "chain",
                                "attachment_blob", "attachment", "inspection_round", "inspection_round_member", "inspection_round_scope",
                                "inspection", "site_contact", "site_cadence", "office_cadence", "dispatch_slip", "dispatch_slip_case"]

    /// Inserts `rows` (values in `columns` order) into `table`.
    public func insert(_ table: String, columns: [String], rows: [[SQLValue]]) throws(GridError) {
        guard !rows.isEmpty, !columns.isEmpty else { return }
        guard PostgresLoader.seeded.contains(table) else { return try s.insertMany(table, columns: columns, rows: rows) }
        // The kind lists are seeded by the schema on both sides: a copied kind overwrites its seed, keeping its place.
        let upsert = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(PGSQL.marks(columns.count))) ON CONFLICT (code) DO UPDATE SET "
            + columns.filter { $0 != "code" }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        for row in rows { try s.query(upsert, row) }
    }

    /// Tables the schema seeds (keyed by `code`).
    static let seeded: Set<String> = ["site_kind", "unit_kind"]

    /// The number of rows in `table` now.
    public func count(_ table: String) throws(GridError) -> Int64 {
        try s.int("SELECT count(*) FROM \(table)") ?? 0
    }
}
