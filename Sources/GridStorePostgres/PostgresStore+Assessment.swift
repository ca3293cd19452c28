import GridCore

/// The assessment simulator's reads, as the SQLite store's: three set-based statements for the board (sites, the cells
/// in the findable statuses, the open cases with their "repeated" flag) and one for the notices naming a year's cases.
/// No statement runs per row, whatever the number of sites.
extension PostgresStore {
    public func assessmentBoard(in scope: CommunityScope, statuses: Set<CellStatus>, repeatSince: Day) throws(GridError) -> AssessmentBoard {
        let filter = PGCommunityWhere(scope, filter: .none, today: repeatSince)
        let wanted = CellStatus.allCases.filter { statuses.contains($0) }.map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try read { s throws(GridError) in
            let sites = try s.query("SELECT c.id, c.kind, (c.declared_site IS NOT NULL)::int AS declared FROM community c WHERE \(filter.sql)",
                                    filter.args).map { r throws(GridError) in
                AssessmentSite(id: r.int("id"), kind: try decoded { try PGDecode.coded(CommunityKind.self, r["kind"].text, "community.kind") },
                               declared: r.int("declared") != 0)
            }
            var cells: [AssessmentCell] = []
            if !wanted.isEmpty {
                cells = try s.query("""
                    SELECT x.community_id, x.theme_id, x.status, x.due_on FROM cell x JOIN community c ON c.id = x.community_id
                    WHERE x.status IN (\(wanted)) AND \(filter.sql)
                    """, filter.args).map { r throws(GridError) in
                    try decoded {
                        AssessmentCell(communityID: r.int("community_id"), themeID: r.int("theme_id"),
                                       status: try PGDecode.coded(CellStatus.self, r["status"].text, "cell.status"),
                                       dueOn: try PGDecode.day(r["due_on"].text, "cell.due_on"))
                    }
                }
            }
            // Repeated: a notice named the case, or the same cell had a case closed (结案/现场整改) found since `repeatSince`.
            let cases = try s.query("""
                SELECT r.year, r.seq, r.community_id, r.theme_id, r.state, r.due_on,
                       (EXISTS (SELECT 1 FROM notice_case n WHERE n.case_id = r.id)
                        OR EXISTS (SELECT 1 FROM case_record p WHERE p.community_id = r.community_id AND p.theme_id = r.theme_id
                                   AND p.id <> r.id AND p.state IN ('closed','fixed_on_site') AND p.found_at >= ?))::int AS repeated
                FROM case_record r JOIN community c ON c.id = r.community_id
                WHERE r.state NOT IN ('closed','fixed_on_site','void') AND \(filter.sql)
                """, [repeatSince.description] + filter.args).map { r throws(GridError) in
                try decoded {
                    AssessmentOpenCase(number: CaseNumber(year: Int(r.int("year")), sequence: Int(r.int("seq"))),
                                       communityID: r.int("community_id"), themeID: r.int("theme_id"),
                                       state: try PGDecode.coded(CaseState.self, r["state"].text, "case_record.state"),
                                       dueOn: try PGDecode.day(r["due_on"].text, "case_record.due_on"), repeated: r.int("repeated") != 0)
                }
            }
            return AssessmentBoard(sites: sites, cells: cells, openCases: cases)
        }
    }

    public func noticesNaming(casesFoundFrom first: Day, to last: Day, utcOffsetSeconds: Int) throws(GridError) -> [CaseNumber: [String]] {
        let start = Timestamp.localMidnight(of: first, offsetSeconds: utcOffsetSeconds)
        let end = Timestamp.localMidnight(of: last.adding(days: 1), offsetSeconds: utcOffsetSeconds)
        return try read { s throws(GridError) in
            var result: [CaseNumber: [String]] = [:]
            for r in try s.query("""
                SELECT r.year AS case_year, r.seq, n.year AS notice_year, n.issue FROM notice_case nc
                JOIN case_record r ON r.id = nc.case_id JOIN notice n ON n.id = nc.notice_id
                WHERE r.found_at >= ? AND r.found_at < ? ORDER BY n.year, n.issue
                """, [start.description, end.description]) {
                result[CaseNumber(year: Int(r.int("case_year")), sequence: Int(r.int("seq"))), default: []]
                    .append("\(r.int("notice_year"))·第\(r.int("issue"))期")
            }
            return result
        }
    }
}
