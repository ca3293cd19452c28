import GridCore

/// `RoundReading` on PostgreSQL: rounds, inspections and coverage, as the SQLite store answers them (same order, same
/// refusals), each inspection query entering one of pg4's indexes.
extension PostgresStore: RoundReading {
    public func rounds(_ query: RoundQuery) throws(GridError) -> [InspectionRound] {
        var conditions: [String] = []
        var args: [any SQLBindable] = []
        if !query.states.isEmpty {
            conditions.append("state IN (" + query.states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",") + ")")
        }
        if let kind = query.kind {
            conditions.append("kind = ?")
            args.append(kind.rawValue)
        }
        let whereSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { s throws(GridError) in
            try s.query("SELECT * FROM inspection_round \(whereSQL) ORDER BY id DESC LIMIT ?", args + [max(0, query.limit)])
                .map { r throws(GridError) in try PGRoundRows.round(s, r) }
        }
    }

    public func round(id: RoundID) throws(GridError) -> InspectionRound? {
        try read { s throws(GridError) in try PGRoundRows.round(s, id: id) }
    }

    public func inspections(_ query: InspectionQuery) throws(GridError) -> [InspectionRecord] {
        var conditions: [String] = []
        var args: [any SQLBindable] = []
        if let r = query.roundID {
            conditions.append("i.round_id = ?")
            args.append(r)
        }
        if let c = query.communityID {
            conditions.append("i.community_id = ?")
            args.append(c)
        }
        if let since = query.since {
            conditions.append("i.at >= ?")
            args.append(since.description)
        }
        let whereSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { s throws(GridError) in
            try s.query("""
                SELECT \(PGRoundRows.inspectionColumns) FROM \(PGRoundRows.inspectionFrom) \(whereSQL) ORDER BY i.at DESC, i.id DESC LIMIT ?
                """, args + [max(0, query.limit)]).map { r throws(GridError) in try PGRoundRows.inspection(r) }
        }
    }

    public func lastInspections(kind: RoundKind?, communityIDs: [RowID]) throws(GridError) -> [RowID: InspectionRecord] {
        try read { s throws(GridError) in
            // One index seek per community (`inspection_kind`, or `inspection_community` for any kind): the newest row.
            let sql = kind == nil ? PGCoverageSQL.lastAny : PGCoverageSQL.lastOfKind
            var out: [RowID: InspectionRecord] = [:]
            for id in communityIDs {
                let args: [any SQLBindable] = kind.map { [$0.rawValue, id] } ?? [id]
                if let row = try s.query(sql, args).first { out[id] = try PGRoundRows.inspection(row) }
            }
            return out
        }
    }

    public func inspection(recording number: CaseNumber) throws(GridError) -> InspectionRecord? {
        try read { s throws(GridError) in
            guard let r = try s.query("""
                SELECT \(PGRoundRows.inspectionColumns) FROM \(PGRoundRows.inspectionFrom)
                WHERE i.case_id = (SELECT id FROM case_record WHERE year = ? AND seq = ?)
                """, [number.year, number.sequence]).first else { return nil }
            return try PGRoundRows.inspection(r)
        }
    }

    public func coverage(_ query: CoverageQuery) throws(GridError) -> Coverage {
        try query.validate()
        return try read { s throws(GridError) in
            var round: InspectionRound?
            if let id = query.roundID {
                guard let found = try PGRoundRows.round(s, id: id) else { throw GridError.notFound(RoundRules.unknown(id)) }
                round = found
            }
            let sites = try PGCoverageSQL.sites(s, query, round: round)
            let checks = try PGCoverageSQL.checks(s, query)
            let themes = try s.query("SELECT * FROM theme ORDER BY position").map { r throws(GridError) in try decoded { try PGDecode.theme(r) } }
            return try decoded {
                try CoverageTally.compute(sites: sites, themes: themes, checks: checks, siteLimit: query.siteLimit) { id in
                    guard let r = try s.query(PGCoverageSQL.lastSeen, [id]).first else { return nil }
                    let at = r.text("at")
                    return (try PGDecode.required(Timestamp(iso: at), at, "inspection.at"), r.text("operator"))
                }
            }
        }
    }
}

