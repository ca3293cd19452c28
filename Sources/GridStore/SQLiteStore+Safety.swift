import Foundation
import GRDB
import GridCore

extension SQLiteStore {
    /// Writes a consistent copy of the database to `path` with SQLite's online backup API, while other
    /// consoles keep working. Refuses to overwrite an existing file.
    public func backup(to path: String) throws(GridError) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw .invalidInput("\(path) already exists; choose another -o path (a backup never overwrites)")
        }
        do {
            let target = try DatabaseQueue(path: path)
            try db.backup(to: target)
            try target.close()
            try? FileManager.default.setAttributes([.posixPermissions: 0o660], ofItemAtPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.map(error, path: path)
        }
    }

    /// Copies a verified backup over the database at `target` (created if missing), then records the restore
    /// in the restored audit trail. An existing target is replaced only with `force`.
    public static func restore(from source: String, to target: String, force: Bool, context: ChangeContext) throws(GridError) {
        let backup = try SQLiteStore.open(path: source)
        let problems = try backup.check()
        guard problems.isEmpty else {
            throw .database("\(source) fails its check, so it was not restored:\n  " + problems.joined(separator: "\n  "))
        }
        let exists = FileManager.default.fileExists(atPath: target)
        guard !exists || force else {
            throw .invalidInput("\(target) exists; restoring replaces everything in it. Add --force to do so (make a backup of it first)")
        }
        let store = exists ? try SQLiteStore.open(path: target) : try SQLiteStore.connect(path: target, readOnly: false)
        do {
            try backup.db.backup(to: store.db)
        } catch {
            throw StoreError.map(error, path: target)
        }
        store.restrictPermissions()
        try store.write { db in
            try SQLiteStore.appendAudit(db, [AuditEntry(entity: .database, entityID: "restore", field: "restored_from",
                                                        oldValue: nil, newValue: source, note: "database restored from a backup")],
                                        context: context, at: context.clock.now())
        }
    }

    /// Every problem found: SQLite integrity and foreign keys, gaps or reordering in the audit trail, the audit
    /// chain (every row hashed, in order, none missing or changed), the protective triggers, cells that differ from
    /// their audit history, tallies (status counts and the earliest open due day) that disagree with the cells, and
    /// cells that disagree with their cases.
    /// With `anchor` (a printed `#N:HASH`), also that the chain's entry N still has that hash. Empty when sound.
    public func check(anchor: (seq: Int64, prefix: String)? = nil) throws(GridError) -> [String] {
        try read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map { "integrity: \($0)" } }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append("foreign key: \(row["table"] as String) row \(row["rowid"] as Int64? ?? 0) → \(row["parent"] as String)")
            }
            problems += try auditContinuity(db)
            problems += try AuditChain.verify(db)
            if let anchor { problems += try AuditChain.verifyAnchor(db, seq: anchor.seq, prefix: anchor.prefix) }
            problems += try AuditChain.verifyTriggers(db)
            problems += try AuditChain.verifyCells(db)
            let countsDiffer = CellStatus.allCases.map { "t.\($0.rawValue) IS NOT coalesce(x.\($0.rawValue), 0)" }.joined(separator: " OR ")
            let mismatched = try Row.fetchAll(db, sql: """
                SELECT t.community_id, \(countsDiffer) AS counts_differ, t.open_due, x.open_due AS cells_due FROM tally t LEFT JOIN (
                    SELECT community_id, \(CellStatus.allCases.map { "sum(status = '\($0.rawValue)') AS \($0.rawValue)" }.joined(separator: ", ")),
                        min(CASE WHEN status IN (\(SQL.overdueStatuses)) THEN due_on END) AS open_due
                    FROM cell GROUP BY community_id) x ON x.community_id = t.community_id
                WHERE \(countsDiffer) OR t.open_due IS NOT x.open_due
                LIMIT 20
                """)
            for r in mismatched {
                let id: Int64 = r[0]
                if r[1] as Bool { problems.append("tally: community #\(id) counts disagree with its cells") }
                let kept: String? = r[2], cells: String? = r[3]
                if kept != cells {
                    problems.append("tally: community #\(id) earliest open due day is \(kept ?? "none") but its cells say \(cells ?? "none") "
                        + "(the overdue filter would show it wrongly)")
                }
            }
            problems += try caseDisagreements(db)
            problems += try AttachmentRows.verify(db)
            problems += try RoundCheck.inspectionsAgainstAudit(db)
            return problems
        }
    }

    /// Cells whose status disagrees with their open cases (GridCore's `CaseFollow` decides what they should show),
    /// named with the cases; the first 50 are listed and the rest counted.
    func caseDisagreements(_ db: Database) throws -> [String] {
        let openStates = CaseState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ",")
        let open = try CaseRows.all(db, where: "state IN (\(openStates))", []).map(\.1)
        let byCell = Dictionary(grouping: open) { CellKey(communityID: $0.communityID, themeID: $0.themeID) }
        let caseStatuses = [CellStatus.problem, .rectifying, .recheck, .parked].map { "'\($0.rawValue)'" }.joined(separator: ",")
        let cells = try Row.fetchAll(db, sql: """
            SELECT * FROM cell WHERE status IN (\(caseStatuses))
               OR (community_id, theme_id) IN (SELECT community_id, theme_id FROM case_record WHERE state IN (\(openStates)))
            ORDER BY community_id, theme_id
            """).map { try Decode.cell($0) }
        var found: [String] = []
        for cell in cells {
            let key = CellKey(communityID: cell.communityID, themeID: cell.themeID)
            let cases = (byCell[key] ?? []).sorted { $0.number < $1.number }
            guard let expected = CaseFollow.disagreement(cell, openCases: cases) else { continue }
            let label = try SQLiteStore.cellLabel(db, key)
            let named = cases.isEmpty ? "no open case" : "open case\(cases.count == 1 ? "" : "s") "
                + cases.map { "\($0.number) \($0.state.zh)" }.joined(separator: ", ")
            found.append("case/cell: \(label) shows \(cell.status.zh) but its \(named) say \(expected.zh); "
                + "move the case\(cases.count == 1 ? "" : "s") or record the problem so they agree")
        }
        guard found.count > 50 else { return found }
        return Array(found.prefix(50)) + ["case/cell: … and \(found.count - 50) more cells disagree with their cases"]
    }

    /// Audit ids must run without gaps (a gap means rows were removed behind the triggers' back) and times
    /// must not go backwards by more than a minute (clock trouble or edited rows). The demo's generated history
    /// is written community by community, not in time order, so it is left out of the time check.
    func auditContinuity(_ db: Database) throws -> [String] {
        guard let row = try Row.fetchOne(db, sql: "SELECT min(id) AS lo, max(id) AS hi, count(*) AS n FROM audit"),
              let lo = row["lo"] as Int64?, let hi = row["hi"] as Int64? else { return [] }
        var problems: [String] = []
        let n: Int64 = row["n"]
        if hi - lo + 1 != n || lo != 1 {
            problems.append("audit: \(hi - n) entr\(hi - n == 1 ? "y is" : "ies are") missing between #1 and #\(hi) (rows were deleted)")
        }
        if let seq = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit'"), seq != hi {
            problems.append("audit: the sequence says #\(seq) was written but the last entry is #\(hi) (entries were deleted)")
        }
        let backwards = try Int64.fetchAll(db, sql: """
            SELECT b.id FROM audit a JOIN audit b ON b.id = a.id + 1
            WHERE a.source <> 'demo' AND b.source <> 'demo'
              AND julianday(substr(b.at, 1, 23)) < julianday(substr(a.at, 1, 23)) - 1.0 / 1440 LIMIT 5
            """)
        problems += backwards.map { "audit: entry #\($0) is timestamped more than a minute before the entry before it" }
        return problems
    }
}
