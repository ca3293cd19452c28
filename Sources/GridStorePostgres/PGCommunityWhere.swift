import GridCore

/// A `WHERE` clause on `community c` alone selecting a scope's communities that pass a filter, with its positional
/// arguments (in the order of its `?`s). The same clause as the SQLite store's `CommunityWhere`; windows are read in
/// board order (street, then name) and sought from an anchor row by a row-value comparison on that order.
struct PGCommunityWhere {
    var sql: String
    var args: [any SQLBindable]

    init(_ scope: CommunityScope, filter: CommunityFilter, today: Day) {
        let day = today.description
        var parts: [String]
        args = []
        switch scope {
        case .all:
            parts = ["TRUE"]
        case .office(let id):
            parts = ["c.street_id IN (SELECT id FROM street WHERE office_id = ?)"]
            args = [id]
        case .street(let id):
            parts = ["c.street_id = ?"]
            args = [id]
        case .community(let id):
            parts = ["c.id = ?"]
            args = [id]
        case .unit(let id):
            parts = ["c.id IN (SELECT a.community_id FROM assignment a WHERE a.unit_id = ? AND \(PGSQL.inForce))"]
            args = [id, day, day]
        case .property(let id):
            parts = ["c.id IN (SELECT a.community_id FROM assignment a WHERE a.property_id = ? AND \(PGSQL.inForce))"]
            args = [id, day, day]
        }
        if !filter.statuses.isEmpty {
            // The maintained tally answers "has a cell in these statuses" without touching the cells.
            let ors = CellStatus.allCases.filter { filter.statuses.contains($0) }.map { "\($0.rawValue) > 0" }
            parts.append("c.id IN (SELECT community_id FROM tally WHERE " + ors.joined(separator: " OR ") + ")")
        }
        if filter.overdueOnly {
            parts.append("c.id IN (SELECT community_id FROM cell WHERE due_on < ? AND status IN (\(PGSQL.overdueStatuses)))")
            args.append(day)
        }
        if filter.declaredOnly { parts.append("c.declared_site IS NOT NULL") }
        sql = parts.joined(separator: " AND ")
    }

    func count(_ s: PGSession) throws(GridError) -> Int {
        Int(try s.int("SELECT count(*) FROM community c WHERE \(sql)", args) ?? 0)
    }

    /// The ids of rows `offset ..< offset + limit` in board order. With an anchor near the window the index is entered
    /// at the anchor; else a window in the far half is read backwards from the end.
    func windowIDs(_ s: PGSession, offset: Int, limit: Int, total knownTotal: Int? = nil, anchor: WindowAnchor? = nil) throws(GridError) -> [Int64] {
        if let anchor, abs(offset - anchor.index) < 5_000 {
            return try seek(s, from: anchor, offset: offset, limit: limit)
        }
        let forward = "SELECT c.id FROM community c WHERE \(sql) ORDER BY c.street_id, c.name LIMIT ? OFFSET ?"
        guard offset > 2_000 else { return try ids(s, forward, args + [limit, offset]) }
        var known = knownTotal
        if known == nil { known = try count(s) }
        let total = known ?? 0
        guard offset > total / 2 else { return try ids(s, forward, args + [limit, offset]) }
        let end = min(offset + limit, total)
        guard end > offset else { return [] }
        let backward = "SELECT c.id FROM community c WHERE \(sql) ORDER BY c.street_id DESC, c.name DESC LIMIT ? OFFSET ?"
        return try ids(s, backward, args + [end - offset, total - end]).reversed()
    }

    /// Keyset paging: rows after (or before) the anchor's (street_id, name), skipping only the gap.
    func seek(_ s: PGSession, from anchor: WindowAnchor, offset: Int, limit: Int) throws(GridError) -> [Int64] {
        let key: [any SQLBindable] = [anchor.streetID, anchor.name]
        if offset > anchor.index {
            return try ids(s, """
                SELECT c.id FROM community c WHERE \(sql) AND (c.street_id, c.name) > (?, ?)
                ORDER BY c.street_id, c.name LIMIT ? OFFSET ?
                """, args + key + [limit, offset - anchor.index - 1])
        }
        let end = offset + limit
        let before = try ids(s, """
            SELECT c.id FROM community c WHERE \(sql) AND (c.street_id, c.name) < (?, ?)
            ORDER BY c.street_id DESC, c.name DESC LIMIT ? OFFSET ?
            """, args + key + [min(limit, anchor.index - offset), max(0, anchor.index - end)])
        guard end > anchor.index else { return before.reversed() }
        let from = try ids(s, """
            SELECT c.id FROM community c WHERE \(sql) AND (c.street_id, c.name) >= (?, ?)
            ORDER BY c.street_id, c.name LIMIT ?
            """, args + key + [end - anchor.index])
        return before.reversed() + from
    }

    private func ids(_ s: PGSession, _ query: String, _ args: [any SQLBindable]) throws(GridError) -> [Int64] {
        try s.query(query, args).compactMap { $0[0].int }
    }
}
