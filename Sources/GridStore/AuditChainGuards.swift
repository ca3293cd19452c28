import GRDB
import GridCore

/// What else `check` verifies beside the chain itself: that every protective trigger is present with the text the
/// migrations create, and that every cell's state is what its audit history says.
extension AuditChain {
    /// Triggers missing, altered or added: compared with a database migrated from empty in memory, so the expected
    /// text is exactly what the (frozen) migrations create.
    static func verifyTriggers(_ db: Database) throws -> [String] {
        let pristine = try DatabaseQueue()
        try Schema.migrator.migrate(pristine)
        let sql = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        let expected = try pristine.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: sql).map { ($0[0] as String, $0[1] as String? ?? "") })
        }
        let live = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: sql).map { ($0[0] as String, $0[1] as String? ?? "") })
        var problems: [String] = []
        for (name, text) in expected.sorted(by: { $0.key < $1.key }) {
            guard let found = live[name] else {
                problems.append("trigger: \(name) is missing (dropped), so \(guarded(name)) can be changed unseen; "
                    + "restore a backup that passes check")
                continue
            }
            if found != text {
                problems.append("trigger: \(name) differs from the one civgrid created (altered), so \(guarded(name)) may be "
                    + "changed unseen; restore a backup that passes check")
            }
        }
        for name in live.keys.sorted() where expected[name] == nil {
            problems.append("trigger: \(name) was not created by civgrid (added behind its back); find out what it changed, "
                + "then restore a backup that passes check")
        }
        return problems
    }

    static func guarded(_ trigger: String) -> String {
        if trigger.hasPrefix("audit_") { return "the audit log" }
        if trigger.hasPrefix("case_event_") { return "case events" }
        if trigger.hasPrefix("chain_") { return "the audit chain" }
        if trigger.hasPrefix("attachment_") { return "attachments" }
        if trigger.hasPrefix("order_") { return "the order of streets and communities" }
        return "the status tallies"
    }

    /// Cells whose status or deadline differs from the newest `status` / `due_on` audit entry of that cell (a cell
    /// never audited must be unchecked with no deadline): changed without an audit row. Streams cells and their
    /// audit rows side by side, community by community.
    static func verifyCells(_ db: Database) throws -> [String] {
        let audits = try Row.fetchCursor(db, sql: """
            SELECT community_id, entity_id, field, new_value FROM audit
            WHERE community_id IS NOT NULL AND entity = 'cell' AND field IN ('status', 'due_on')
            ORDER BY community_id, id
            """)
        let cells = try Row.fetchCursor(db, sql: "SELECT community_id, theme_id, status, due_on FROM cell ORDER BY community_id, theme_id")
        var pending = try audits.next().map(AuditedValue.init)
        var community: Int64 = -1
        var status: [Int64: String?] = [:], due: [Int64: String?] = [:]
        var report = Findings()
        while let cell = try cells.next() {
            let communityID: Int64 = cell[0], themeID: Int64 = cell[1]
            if communityID != community {
                community = communityID
                status = [:]
                due = [:]
                while let a = pending, a.communityID <= communityID {
                    if a.communityID == communityID, let theme = a.themeID {
                        if a.field == "status" { status[theme] = a.value } else { due[theme] = a.value }
                    }
                    pending = try audits.next().map(AuditedValue.init)
                }
            }
            let shown: String = cell[2], shownDue: String? = cell[3]
            let audited = status[themeID] ?? CellStatus.unchecked.rawValue, auditedDue = due[themeID] ?? nil
            guard shown != audited || shownDue != auditedDue else { continue }
            let label = try SQLiteStore.cellLabel(db, CellKey(communityID: communityID, themeID: themeID))
            let what = shown != audited
                ? "shows \(zh(shown)) but its audit history says \(zh(audited))"
                : "is due \(shownDue ?? "never") but its audit history says \(auditedDue ?? "no deadline")"
            report.add("cell/audit: \(label) (cell \(communityID)/\(themeID)) \(what): it was changed without an audit entry; "
                + "restore a backup, or set it again with `civgrid set` so the change is audited")
        }
        return report.lines("cell/audit")
    }

    static func zh(_ status: String?) -> String {
        guard let status else { return "nothing" }
        return CellStatus(rawValue: status).map { "\($0.zh) \($0.rawValue)" } ?? status
    }

    /// One `status` or `due_on` audit entry of a cell, copied out of the cursor.
    struct AuditedValue {
        var communityID: Int64
        var themeID: Int64?
        var field: String
        var value: String?

        init(_ row: Row) {
            communityID = row[0]
            let entity: String = row[1]
            themeID = entity.split(separator: "/").last.flatMap { Int64($0) }
            field = row[2]
            value = row[3]
        }
    }
}
