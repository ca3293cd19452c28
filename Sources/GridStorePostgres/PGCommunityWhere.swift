import GridCore

/// A `WHERE` clause on `community c` alone selecting a scope's communities that pass a filter, with its positional
/// arguments (in the order of its `?`s). The same clause as the SQLite store's `CommunityWhere`: retired communities
/// are left out, windows are read in board order (`PGBoardOrder`) and sought from an anchor row by a row-value
/// comparison on that order, which the `community_board` index (pg2) answers without sorting.
struct PGCommunityWhere {
    var sql: String
    var args: [any SQLBindable]

    init(_ scope: CommunityScope, filter: CommunityFilter, today: Day) {
        let day = today.description
        var parts: [String]
        args = []
        switch scope {
        case .all:
            parts = []
        case .office(let id):
            // An office's streets hold consecutive ranks (offices come first in the street order): a range of the index.
            parts = ["c.street_rank BETWEEN (SELECT min(rank) FROM street WHERE office_id = ?) AND (SELECT max(rank) FROM street WHERE office_id = ?)"]
            args = [id, id]
        case .street(let id):
            parts = ["c.street_rank = (SELECT rank FROM street WHERE id = ?)"]
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
        // Retired communities (已撤销) are off the board, the browser and roll-ups; the partial index covers the rest.
        parts.append("c.retired_on IS NULL")
        if !filter.statuses.isEmpty {
            // The maintained tally answers "has a cell in these statuses" without touching the cells.
            let ors = CellStatus.allCases.filter { filter.statuses.contains($0) }.map { "\($0.rawValue) > 0" }
            parts.append("c.id IN (SELECT community_id FROM tally WHERE " + ors.joined(separator: " OR ") + ")")
        }
        if filter.overdueOnly {
            // One entry per overdue community on the tally's index (pg8), not every overdue cell.
            parts.append("c.id IN (SELECT community_id FROM tally WHERE open_due < ?)")
            args.append(day)
        }
        if filter.sitesOnly { parts.append("c.declared_site IS NOT NULL") }
        if let r = filter.siteNumbers { parts.append("c.declared_site BETWEEN \(r.lowerBound) AND \(r.upperBound)") }
        siteOrder = filter.bySiteNumber
        countsFromTally = filter == CommunityFilter(overdueOnly: true) && scope == .all
        sql = parts.joined(separator: " AND ")
        self.today = day
    }

    /// Only overdue, over the whole board: counted on the tally's index alone (no community row is read). Every
    /// community has exactly one tally row, so that is the filter's count less the few retired (`community_retired`).
    let countsFromTally: Bool
    /// The day the clause was built for.
    let today: String

    /// Rows in site-number order (◆): declared sites only, a few hundred at most, so windows are read by offset.
    var siteOrder = false
    var ascending: String { siteOrder ? "c.declared_site, c.id" : PGBoardOrder.ascending }
    var descending: String { siteOrder ? "c.declared_site DESC, c.id DESC" : PGBoardOrder.descending }

    func count(_ s: PGSession) throws(GridError) -> Int {
        if countsFromTally {
            let tallyCount = """
                SELECT count(*) FROM tally WHERE open_due < ?
                    AND community_id NOT IN (SELECT id FROM community WHERE retired_on IS NOT NULL)
                """
            return Int(try s.int(tallyCount, [today]) ?? 0)
        }
        return Int(try s.int("SELECT count(*) FROM community c WHERE \(sql)", args) ?? 0)
    }

    /// The ids of rows `offset ..< offset + limit` in board order. With an anchor near the window the index is entered
    /// at the anchor; else a window in the far half is read backwards from the end.
    func windowIDs(_ s: PGSession, offset: Int, limit: Int, total knownTotal: Int? = nil, anchor: WindowAnchor? = nil) throws(GridError) -> [Int64] {
        if let anchor, !siteOrder, abs(offset - anchor.index) < 5_000 {
            return try seek(s, from: anchor, offset: offset, limit: limit)
        }
        let forward = "SELECT c.id FROM community c WHERE \(sql) ORDER BY \(ascending) LIMIT ? OFFSET ?"
        guard offset > 2_000 else { return try ids(s, forward, args + [limit, offset]) }
        var known = knownTotal
        if known == nil { known = try count(s) }
        let total = known ?? 0
        guard offset > total / 2 else { return try ids(s, forward, args + [limit, offset]) }
        let end = min(offset + limit, total)
        guard end > offset else { return [] }
        let backward = "SELECT c.id FROM community c WHERE \(sql) ORDER BY \(descending) LIMIT ? OFFSET ?"
        return try ids(s, backward, args + [end - offset, total - end]).reversed()
    }

    /// Keyset paging: rows after (or before) the anchor's board-order key, skipping only the gap.
    func seek(_ s: PGSession, from anchor: WindowAnchor, offset: Int, limit: Int) throws(GridError) -> [Int64] {
        let key = PGBoardOrder.arguments(anchor.key)
        let after = "\(PGBoardOrder.key) > \(PGBoardOrder.marks)", before = "\(PGBoardOrder.key) < \(PGBoardOrder.marks)"
        if offset > anchor.index {
            return try ids(s, "SELECT c.id FROM community c WHERE \(sql) AND \(after) ORDER BY \(PGBoardOrder.ascending) LIMIT ? OFFSET ?",
                           args + key + [limit, offset - anchor.index - 1])
        }
        // The window starts at or before the anchor: read backwards from it, then turn the rows around.
        let end = offset + limit
        let earlier = try ids(s, "SELECT c.id FROM community c WHERE \(sql) AND \(before) ORDER BY \(PGBoardOrder.descending) LIMIT ? OFFSET ?",
                              args + key + [min(limit, anchor.index - offset), max(0, anchor.index - end)])
        guard end > anchor.index else { return earlier.reversed() }
        let from = try ids(s, "SELECT c.id FROM community c WHERE \(sql) AND \(PGBoardOrder.key) >= \(PGBoardOrder.marks) "
                           + "ORDER BY \(PGBoardOrder.ascending) LIMIT ?", args + key + [end - anchor.index])
        return earlier.reversed() + from
    }

    private func ids(_ s: PGSession, _ query: String, _ args: [any SQLBindable]) throws(GridError) -> [Int64] {
        try s.query(query, args).compactMap { $0[0].int }
    }
}

/// Board order in SQL over `community c`, as the SQLite store's `BoardOrder`: the street's rank, the office order (none
/// last), the pinyin key, the name and the id — the columns of the `community_board` index (pg2).
enum PGBoardOrder {
    static let ascending = "c.street_rank, c.order_key, c.pinyin_key, c.name, c.id"
    static let descending = "c.street_rank DESC, c.order_key DESC, c.pinyin_key DESC, c.name DESC, c.id DESC"
    /// The key as a row value, and its bound counterpart (typed, so the comparison uses the index's types and collation).
    static let key = "(c.street_rank, c.order_key, c.pinyin_key, c.name, c.id)"
    static let marks = #"(?::bigint, ?::bigint, ?::text COLLATE "C", ?::text COLLATE "C", ?::bigint)"#
    /// The columns `PGDecode.boardKey` reads.
    static let columns = "c.street_rank, c.order_key, c.pinyin_key, c.name, c.id"

    static func arguments(_ k: BoardOrderKey) -> [any SQLBindable] { [k.streetRank, k.order, k.pinyin, k.name, k.id] }
}
