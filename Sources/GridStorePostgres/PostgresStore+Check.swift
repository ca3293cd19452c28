import GridCore

extension PostgresStore {
    /// Everything `civgrid check` verifies on a server: the audit chain (every entry recomputed in order, none missing
    /// or changed, no row without an entry), audit ids without gaps, the append-only triggers present, tallies (status
    /// counts and the earliest open due day) that agree with the cells, and cells that agree with their open cases. With
    /// `anchor`, also that entry N still has the printed hash. Empty when sound.
    public func check(anchor: (seq: Int64, prefix: String)? = nil) throws(GridError) -> [String] {
        try read { s throws(GridError) in
            var problems: [String] = []
            problems += try PostgresStore.verifyChain(s)
            if let anchor { problems += try PostgresStore.verifyAnchor(s, seq: anchor.seq, prefix: anchor.prefix) }
            if let row = try s.query("SELECT min(id) AS lo, max(id) AS hi, count(*) AS n FROM audit").first, let lo = row["lo"].int,
               let hi = row["hi"].int {
                let n = row.int("n")
                if hi - lo + 1 != n || lo != 1 {
                    problems.append("audit: \(hi - n) entr\(hi - n == 1 ? "y is" : "ies are") missing between #1 and #\(hi) (rows were deleted)")
                }
            }
            let triggers = Set(try s.query("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal").compactMap { $0[0].text })
            for t in ["audit_append_only", "case_event_append_only", "chain_append_only", "cell_tally", "community_tally",
                      "attachment_append_only", "attachment_blob_append_only",
                      "inspection_append_only", "inspection_round_plan_fixed", "inspection_round_no_delete",
                      "site_number"] where !triggers.contains(t) {
                problems.append("trigger: \(t) is missing (dropped); the tables it protects can be changed without trace; restore a backup")
            }
            let sums = CellStatus.allCases.map { "count(*) FILTER (WHERE status = '\($0.rawValue)') AS \($0.rawValue)" }.joined(separator: ", ")
            let differs = CellStatus.allCases.map { "t.\($0.rawValue) <> coalesce(x.\($0.rawValue), 0)" }.joined(separator: " OR ")
            let openDue = "min(due_on) FILTER (WHERE status IN (\(PGSQL.overdueStatuses))) AS open_due"
            let mismatched = try s.query("""
                SELECT t.community_id, (\(differs))::int AS counts_differ, t.open_due, x.open_due AS cells_due
                FROM tally t LEFT JOIN (SELECT community_id, \(sums), \(openDue) FROM cell GROUP BY community_id) x
                    ON x.community_id = t.community_id
                WHERE \(differs) OR t.open_due IS DISTINCT FROM x.open_due LIMIT 20
                """)
            for r in mismatched {
                let id = r.int("community_id")
                if r.int("counts_differ") == 1 { problems.append("tally: community #\(id) counts disagree with its cells") }
                let kept = r["open_due"].text, cells = r["cells_due"].text
                if kept != cells {
                    problems.append("tally: community #\(id) earliest open due day is \(kept ?? "none") but its cells say \(cells ?? "none") "
                        + "(the overdue filter would show it wrongly)")
                }
            }
            problems += try PostgresStore.caseDisagreements(s)
            problems += try PGAttachmentRows.verify(s)
            problems += try PGRoundRows.inspectionsAgainstAudit(s)
            return problems
        }
    }

    /// Verifies the audit chain alone (the part of `check` that recomputes every hash).
    public func verifyAuditChain() throws(GridError) -> [String] {
        try read { s throws(GridError) in try PostgresStore.verifyChain(s) }
    }

