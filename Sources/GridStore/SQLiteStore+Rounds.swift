import GRDB
import GridCore

/// `RoundReading` on SQLite: rounds, inspections and coverage, each inspection query entering one of v8's indexes.
extension SQLiteStore: RoundReading {
    public func rounds(_ query: RoundQuery) throws(GridError) -> [InspectionRound] {
        var conditions: [String] = []
        var args: StatementArguments = ["limit": max(0, query.limit)]
        if !query.states.isEmpty {
            conditions.append("state IN (" + query.states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",") + ")")
        }
        if let kind = query.kind {
            conditions.append("kind = :kind")
            args += ["kind": kind.rawValue]
        }
        let whereSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM inspection_round \(whereSQL) ORDER BY id DESC LIMIT :limit", arguments: args)
                .map { try RoundRows.round(db, $0) }
        }
    }

    public func round(id: RoundID) throws(GridError) -> InspectionRound? {
        try read { try RoundRows.round($0, id: id) }
    }

    public func inspections(_ query: InspectionQuery) throws(GridError) -> [InspectionRecord] {
        var conditions: [String] = []
        var args: StatementArguments = ["limit": max(0, query.limit)]
        if let r = query.roundID {
            conditions.append("i.round_id = :round")
            args += ["round": r]
        }
        if let c = query.communityID {
            conditions.append("i.community_id = :community")
            args += ["community": c]
        }
        if let since = query.since {
            conditions.append("i.at >= :since")
            args += ["since": since.description]
        }
        let whereSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(RoundRows.inspectionColumns) FROM \(RoundRows.inspectionFrom) \(whereSQL) ORDER BY i.at DESC, i.id DESC LIMIT :limit
                """, arguments: args).map(RoundRows.inspection)
        }
    }

    public func lastInspections(kind: RoundKind?, communityIDs: [RowID]) throws(GridError) -> [RowID: InspectionRecord] {
        try read { db in
            // One index seek per community (`inspection_kind`, or `inspection_community` for any kind): the newest row.
            let sql = kind == nil ? CoverageSQL.lastAny : CoverageSQL.lastOfKind
            let statement = try db.cachedStatement(sql: sql)
            var out: [RowID: InspectionRecord] = [:]
            for id in communityIDs {
                let args: StatementArguments = kind.map { [$0.rawValue, id] } ?? [id]
                if let row = try Row.fetchOne(statement, arguments: args) { out[id] = try RoundRows.inspection(row) }
            }
            return out
        }
    }

    public func inspection(recording number: CaseNumber) throws(GridError) -> InspectionRecord? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT \(RoundRows.inspectionColumns) FROM \(RoundRows.inspectionFrom)
                WHERE i.case_id = (SELECT id FROM case_record WHERE year = ? AND seq = ?)
                """, arguments: [number.year, number.sequence]).map(RoundRows.inspection)
        }
    }

    public func coverage(_ query: CoverageQuery) throws(GridError) -> Coverage {
        try query.validate()
        return try read { db in
            var round: InspectionRound?
            if let id = query.roundID {
                guard let found = try RoundRows.round(db, id: id) else { throw GridError.notFound(RoundRules.unknown(id)) }
                round = found
            }
            let sites = try CoverageSQL.sites(db, query, round: round)
            let checks = try CoverageSQL.checks(db, query)
            let themes = try Row.fetchAll(db, sql: "SELECT * FROM theme ORDER BY position").map(Decode.theme)
            let last = try db.cachedStatement(sql: CoverageSQL.lastSeen)
            return try CoverageTally.compute(sites: sites, themes: themes, checks: checks, siteLimit: query.siteLimit) { id in
                try Row.fetchOne(last, arguments: [id]).map { r in
                    let at: String = r[0]
                    return (try Decode.required(Timestamp(iso: at), at, "inspection.at"), r[1] as String)
                }
            }
        }
    }
}

/// The SQL behind coverage, kept apart so tests can read its query plans.
enum CoverageSQL {
    /// A round's inspections (`inspection_by_round`), optionally from an instant on.
    static let roundChecks = "SELECT community_id, theme_id, operator, result, at FROM inspection WHERE round_id = :round AND at >= :since"
    /// A period's inspections (`inspection_at`).
    static let periodChecks = "SELECT community_id, theme_id, operator, result, at FROM inspection WHERE at >= :since"
    /// A community's newest inspection (`inspection_community`).
    static let lastSeen = "SELECT at, operator FROM inspection WHERE community_id = ? ORDER BY at DESC LIMIT 1"
    /// A community's newest inspection of one kind (`inspection_kind`), decoded in full.
    static let lastOfKind = "SELECT \(RoundRows.inspectionColumns) FROM \(RoundRows.inspectionFrom) "
        + "WHERE i.kind = ? AND i.community_id = ? ORDER BY i.at DESC LIMIT 1"
    /// A community's newest inspection of any kind.
    static let lastAny = "SELECT \(RoundRows.inspectionColumns) FROM \(RoundRows.inspectionFrom) "
        + "WHERE i.community_id = ? ORDER BY i.at DESC LIMIT 1"

    /// The inspections counted: the round's (from `since` when given) or the period's.
    static func checks(_ db: Database, _ query: CoverageQuery) throws -> [CoverageCheck] {
        let since = query.sinceInstant?.description ?? ""
        let rows: [Row]
        if let round = query.roundID {
            rows = try Row.fetchAll(db, sql: roundChecks, arguments: ["round": round, "since": since])
        } else {
            rows = try Row.fetchAll(db, sql: periodChecks, arguments: ["since": since])
        }
        return try rows.map { r in
            let at: String = r[4]
            return CoverageCheck(cell: CellKey(communityID: r[0], themeID: r[1]), by: r[2],
                                 result: try Decode.coded(InspectionResult.self, r[3], "inspection.result"),
                                 at: try Decode.required(Timestamp(iso: at), at, "inspection.at"))
        }
    }

    /// The live communities of the query's scope (narrowed to the round's), in board order, with the themes of their cells in scope.
    static func sites(_ db: Database, _ query: CoverageQuery, round: InspectionRound?) throws -> [CoverageSite] {
        let scope = CommunityWhere(query.scope, filter: .none, today: query.today)
        var conditions = [scope.sql]
        if let s = round?.scope {
            if s.declaredSitesOnly { conditions.append("c.declared_site IS NOT NULL") }
            if !s.streetIDs.isEmpty || !s.communityIDs.isEmpty {
                conditions.append("(c.street_id IN (\(list(s.streetIDs))) OR c.id IN (\(list(s.communityIDs))))")
            }
            if !s.themeIDs.isEmpty { conditions.append("x.theme_id IN (\(list(s.themeIDs)))") }
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.id, c.name, c.declared_site, s.name, x.theme_id
            FROM community c JOIN street s ON s.id = c.street_id JOIN cell x ON x.community_id = c.id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(BoardOrder.ascending), x.theme_id
            """, arguments: scope.arguments)
        var sites: [CoverageSite] = []
        for r in rows {
            let id: Int64 = r[0]
            if sites.last?.communityID != id {
                sites.append(CoverageSite(communityID: id, name: r[1], streetName: r[3], declaredSite: r[2], themeIDs: []))
            }
            sites[sites.count - 1].themeIDs.append(r[4])
        }
        return sites
    }

    /// Ids as an SQL list (integers only, so nothing can be injected); `NULL` when empty (matches nothing).
    static func list(_ ids: [RowID]) -> String { ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",") }
}