/// The SQL behind coverage on PostgreSQL (as the SQLite store's `CoverageSQL`).
enum PGCoverageSQL {
    /// A round's inspections (`inspection_by_round`), optionally from an instant on.
    static let roundChecks = "SELECT community_id, theme_id, operator, result, at FROM inspection WHERE round_id = ? AND at >= ?"
    /// A period's inspections (`inspection_at`).
    static let periodChecks = "SELECT community_id, theme_id, operator, result, at FROM inspection WHERE at >= ?"
    /// A community's newest inspection (`inspection_community`).
    static let lastSeen = "SELECT at, operator FROM inspection WHERE community_id = ? ORDER BY at DESC LIMIT 1"
    /// A community's newest inspection of one kind (`inspection_kind`), decoded in full.
    static let lastOfKind = "SELECT \(PGRoundRows.inspectionColumns) FROM \(PGRoundRows.inspectionFrom) "
        + "WHERE i.kind = ? AND i.community_id = ? ORDER BY i.at DESC LIMIT 1"
    /// A community's newest inspection of any kind.
    static let lastAny = "SELECT \(PGRoundRows.inspectionColumns) FROM \(PGRoundRows.inspectionFrom) "
        + "WHERE i.community_id = ? ORDER BY i.at DESC LIMIT 1"

    /// The inspections counted: the round's (from `since` when given) or the period's.
    static func checks(_ s: PGSession, _ query: CoverageQuery) throws(GridError) -> [CoverageCheck] {
        let since = query.sinceInstant?.description ?? ""
        let rows = if let round = query.roundID {
            try s.query(roundChecks, [round, since])
        } else {
            try s.query(periodChecks, [since])
        }
        return try rows.map { r throws(GridError) in
            try decoded {
                let at = r.text("at")
                return CoverageCheck(cell: CellKey(communityID: r.int("community_id"), themeID: r.int("theme_id")), by: r.text("operator"),
                                     result: try PGDecode.coded(InspectionResult.self, r["result"].text, "inspection.result"),
                                     at: try PGDecode.required(Timestamp(iso: at), at, "inspection.at"))
            }
        }
    }

    /// The live communities of the query's scope (narrowed to the round's), in board order, with the themes of their cells in scope.
    static func sites(_ s: PGSession, _ query: CoverageQuery, round: InspectionRound?) throws(GridError) -> [CoverageSite] {
        let scope = PGCommunityWhere(query.scope, filter: .none, today: query.today)
        var conditions = [scope.sql]
        if query.declaredSitesOnly { conditions.append("c.declared_site IS NOT NULL") }
        if let r = round?.scope {
            if r.declaredSitesOnly { conditions.append("c.declared_site IS NOT NULL") }
            if !r.streetIDs.isEmpty || !r.communityIDs.isEmpty {
                conditions.append("(c.street_id IN (\(list(r.streetIDs))) OR c.id IN (\(list(r.communityIDs))))")
            }
            if !r.themeIDs.isEmpty { conditions.append("x.theme_id IN (\(list(r.themeIDs)))") }
        }
        let rows = try s.query("""
            SELECT c.id, c.name, c.declared_site, s.name AS street_name, x.theme_id
            FROM community c JOIN street s ON s.id = c.street_id JOIN cell x ON x.community_id = c.id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(PGBoardOrder.ascending), x.theme_id
            """, scope.args)
        var sites: [CoverageSite] = []
        for r in rows {
            let id = r.int("id")
            if sites.last?.communityID != id {
                sites.append(CoverageSite(communityID: id, name: r.text("name"), streetName: r.text("street_name"),
                                          declaredSite: r["declared_site"].int.map { Int($0) }, themeIDs: []))
            }
            sites[sites.count - 1].themeIDs.append(r.int("theme_id"))
        }
        return sites
    }

    /// Ids as an SQL list (integers only, so nothing can be injected); `NULL` when empty (matches nothing).
    static func list(_ ids: [RowID]) -> String { ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",") }
}