    /// Walks the chain in order, recomputing each entry from the row it names.
    static func verifyChain(_ s: PGSession) throws(GridError) -> [String] {
        var found: [String] = []
        var expected: Int64 = 1, previous = Array(PGChain.genesis.utf8)
        var chained: [PGChain.Table: Int64] = [:]
        let batch: Int64 = 20_000
        var after: Int64 = 0
        while true {
            let audit = PGChain.Table.audit.columns.map { "a.\($0) AS a_\($0)" }.joined(separator: ", ")
            let event = PGChain.Table.caseEvent.columns.map { "e.\($0) AS e_\($0)" }.joined(separator: ", ")
            let rows = try s.query("""
                SELECT ch.seq, ch.tbl, ch.row_id, ch.hash, \(audit), \(event) FROM chain ch
                LEFT JOIN audit a ON ch.tbl = 'audit' AND a.id = ch.row_id
                LEFT JOIN case_event e ON ch.tbl = 'case_event' AND e.id = ch.row_id
                WHERE ch.seq > ? ORDER BY ch.seq LIMIT ?
                """, [after, batch])
            for row in rows {
                let seq = row.int("seq"), rowID = row.int("row_id"), stored = Array(row.text("hash").utf8)
                defer { previous = stored; expected = seq + 1; after = seq }
                if seq != expected {
                    found.append("chain: entries #\(expected)–#\(seq - 1) missing before #\(seq) (chain entries were deleted); restore a backup")
                    continue
                }
                guard let table = PGChain.Table(rawValue: row.text("tbl")) else {
                    found.append("chain: entry #\(seq) names an unknown table; restore a backup")
                    continue
                }
                chained[table, default: 0] += 1
                let prefix = table == .audit ? "a_" : "e_"
                guard !row[prefix + "id"].isNull else {
                    found.append("\(table.label) #\(rowID) (chain #\(seq)) is missing: it was deleted after it was written; restore a backup")
                    continue
                }
                let values = table.columns.map { row[prefix + $0] }
                let hash = PGChain.hash(previous: previous, canonical: PGChain.canonical(seq: seq, table: table, values: values))
                if hash != stored {
                    found.append("\(table.label) #\(rowID) (chain #\(seq)) was changed after it was written: its content no longer "
                        + "matches its hash; restore a backup")
                }
            }
            if rows.count < Int(batch) { break }
        }
        for table in PGChain.Table.allCases {
            let count = try s.int("SELECT count(*) FROM \(table.rawValue)") ?? 0
            guard count != chained[table] ?? 0 else { continue }
            for r in try s.query("""
                SELECT id FROM \(table.rawValue) t WHERE NOT EXISTS (SELECT 1 FROM chain c WHERE c.tbl = '\(table.rawValue)' AND c.row_id = t.id)
                ORDER BY id LIMIT 20
                """) {
                found.append("\(table.label) #\(r.int("id")) has no chain entry: it was written behind civgrid's back; restore a backup")
            }
        }
        return found.count > 20 ? Array(found.prefix(20)) + ["chain: … and \(found.count - 20) more"] : found
    }

    /// Whether entry `seq` still has a hash starting with `prefix` (`check --anchor`).
    static func verifyAnchor(_ s: PGSession, seq: Int64, prefix: String) throws(GridError) -> [String] {
        guard let hash = try s.text("SELECT hash FROM chain WHERE seq = ?", [seq]) else {
            let top = try PGChain.head(s).seq
            return ["anchor: the chain has no entry #\(seq) (it ends at #\(top)): the history the document anchored was cut; "
                + "restore a backup made after the document"]
        }
        guard hash.hasPrefix(prefix.lowercased()) else {
            return ["anchor: entry #\(seq) now hashes to \(hash.prefix(max(prefix.count, AuditChainHead.printedDigits))), not \(prefix): "
                + "the history up to the document was rewritten since; restore a backup made before the change"]
        }
        return []
    }

    /// Cells whose status disagrees with their open cases (GridCore's `CaseFollow` decides), the first 50 listed.
    static func caseDisagreements(_ s: PGSession) throws(GridError) -> [String] {
        let openStates = CaseState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ",")
        let open = try PGCaseRows.all(s, where: "state IN (\(openStates))", []).map(\.1)
        let byCell = Dictionary(grouping: open) { CellKey(communityID: $0.communityID, themeID: $0.themeID) }
        let caseStatuses = [CellStatus.problem, .rectifying, .recheck, .parked].map { "'\($0.rawValue)'" }.joined(separator: ",")
        let cells = try s.query("""
            SELECT * FROM cell WHERE status IN (\(caseStatuses))
               OR (community_id, theme_id) IN (SELECT community_id, theme_id FROM case_record WHERE state IN (\(openStates)))
            ORDER BY community_id, theme_id
            """).map { r throws(GridError) in try decoded { try PGDecode.cell(r) } }
        var found: [String] = []
        for cell in cells {
            let key = CellKey(communityID: cell.communityID, themeID: cell.themeID)
            let cases = (byCell[key] ?? []).sorted { $0.number < $1.number }
            guard let expected = CaseFollow.disagreement(cell, openCases: cases) else { continue }
            let label = try decoded { try PostgresTransaction(s).cellLabel(key) }
            let named = cases.isEmpty ? "no open case" : "open case\(cases.count == 1 ? "" : "s") "
                + cases.map { "\($0.number) \($0.state.zh)" }.joined(separator: ", ")
            found.append("case/cell: \(label) shows \(cell.status.zh) but its \(named) say \(expected.zh); "
                + "move the case\(cases.count == 1 ? "" : "s") or record the problem so they agree")
        }
        guard found.count > 50 else { return found }
        return Array(found.prefix(50)) + ["case/cell: … and \(found.count - 50) more cells disagree with their cases"]
    }
}
