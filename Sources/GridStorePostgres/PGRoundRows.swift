import GridCore

/// Rounds and inspections as rows on PostgreSQL: reading them back (with their team and scope) and writing a
/// `RoundChanges` — as the SQLite store's `RoundRows` (same columns, same order).
enum PGRoundRows {
    static let kindColumn = "inspection_round.kind"

    /// A round from its row, with its team and scope read from their tables.
    static func round(_ s: PGSession, _ r: SQLRow) throws(GridError) -> InspectionRound {
        let id = r.int("id")
        let team = try s.query("SELECT login FROM inspection_round_member WHERE round_id = ? ORDER BY position", [id]).map { $0.text("login") }
        var scope = RoundScope(declaredSitesOnly: r.int("declared_only") == 1)
        for row in try s.query("SELECT what, ref_id FROM inspection_round_scope WHERE round_id = ? ORDER BY what, ref_id", [id]) {
            let ref = row.int("ref_id")
            switch row.text("what") {
            case "street": scope.streetIDs.append(ref)
            case "community": scope.communityIDs.append(ref)
            case "theme": scope.themeIDs.append(ref)
            case let other: throw .database("the database holds inspection_round_scope.what = “\(other)”, which this civgrid cannot read")
            }
        }
        return try decoded {
            InspectionRound(
                id: id, name: r.text("name"), kind: try PGDecode.coded(RoundKind.self, r["kind"].text, kindColumn), unitID: r["unit_id"].int,
                from: try PGDecode.required(PGDecode.day(r["date_from"].text, "inspection_round.date_from"), r["date_from"].text,
                                            "inspection_round.date_from"),
                to: try PGDecode.required(PGDecode.day(r["date_to"].text, "inspection_round.date_to"), r["date_to"].text, "inspection_round.date_to"),
                team: team, scope: scope, state: try PGDecode.coded(RoundState.self, r["state"].text, "inspection_round.state"),
                createdBy: r.text("created_by"),
                createdAt: try PGDecode.required(PGDecode.timestamp(r["created_at"].text, "inspection_round.created_at"), r["created_at"].text,
                                                 "inspection_round.created_at"),
                startedAt: try PGDecode.timestamp(r["started_at"].text, "inspection_round.started_at"),
                closedAt: try PGDecode.timestamp(r["closed_at"].text, "inspection_round.closed_at"))
        }
    }

    /// One round by number, or nil.
    static func round(_ s: PGSession, id: RoundID) throws(GridError) -> InspectionRound? {
        guard let r = try s.query("SELECT * FROM inspection_round WHERE id = ?", [id]).first else { return nil }
        return try round(s, r)
    }

    /// The columns `inspection` reads, over `inspection i LEFT JOIN case_record k ON k.id = i.case_id`.
    static let inspectionColumns = "i.id, i.round_id, i.kind, i.community_id, i.theme_id, i.result, i.at, i.operator, i.note, k.year, k.seq"
    static let inspectionFrom = "inspection i LEFT JOIN case_record k ON k.id = i.case_id"

    /// An inspection from a row selected with `inspectionColumns`.
    static func inspection(_ r: SQLRow) throws(GridError) -> InspectionRecord {
        try decoded {
            let at = r.text("at")
            return InspectionRecord(
                id: r.int("id"), roundID: r["round_id"].int, kind: try r["kind"].text.map { try PGDecode.coded(RoundKind.self, $0, "inspection.kind") },
                cell: CellKey(communityID: r.int("community_id"), themeID: r.int("theme_id")),
                result: try PGDecode.coded(InspectionResult.self, r["result"].text, "inspection.result"),
                at: try PGDecode.required(Timestamp(iso: at), at, "inspection.at"), by: r.text("operator"), note: r.text("note"),
                caseNumber: r["year"].int.flatMap { y in r["seq"].int.map { CaseNumber(year: Int(y), sequence: Int($0)) } })
        }
    }

    /// Writes rounds planned or moved and inspections recorded (cases they name are already written).
    static func persist(_ s: PGSession, _ changes: RoundChanges, caseID: (CaseNumber) throws -> Int64) throws {
        for r in changes.newRounds {
            try s.query("""
                INSERT INTO inspection_round (id, name, kind, unit_id, date_from, date_to, declared_only, state, created_by, created_at,
                    started_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [r.id, r.name, r.kind.rawValue, r.unitID, r.from.description, r.to.description, r.scope.declaredSitesOnly ? 1 : 0,
                      r.state.rawValue, r.createdBy, r.createdAt.description, r.startedAt?.description, r.closedAt?.description])
            for (position, login) in r.team.enumerated() {
                try s.query("INSERT INTO inspection_round_member (round_id, position, login) VALUES (?, ?, ?)", [r.id, position, login])
            }
            let scope = r.scope.streetIDs.map { ("street", $0) } + r.scope.communityIDs.map { ("community", $0) }
                + r.scope.themeIDs.map { ("theme", $0) }
            for (what, ref) in scope {
                try s.query("INSERT INTO inspection_round_scope (round_id, what, ref_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [r.id, what, ref])
            }
        }
        for r in changes.updatedRounds {
            try s.query("UPDATE inspection_round SET state = ?, started_at = ?, closed_at = ? WHERE id = ?",
                        [r.state.rawValue, r.startedAt?.description, r.closedAt?.description, r.id])
        }
        for i in changes.inspections {
            try s.query("""
                INSERT INTO inspection (id, round_id, kind, community_id, theme_id, result, at, operator, note, case_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [i.id, i.roundID, i.kind?.rawValue, i.cell.communityID, i.cell.themeID, i.result.rawValue, i.at.description, i.by, i.note,
                      try i.caseNumber.map(caseID)])
        }
    }

    /// `civgrid check` for rounds: every inspection must have the audit row its service wrote with it.
    static func inspectionsAgainstAudit(_ s: PGSession) throws(GridError) -> [String] {
        let ids = try s.query("""
            SELECT i.id FROM inspection i WHERE NOT EXISTS (
                SELECT 1 FROM audit a WHERE a.community_id = i.community_id AND a.entity = 'inspection'
                    AND a.entity_id = CAST(i.id AS TEXT) AND a.new_value = i.result AND a.at = i.at)
            ORDER BY i.id LIMIT 21
            """).map { $0.int("id") }
        return ids.prefix(20).map { "inspection #\($0) has no matching audit row (written outside civgrid?)" }
            + (ids.count > 20 ? ["… and more inspections without audit rows"] : [])
    }
}

extension PostgresTransaction: RoundTransaction {
    func round(id: RoundID) throws -> InspectionRound? { try PGRoundRows.round(s, id: id) }

    func round(named name: String) throws -> InspectionRound? {
        guard let r = try s.query("SELECT * FROM inspection_round WHERE name = ?", [name]).first else { return nil }
        return try PGRoundRows.round(s, r)
    }

    func lastRoundID() throws -> RoundID { try s.int("SELECT max(id) FROM inspection_round") ?? 0 }

    func lastInspectionID() throws -> Int64 { try s.int("SELECT max(id) FROM inspection") ?? 0 }

    /// Writes `ChangeSet.rounds` (called from `persist`, after cases and before the audit rows).
    func persistRounds(_ changes: RoundChanges) throws {
        guard !changes.isEmpty else { return }
        try PGRoundRows.persist(s, changes, caseID: caseID)
    }
}
