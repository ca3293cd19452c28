import GRDB
import GridCore

/// The assessment simulator's reads: three set-based statements for the board (sites, the cells in the findable
/// statuses, the open cases with their "repeated" flag) and one for the notices naming a year's cases. No statement
/// runs per row, whatever the number of sites.
extension SQLiteStore {
    public func assessmentBoard(in scope: CommunityScope, statuses: Set<CellStatus>, repeatSince: Day) throws(GridError) -> AssessmentBoard {
        let filter = CommunityWhere(scope, filter: .none, today: repeatSince)
        let wanted = CellStatus.allCases.filter { statuses.contains($0) }.map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try read { db in
            var sites: [AssessmentSite] = []
            let siteRows = try Row.fetchCursor(db, sql: "SELECT c.id, c.kind, c.declared_site IS NOT NULL FROM community c WHERE \(filter.sql)",
                                               arguments: filter.arguments)
            while let r = try siteRows.next() {
                sites.append(AssessmentSite(id: r[0], kind: try Decode.coded(CommunityKind.self, r[1], "community.kind"), declared: r[2]))
            }
            var cells: [AssessmentCell] = []
            if !wanted.isEmpty {
                let cellRows = try Row.fetchCursor(db, sql: """
                    SELECT x.community_id, x.theme_id, x.status, x.due_on FROM cell x JOIN community c ON c.id = x.community_id
                    WHERE x.status IN (\(wanted)) AND \(filter.sql)
                    """, arguments: filter.arguments)
                while let r = try cellRows.next() {
                    cells.append(AssessmentCell(communityID: r[0], themeID: r[1], status: try Decode.coded(CellStatus.self, r[2], "cell.status"),
                                                dueOn: try Decode.day(r[3], "cell.due_on")))
                }
            }
            // Repeated: a notice named the case, or the same cell had a case closed (结案/现场整改) found since :since.
            var cases: [AssessmentOpenCase] = []
            let caseRows = try Row.fetchCursor(db, sql: """
                SELECT r.year, r.seq, r.community_id, r.theme_id, r.state, r.due_on,
                       EXISTS (SELECT 1 FROM notice_case n WHERE n.case_id = r.id)
                       OR EXISTS (SELECT 1 FROM case_record p WHERE p.community_id = r.community_id AND p.theme_id = r.theme_id
                                  AND p.id <> r.id AND p.state IN ('closed','fixed_on_site') AND p.found_at >= :since)
                FROM case_record r JOIN community c ON c.id = r.community_id
                WHERE r.state NOT IN ('closed','fixed_on_site','void') AND \(filter.sql)
                """, arguments: filter.arguments + ["since": repeatSince.description])
            while let r = try caseRows.next() {
                cases.append(AssessmentOpenCase(number: CaseNumber(year: r[0], sequence: r[1]), communityID: r[2], themeID: r[3],
                                                state: try Decode.coded(CaseState.self, r[4], "case_record.state"),
                                                dueOn: try Decode.day(r[5], "case_record.due_on"), repeated: r[6]))
            }
            return AssessmentBoard(sites: sites, cells: cells, openCases: cases)
        }
    }

    public func noticesNaming(casesFoundFrom first: Day, to last: Day, utcOffsetSeconds: Int) throws(GridError) -> [CaseNumber: [String]] {
        let start = Timestamp.localMidnight(of: first, offsetSeconds: utcOffsetSeconds)
        let end = Timestamp.localMidnight(of: last.adding(days: 1), offsetSeconds: utcOffsetSeconds)
        return try read { db in
            var result: [CaseNumber: [String]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT r.year, r.seq, n.year, n.issue FROM notice_case nc
                JOIN case_record r ON r.id = nc.case_id JOIN notice n ON n.id = nc.notice_id
                WHERE r.found_at >= :first AND r.found_at < :after ORDER BY n.year, n.issue
                """, arguments: ["first": start.description, "after": end.description])
            while let r = try rows.next() {
                result[CaseNumber(year: r[0], sequence: r[1]), default: []].append("\(r[2] as Int)·第\(r[3] as Int)期")
            }
            return result
        }
    }
}
