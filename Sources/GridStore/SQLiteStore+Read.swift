import GRDB
import GridCore

extension SQLiteStore {
    public func offices() throws(GridError) -> [Office] {
        try read { try Row.fetchAll($0, sql: "SELECT id, name, parent_id FROM office ORDER BY name").map(Decode.office) }
    }

    public func themes() throws(GridError) -> [CheckTheme] {
        try read { try Row.fetchAll($0, sql: "SELECT * FROM theme ORDER BY position, id").map(Decode.theme) }
    }

    public func community(id: RowID) throws(GridError) -> Community? {
        try read { try Row.fetchOne($0, sql: "SELECT * FROM community WHERE id = ?", arguments: [id]).map(Decode.community) }
    }

    public func unit(id: RowID) throws(GridError) -> ResponsibleUnit? {
        try read { try Row.fetchOne($0, sql: "SELECT * FROM unit WHERE id = ?", arguments: [id]).map { try Decode.unit($0) } }
    }

    public func property(id: RowID) throws(GridError) -> PropertyCompany? {
        try read { try Row.fetchOne($0, sql: "SELECT * FROM property WHERE id = ?", arguments: [id]).flatMap { try Decode.property($0) } }
    }

    public func cells(communityID: RowID) throws(GridError) -> [CellRow] {
        try read { db in
            let themes = try Row.fetchAll(db, sql: "SELECT * FROM theme").map(Decode.theme)
            let byID = Dictionary(uniqueKeysWithValues: themes.map { ($0.id, $0) })
            return try Row.fetchAll(db, sql: "SELECT * FROM cell WHERE community_id = ?", arguments: [communityID])
                .compactMap { row -> CellRow? in
                    let cell = try Decode.cell(row)
                    return byID[cell.themeID].map { CellRow(theme: $0, cell: cell) }
                }
                .sorted { ($0.theme.position, $0.theme.id) < ($1.theme.position, $1.theme.id) }
        }
    }

    public func chain(communityID: RowID, on day: Day) throws(GridError) -> [ChainLink] {
        try read { db in try fetchChain(db, where: "a.community_id = :c AND \(SQL.inForce)",
                                        arguments: ["c": communityID, "day": day.description]) }
    }

    public func chains(communityIDs: [RowID], on day: Day) throws(GridError) -> [RowID: [ChainLink]] {
        try read { db in
            var result: [RowID: [ChainLink]] = [:]
            for start in stride(from: 0, to: communityIDs.count, by: 500) {
                let chunk = Array(communityIDs[start..<min(communityIDs.count, start + 500)])
                let links = try fetchChain(db, where: "a.community_id IN (\(chunk.map(String.init).joined(separator: ","))) AND \(SQL.inForce)",
                                           arguments: ["day": day.description])
                for link in links { result[link.assignment.communityID, default: []].append(link) }
            }
            return result
        }
    }

    public func assignmentHistory(communityID: RowID) throws(GridError) -> [ChainLink] {
        try read { db in try fetchChain(db, where: "a.community_id = :c", arguments: ["c": communityID]) }
    }

