import GridCore

/// The reads and writes of a change to many cells in a few statements: on a server every statement is a round trip,
/// so a bulk change of a thousand cells read and wrote one cell at a time spent most of its time waiting on the wire.
extension PostgresTransaction {
    /// Cells per statement: the keys' communities are bound one parameter each.
    static let batch = 1000

    func cells(_ keys: [CellKey]) throws -> [CellKey: CellState] {
        let wanted = Set(keys)
        var found: [CellKey: CellState] = [:]
        let rows = try s.chunked(communities(of: keys), size: Self.batch) { "SELECT \(PGDecode.cellColumns) FROM cell WHERE community_id IN (\($0))" }
        for r in rows {
            let cell = try decoded { try PGDecode.cell(r) }
            let key = CellKey(communityID: cell.communityID, themeID: cell.themeID)
            if wanted.contains(key) { found[key] = cell }
        }
        return found
    }

    func cases(at keys: [CellKey]) throws -> [CellKey: [CaseRecord]] {
        let wanted = Set(keys)
        var found: [CellKey: [CaseRecord]] = [:]
        let ids = communities(of: keys)
        for start in stride(from: 0, to: ids.count, by: Self.batch) {
            let chunk = Array(ids[start..<min(ids.count, start + Self.batch)])
            // Ordered as `cases(at:)` orders one cell's cases.
            for (_, c) in try PGCaseRows.all(s, where: "community_id IN (\(PGSQL.marks(chunk.count))) ORDER BY year, seq", chunk) {
                let key = CellKey(communityID: c.communityID, themeID: c.themeID)
                if wanted.contains(key) { found[key, default: []].append(c) }
            }
        }
        return found
    }

    /// The row ids of cases by number, in one statement per thousand.
    func caseIDs(_ numbers: [CaseNumber]) throws(GridError) -> [CaseNumber: Int64] {
        let distinct = Array(Set(numbers))
        var ids: [CaseNumber: Int64] = [:]
        for start in stride(from: 0, to: distinct.count, by: Self.batch) {
            let chunk = distinct[start..<min(distinct.count, start + Self.batch)]
            let pairs = Array(repeating: "(?::bigint, ?::bigint)", count: chunk.count).joined(separator: ",")
            for r in try s.query("SELECT id, year, seq FROM case_record WHERE (year, seq) IN (\(pairs))",
                                 chunk.flatMap { [$0.year, $0.sequence] as [any SQLBindable] }) {
                ids[CaseNumber(year: Int(r.int("year")), sequence: Int(r.int("seq")))] = r.int("id")
            }
        }
        return ids
    }

    /// Writes cells' new states: one `UPDATE … FROM (VALUES …)` per few hundred cells.
    func updateCells(_ cells: [CellState], at now: Timestamp) throws(GridError) {
        let perStatement = 500
        for start in stride(from: 0, to: cells.count, by: perStatement) {
            let chunk = cells[start..<min(cells.count, start + perStatement)]
            let tuples = Array(repeating: "(?::text, ?::text, ?::text, ?::text, ?::text, ?::bigint, ?::bigint)", count: chunk.count)
            try s.query("""
                UPDATE cell AS c SET status = v.status, due_on = v.due_on, note = v.note, changed_at = v.changed_at, changed_by = v.changed_by
                FROM (VALUES \(tuples.joined(separator: ","))) AS v(status, due_on, note, changed_at, changed_by, community_id, theme_id)
                WHERE c.community_id = v.community_id AND c.theme_id = v.theme_id
                """, chunk.flatMap { cell -> [any SQLBindable] in
                    [cell.status.rawValue, cell.dueOn?.description, cell.note, (cell.changedAt ?? now).description, cell.changedBy,
                     cell.communityID, cell.themeID]
                })
        }
    }

    /// The distinct communities of `keys`, in first-seen order.
    private func communities(of keys: [CellKey]) -> [Int64] {
        var seen: Set<Int64> = []
        return keys.compactMap { seen.insert($0.communityID).inserted ? $0.communityID : nil }
    }
}
