import GRDB
import GridCore

/// Rounds and inspections as rows: reading them back (with their team and scope) and writing a `RoundChanges`.
enum RoundRows {
    static let kindColumn = "inspection_round.kind"

    /// A round from its row, with its team and scope read from their tables.
    static func round(_ db: Database, _ r: Row) throws -> InspectionRound {
        let id: Int64 = r["id"]
        let team = try String.fetchAll(db.cachedStatement(sql: "SELECT login FROM inspection_round_member WHERE round_id = ? ORDER BY position"),
                                       arguments: [id])
        var scope = RoundScope(declaredSitesOnly: (r["declared_only"] as Int) == 1)
        for s in try Row.fetchAll(db.cachedStatement(sql: "SELECT what, ref_id FROM inspection_round_scope WHERE round_id = ? ORDER BY what, ref_id"),
                                  arguments: [id]) {
            let ref: Int64 = s["ref_id"]
            switch s["what"] as String {
            case "street": scope.streetIDs.append(ref)
            case "community": scope.communityIDs.append(ref)
            case "theme": scope.themeIDs.append(ref)
            case let other: throw GridError.database("the database holds inspection_round_scope.what = “\(other)”, which this civgrid cannot read")
            }
        }
        return InspectionRound(
            id: id, name: r["name"], kind: try Decode.coded(RoundKind.self, r["kind"], kindColumn), unitID: r["unit_id"],
            from: try Decode.required(Decode.day(r["date_from"], "inspection_round.date_from"), r["date_from"], "inspection_round.date_from"),
            to: try Decode.required(Decode.day(r["date_to"], "inspection_round.date_to"), r["date_to"], "inspection_round.date_to"),
            team: team, scope: scope, state: try Decode.coded(RoundState.self, r["state"], "inspection_round.state"),
            createdBy: r["created_by"],
            createdAt: try Decode.required(Decode.timestamp(r["created_at"], "inspection_round.created_at"), r["created_at"],
                                           "inspection_round.created_at"),
            startedAt: try Decode.timestamp(r["started_at"], "inspection_round.started_at"),
            closedAt: try Decode.timestamp(r["closed_at"], "inspection_round.closed_at"))
    }

    /// One round by number, or nil.
    static func round(_ db: Database, id: RoundID) throws -> InspectionRound? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM inspection_round WHERE id = ?"), arguments: [id]).map { try round(db, $0) }
    }

    /// The columns `inspection` reads, over `inspection i LEFT JOIN case_record k ON k.id = i.case_id`.
    static let inspectionColumns = "i.id, i.round_id, i.kind, i.community_id, i.theme_id, i.result, i.at, i.operator, i.note, k.year, k.seq"
    static let inspectionFrom = "inspection i LEFT JOIN case_record k ON k.id = i.case_id"

    /// An inspection from a row selected with `inspectionColumns`.
    static func inspection(_ r: Row) throws -> InspectionRecord {
        let kind: String? = r[2]
        let year: Int? = r[9], seq: Int? = r[10]
        let at: String = r[6]
        return InspectionRecord(
            id: r[0], roundID: r[1], kind: try kind.map { try Decode.coded(RoundKind.self, $0, "inspection.kind") },
            cell: CellKey(communityID: r[3], themeID: r[4]), result: try Decode.coded(InspectionResult.self, r[5], "inspection.result"),
            at: try Decode.required(Timestamp(iso: at), at, "inspection.at"), by: r[7], note: r[8],
            caseNumber: year.flatMap { y in seq.map { CaseNumber(year: y, sequence: $0) } })
    }

    /// Writes rounds planned or moved and inspections recorded (cases they name are already written).
    static func persist(_ db: Database, _ changes: RoundChanges, caseID: (CaseNumber) throws -> Int64) throws {
        for r in changes.newRounds {
            try db.execute(sql: """
                INSERT INTO inspection_round (id, name, kind, unit_id, date_from, date_to, declared_only, state, created_by, created_at,
                    started_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [r.id, r.name, r.kind.rawValue, r.unitID, r.from.description, r.to.description, r.scope.declaredSitesOnly ? 1 : 0,
                                 r.state.rawValue, r.createdBy, r.createdAt.description, r.startedAt?.description, r.closedAt?.description])
            for (position, login) in r.team.enumerated() {
                try db.execute(sql: "INSERT INTO inspection_round_member (round_id, position, login) VALUES (?, ?, ?)",
                               arguments: [r.id, position, login])
            }
            let scope = r.scope.streetIDs.map { ("street", $0) } + r.scope.communityIDs.map { ("community", $0) }
                + r.scope.themeIDs.map { ("theme", $0) }
            for (what, ref) in scope {
                try db.execute(sql: "INSERT OR IGNORE INTO inspection_round_scope (round_id, what, ref_id) VALUES (?, ?, ?)",
                               arguments: [r.id, what, ref])
            }
        }
        for r in changes.updatedRounds {
            try db.execute(sql: "UPDATE inspection_round SET state = ?, started_at = ?, closed_at = ? WHERE id = ?",
                           arguments: [r.state.rawValue, r.startedAt?.description, r.closedAt?.description, r.id])
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO inspection (id, round_id, kind, community_id, theme_id, result, at, operator, note, case_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for i in changes.inspections {
            try insert.execute(arguments: [i.id, i.roundID, i.kind?.rawValue, i.cell.communityID, i.cell.themeID, i.result.rawValue,
                                           i.at.description, i.by, i.note, try i.caseNumber.map(caseID)])
        }
    }
}

extension SQLiteTransaction: RoundTransaction {
    func round(id: RoundID) throws -> InspectionRound? { try RoundRows.round(db, id: id) }

    func round(named name: String) throws -> InspectionRound? {
        try Row.fetchOne(db, sql: "SELECT * FROM inspection_round WHERE name = ?", arguments: [name]).map { try RoundRows.round(db, $0) }
    }

    func lastRoundID() throws -> RoundID { try Int64.fetchOne(db, sql: "SELECT max(id) FROM inspection_round") ?? 0 }

    func lastInspectionID() throws -> Int64 { try Int64.fetchOne(db, sql: "SELECT max(id) FROM inspection") ?? 0 }

    /// Writes `ChangeSet.rounds` (called from `persist`, after cases and before the audit rows).
    func persistRounds(_ changes: RoundChanges) throws {
        guard !changes.isEmpty else { return }
        try RoundRows.persist(db, changes, caseID: caseID)
    }
}