    /// Assignments with their unit and property company, lead first, then by start date.
    func fetchChain(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [ChainLink] {
        let sql = """
            SELECT a.id AS a_id, a.community_id AS a_community_id, a.unit_id AS a_unit_id, a.role AS a_role,
                   a.property_id AS a_property_id, a.valid_from AS a_valid_from, a.valid_to AS a_valid_to,
                   u.id AS u_id, u.office_id AS u_office_id, u.name AS u_name, u.kind AS u_kind, u.head AS u_head,
                   u.head_phone AS u_head_phone, u.liaison AS u_liaison, u.liaison_phone AS u_liaison_phone, u.unit_kind AS u_unit_kind,
                   p.id AS p_id, p.office_id AS p_office_id, p.name AS p_name, p.manager AS p_manager,
                   p.manager_phone AS p_manager_phone
            FROM assignment a JOIN unit u ON u.id = a.unit_id LEFT JOIN property p ON p.id = a.property_id
            WHERE \(condition)
            ORDER BY a.role = 'support', a.valid_from, a.id
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { r in
            try ChainLink(assignment: Decode.assignment(r, prefix: "a_"), unit: Decode.unit(r, prefix: "u_"),
                          property: Decode.property(r, prefix: "p_"))
        }
    }

    public func communityCount(in scope: CommunityScope, filter: CommunityFilter, today: Day) throws(GridError) -> Int {
        let w = CommunityWhere(scope, filter: filter, today: today)
        return try read { db in try w.count(db) }
    }

    public func communities(in scope: CommunityScope, filter: CommunityFilter, offset: Int, limit: Int,
                            today: Day) throws(GridError) -> [CommunityRow] {
        try communities(in: scope, filter: filter, offset: offset, limit: limit, today: today, total: nil, anchor: nil)
    }

    public func communities(in scope: CommunityScope, filter: CommunityFilter, offset: Int, limit: Int, today: Day,
                            total: Int?, anchor: WindowAnchor?) throws(GridError) -> [CommunityRow] {
        let w = CommunityWhere(scope, filter: filter, today: today)
        return try read { db in
            let ids = try w.windowIDs(db, offset: max(0, offset), limit: max(0, limit), total: total, anchor: anchor)
            return try rows(db, ids: ids, today: today)
        }
    }

    /// Communities with street name and roll-up, in the order of `ids`.
    func rows(_ db: Database, ids: [Int64], today: Day) throws -> [CommunityRow] {
        guard !ids.isEmpty else { return [] }
        var byID: [Int64: CommunityRow] = [:]
        // A community has an overdue cell exactly when its earliest open due day (`tally.open_due`, v14) is before
        // today: only those are counted, so a window without one reads no cells here.
        var late: [Int64] = []
        let dueColumn = Decode.communityRowColumnCount
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            for r in try Row.fetchAll(db, sql: """
                SELECT \(Decode.communityRowColumns), t.open_due
                FROM community c JOIN street s ON s.id = c.street_id JOIN tally t ON t.community_id = c.id
                WHERE c.id IN (\(databaseQuestionMarks(count: chunk.count)))
                """, arguments: StatementArguments(chunk)) {
                let row = try Decode.communityRowByIndex(r)
                if let due = try Decode.day(r[dueColumn], "tally.open_due"), due < today { late.append(row.community.id) }
                byID[row.community.id] = row
            }
        }
        for (id, n) in try overdueCounts(db, communityIDs: late, today: today) { byID[id]?.counts.overdue = n }
        return ids.compactMap { byID[$0] }
    }

    public func position(of communityID: RowID, in scope: CommunityScope, filter: CommunityFilter,
                         today: Day) throws(GridError) -> Int? {
        let unresolved = CommunityWhere(scope, filter: filter, today: today)
        return try read { db in
            let w = try unresolved.resolved(db)
            if w.siteOrder {
                guard let me = try Row.fetchOne(db, sql: "SELECT c.declared_site, c.id FROM community c WHERE c.id = :me AND \(w.sql)",
                                                arguments: w.arguments + ["me": communityID]) else { return nil }
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM community c WHERE \(w.sql) AND (c.declared_site, c.id) < (:n, :me)",
                                        arguments: w.arguments + ["n": me[0] as Int64, "me": communityID])
            }
            guard let me = try Row.fetchOne(db, sql: "SELECT \(BoardOrder.keyColumns) FROM community c WHERE c.id = :me AND \(w.sql)",
                                            arguments: w.arguments + ["me": communityID]) else { return nil }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM community c WHERE \(w.sql) AND \(BoardOrder.key) < \(BoardOrder.marks)",
                                    arguments: w.arguments + BoardOrder.arguments(BoardOrder.decode(me, at: 0)))
        }
    }

    public func cells(communityIDs: [RowID]) throws(GridError) -> [CellState] {
        guard !communityIDs.isEmpty else { return [] }
        return try read { db in
            var result: [CellState] = []
            for start in stride(from: 0, to: communityIDs.count, by: 500) {
                let chunk = Array(communityIDs[start..<min(communityIDs.count, start + 500)])
                let sql = "SELECT \(Decode.cellColumns) FROM cell WHERE community_id IN (\(databaseQuestionMarks(count: chunk.count)))"
                result += try Row.fetchAll(db, sql: sql, arguments: StatementArguments(chunk)).map(Decode.cellByIndex)
            }
            return result
        }
    }

    public func search(_ text: String, limit: Int) throws(GridError) -> [SearchHit] {
        guard !NameMatcher.fold(text).isEmpty else { return [] }
        return try nameIndex().search(text, limit: limit)
    }

    /// Overdue cells per community for a window of communities (primary-key lookups, bounded by the window).
    func overdueCounts(_ db: Database, communityIDs: [Int64], today: Day) throws -> [Int64: Int] {
        guard !communityIDs.isEmpty else { return [:] }
        let marks = databaseQuestionMarks(count: communityIDs.count)
        let rows = try Row.fetchAll(db, sql: """
            SELECT community_id, count(*) AS n FROM cell
            WHERE community_id IN (\(marks)) AND due_on < ? AND status IN (\(SQL.overdueStatuses))
            GROUP BY community_id
            """, arguments: StatementArguments(communityIDs.map { $0 as (any DatabaseValueConvertible)? } + [today.description]))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["community_id"] as Int64, $0["n"] as Int) })
    }
}

/// A `WHERE` clause on `community c` alone (no joins) selecting a scope's communities that pass a filter.
/// Without joins, counting and windowing walk the board index (`BoardOrder`), and deep windows stay cheap.
///
/// `arguments` always binds `:scope`, `:day` and `:today` (both the day the clause was built for), whether or
/// not the clause uses them, so SQL around it may use `SQL.inForce` and `:today` without binding them again:
/// GRDB's `+` traps on a name bound twice. Callers add only other names.
struct CommunityWhere {
    var sql: String
    var arguments: StatementArguments

    init(_ scope: CommunityScope, filter: CommunityFilter, today: Day) {
        let day = today.description
        var parts: [String]
        var scopeID: RowID?
        switch scope {
        case .all:
            parts = []
        case .office(let id):
            // An office's streets hold consecutive ranks (offices come first in the street order): a range of the index.
            parts = ["c.street_rank BETWEEN (SELECT min(rank) FROM street WHERE office_id = :scope) "
                + "AND (SELECT max(rank) FROM street WHERE office_id = :scope)"]
            scopeID = id
        case .street(let id):
            parts = ["c.street_rank = (SELECT rank FROM street WHERE id = :scope)"]
            scopeID = id
        case .community(let id):
            parts = ["c.id = :scope"]
            scopeID = id
        case .unit(let id):
            parts = ["c.id IN (SELECT a.community_id FROM assignment a WHERE a.unit_id = :scope AND \(SQL.inForce))"]
            scopeID = id
        case .property(let id):
            parts = ["c.id IN (SELECT a.community_id FROM assignment a WHERE a.property_id = :scope AND \(SQL.inForce))"]
            scopeID = id
        }
        // Retired communities (已撤销) are off the board, the browser and roll-ups; the partial index covers the rest.
        parts.append("c.retired_on IS NULL")
        arguments = ["scope": scopeID, "day": day, "today": day]
        if !filter.statuses.isEmpty {
            // The maintained tally answers "has a cell in these statuses" without touching the cells.
            let ors = CellStatus.allCases.filter { filter.statuses.contains($0) }.map { "\($0.rawValue) > 0" }
            parts.append("c.id IN (SELECT community_id FROM tally WHERE " + ors.joined(separator: " OR ") + ")")
        }
        if filter.overdueOnly {
            // One tally entry per overdue community (v14), never the cells; `OverdueClause` picks the form.
            parts.append(OverdueClause.fromTally)
        }
        if filter.sitesOnly { parts.append("c.declared_site IS NOT NULL") }
        if let r = filter.siteNumbers { parts.append("c.declared_site BETWEEN \(r.lowerBound) AND \(r.upperBound)") }
        siteOrder = filter.bySiteNumber
        overdue = filter.overdueOnly ? .unresolved : .none
        countsFromTally = filter == CommunityFilter(overdueOnly: true) && scope == .all
        sql = parts.joined(separator: " AND ")
    }

    /// Whether the clause has an overdue part, and which form it has taken (`OverdueClause`).
    var overdue: OverdueClause.Form
    /// Only overdue, over the whole board: counted on the tally's index alone (`OverdueClause.count`).
    let countsFromTally: Bool

    /// Rows in site-number order (◆): declared sites only, a few hundred at most, so windows are read by offset.
    var siteOrder = false
    var ascending: String { siteOrder ? "c.declared_site, c.id" : BoardOrder.ascending }
    var descending: String { siteOrder ? "c.declared_site DESC, c.id DESC" : BoardOrder.descending }

    func count(_ db: Database) throws -> Int {
        if countsFromTally { return try OverdueClause.count(db, arguments: arguments) }
        if overdue == .unresolved { return try resolved(db).count(db) }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM community c WHERE \(sql)", arguments: arguments) ?? 0
    }

    /// The window query: rows in board order from `offset`.
    var forwardSQL: String { "SELECT c.id FROM community c WHERE \(sql) ORDER BY \(ascending) LIMIT :limit OFFSET :offset" }
    /// The same rows read from the end.
    var backwardSQL: String { "SELECT c.id FROM community c WHERE \(sql) ORDER BY \(descending) LIMIT :limit OFFSET :offset" }
    /// Rows after an anchor's key (`after`), before it, or from it on.
    func seekSQL(_ comparison: String) -> String {
        let order = comparison == "<" ? BoardOrder.descending : BoardOrder.ascending
        let skip = comparison == ">=" ? "" : " OFFSET :skip"
        return "SELECT c.id FROM community c WHERE \(sql) AND \(BoardOrder.key) \(comparison) \(BoardOrder.marks) ORDER BY \(order) LIMIT :limit\(skip)"
    }

    /// The ids of rows `offset ..< offset + limit` in board order (`BoardOrder`). With an anchor (a
    /// loaded row near the window) the index is entered at the anchor and only the gap is skipped; else a
    /// window in the far half is read backwards from the end, so the last rows cost as little as the first.
    func windowIDs(_ db: Database, offset: Int, limit: Int, total knownTotal: Int? = nil, anchor: WindowAnchor? = nil) throws -> [Int64] {
        if overdue == .unresolved {
            return try resolved(db).windowIDs(db, offset: offset, limit: limit, total: knownTotal, anchor: anchor)
        }
        if let anchor, !siteOrder, abs(offset - anchor.index) < 5_000 {
            return try seek(db, from: anchor, offset: offset, limit: limit)
        }
        guard offset > 2_000 else {
            return try Int64.fetchAll(db, sql: forwardSQL, arguments: arguments + ["limit": limit, "offset": offset])
        }
        let total = try knownTotal ?? count(db)
        guard offset > total / 2 else {
            return try Int64.fetchAll(db, sql: forwardSQL, arguments: arguments + ["limit": limit, "offset": offset])
        }
        let end = min(offset + limit, total)
        guard end > offset else { return [] }
        return try Int64.fetchAll(db, sql: backwardSQL, arguments: arguments + ["limit": end - offset, "offset": total - end]).reversed()
    }

    /// Keyset paging: rows after (or before) the anchor's board-order key, skipping only the gap.
    func seek(_ db: Database, from anchor: WindowAnchor, offset: Int, limit: Int) throws -> [Int64] {
        let key = BoardOrder.arguments(anchor.key)
        if offset > anchor.index {
            return try Int64.fetchAll(db, sql: seekSQL(">"), arguments: arguments + key + ["limit": limit, "skip": offset - anchor.index - 1])
        }
        // The window starts at or before the anchor: read backwards from it, then turn the rows around.
        let end = offset + limit // exclusive
        let before = try Int64.fetchAll(db, sql: seekSQL("<"), arguments: arguments + key
            + ["limit": min(limit, anchor.index - offset), "skip": max(0, anchor.index - end)])
        guard end > anchor.index else { return before.reversed() }
        let from = try Int64.fetchAll(db, sql: seekSQL(">="), arguments: arguments + key + ["limit": end - anchor.index])
        return before.reversed() + from
    }
}

/// Board order in SQL over `community c`: the street's rank, the office order (none last), the pinyin key, the name
/// and the id — the columns of the `community_board` index (schema v7), rowid last, so ordering and keyset
/// comparisons walk it without sorting.
enum BoardOrder {
    static let ascending = "c.street_rank, c.order_key, c.pinyin_key, c.name, c.id"
    static let descending = "c.street_rank DESC, c.order_key DESC, c.pinyin_key DESC, c.name DESC, c.id DESC"
    /// The key as a row value, and its bound counterpart.
    static let key = "(c.street_rank, c.order_key, c.pinyin_key, c.name, c.id)"
    static let marks = "(:k_rank, :k_order, :k_pinyin, :k_name, :k_id)"
    /// The key's columns, for reading a row's key (`decode`).
    static let keyColumns = "c.street_rank, c.order_key, c.pinyin_key, c.name, c.id"

    static func arguments(_ k: BoardOrderKey) -> StatementArguments {
        ["k_rank": k.streetRank, "k_order": k.order, "k_pinyin": k.pinyin, "k_name": k.name, "k_id": k.id]
    }

    /// A key from `keyColumns` starting at column `i` (an unkeyed row — only between a write and its settling —
    /// reads as rank 0 and an empty key).
    static func decode(_ r: Row, at i: Int) -> BoardOrderKey {
        BoardOrderKey(streetRank: (r[i] as Int64?) ?? 0, order: (r[i + 1] as Int64?) ?? Int64.max, pinyin: (r[i + 2] as String?) ?? "",
                      name: r[i + 3], id: r[i + 4])
    }
}
