import Foundation
import GRDB
import GridCore

extension SQLiteStore {
    public func openCaseRows() throws(GridError) -> [CaseQueueEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, c.name AS q_community, s.name AS q_street, th.name_zh AS q_theme, u.name AS q_unit
                FROM case_record r
                LEFT JOIN community c ON c.id = r.community_id
                LEFT JOIN street s ON s.id = c.street_id
                LEFT JOIN theme th ON th.id = r.theme_id
                LEFT JOIN unit u ON u.id = r.handling_unit_id
                WHERE r.state NOT IN ('closed','fixed_on_site','void')
                ORDER BY r.due_on IS NULL, r.due_on, r.year, r.seq
                """).map(CaseQueueSQL.entry)
        }
    }
}

enum CaseQueueSQL {
    /// A `case_record` row (its own column names) with the joined `q_` names.
    static func entry(_ r: Row) throws -> CaseQueueEntry {
        let c = try CaseRows.decode(r)
        return CaseQueueEntry(record: c, communityName: r["q_community"] ?? "#\(c.communityID)", streetName: r["q_street"] ?? "",
                              themeName: r["q_theme"] ?? "", unitName: r["q_unit"] ?? c.chain.unitName)
    }
}
