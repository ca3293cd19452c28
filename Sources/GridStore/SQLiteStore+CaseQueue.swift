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

extension SQLiteStore {
    public func caseQueueKeys(_ query: CaseQueueQuery, today: Day) throws(GridError) -> [CaseQueueKey] {
        let w = CaseQueueWhere(query, today: today)
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.year, r.seq, r.community_id, r.theme_id FROM case_record r \(CaseQueueWhere.indexed)
                WHERE \(w.sql) ORDER BY \(CaseQueueWhere.order)
                """, arguments: w.arguments).map { r in
                CaseQueueKey(number: CaseNumber(year: r[0], sequence: r[1]), cell: CellKey(communityID: r[2], themeID: r[3]))
            }
        }
    }

    public func caseQueueEntries(_ numbers: [CaseNumber]) throws(GridError) -> [CaseQueueEntry] {
        guard !numbers.isEmpty else { return [] }
        // A window is a few screens of rows: one statement with the numbers as a JSON list, names joined in.
        let list = "[" + numbers.map { "[\($0.year),\($0.sequence)]" }.joined(separator: ",") + "]"
        let found = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, c.name AS q_community, s.name AS q_street, th.name_zh AS q_theme, u.name AS q_unit
                FROM json_each(:list) j
                JOIN case_record r ON r.year = json_extract(j.value, '$[0]') AND r.seq = json_extract(j.value, '$[1]')
                LEFT JOIN community c ON c.id = r.community_id
                LEFT JOIN street s ON s.id = c.street_id
                LEFT JOIN theme th ON th.id = r.theme_id
                LEFT JOIN unit u ON u.id = r.handling_unit_id
                """, arguments: ["list": list]).map(CaseQueueSQL.entry)
        }
        let byNumber = Dictionary(found.map { ($0.record.number, $0) }, uniquingKeysWith: { a, _ in a })
        return numbers.compactMap { byNumber[$0] }
    }
}
