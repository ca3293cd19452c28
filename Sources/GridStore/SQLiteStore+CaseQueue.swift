import Foundation
import GRDB
import GridCore

extension SQLiteStore {
    public func caseQueueCount(_ query: CaseQueueQuery, today: Day) throws(GridError) -> Int {
        let w = CaseQueueWhere(query, today: today)
        return try read { db in try w.count(db) }
    }

    public func caseQueueWindow(_ query: CaseQueueQuery, today: Day, offset: Int, limit: Int, total: Int?,
                                anchor: CaseQueueAnchor?) throws(GridError) -> [CaseQueueEntry] {
        let w = CaseQueueWhere(query, today: today)
        return try read { db in try w.window(db, offset: max(0, offset), limit: max(0, limit), total: total, anchor: anchor) }
    }

    public func caseQueuePosition(of number: CaseNumber, _ query: CaseQueueQuery, today: Day) throws(GridError) -> Int? {
        let w = CaseQueueWhere(query, today: today)
        return try read { db in
            let me: StatementArguments = ["a_year": number.year, "a_seq": number.sequence]
            guard let key = try String.fetchOne(db, sql: """
                SELECT \(CaseQueueWhere.key) FROM case_record r WHERE \(w.sql) AND r.year = :a_year AND r.seq = :a_seq
                """, arguments: w.arguments + me) else { return nil }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM case_record r \(CaseQueueWhere.indexed) WHERE \(w.sql)\(CaseQueueWhere.beyond("<"))",
                                    arguments: w.arguments + me + ["a_due": key])
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
