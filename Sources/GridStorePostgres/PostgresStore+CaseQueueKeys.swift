import GridCore

extension PostgresStore {
    public func caseQueueKeys(_ query: CaseQueueQuery, today: Day) throws(GridError) -> [CaseQueueKey] {
        let w = PGCaseQueueWhere(query, today: today)
        return try read { s throws(GridError) in
            try s.query("SELECT r.year, r.seq, r.community_id, r.theme_id FROM case_record r WHERE \(w.sql) ORDER BY \(PGCaseQueueWhere.order)",
                        w.args).map { r in
                CaseQueueKey(number: CaseNumber(year: Int(r.int("year")), sequence: Int(r.int("seq"))),
                             cell: CellKey(communityID: r.int("community_id"), themeID: r.int("theme_id")))
            }
        }
    }

    public func caseQueueEntries(_ numbers: [CaseNumber]) throws(GridError) -> [CaseQueueEntry] {
        guard !numbers.isEmpty else { return [] }
        // A window is a few screens of rows: one statement with the numbers as a VALUES list, names joined in.
        let list = Array(repeating: "(?::bigint, ?::bigint)", count: numbers.count).joined(separator: ",")
        let found = try read { s throws(GridError) in
            try s.query("""
                SELECT r.*, c.name AS q_community, s.name AS q_street, th.name_zh AS q_theme, u.name AS q_unit
                FROM (VALUES \(list)) v(year, seq)
                JOIN case_record r ON r.year = v.year AND r.seq = v.seq
                LEFT JOIN community c ON c.id = r.community_id
                LEFT JOIN street s ON s.id = c.street_id
                LEFT JOIN theme th ON th.id = r.theme_id
                LEFT JOIN unit u ON u.id = r.handling_unit_id
                """, numbers.flatMap { n -> [any SQLBindable] in [n.year, n.sequence] }).map { r throws(GridError) in
                try decoded {
                    let c = try PGCaseRows.decode(r)
                    return CaseQueueEntry(record: c, communityName: r["q_community"].text ?? "#\(c.communityID)", streetName: r.text("q_street"),
                                          themeName: r.text("q_theme"), unitName: r["q_unit"].text ?? c.chain.unitName)
                }
            }
        }
        let byNumber = Dictionary(found.map { ($0.record.number, $0) }, uniquingKeysWith: { a, _ in a })
        return numbers.compactMap { byNumber[$0] }
    }
}
