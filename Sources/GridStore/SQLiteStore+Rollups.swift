import GRDB
import GridCore

extension SQLiteStore {
    public func rollups(groupedBy grouping: Grouping, within scope: CommunityScope, today: Day) throws(GridError) -> [GroupCounts] {
        let filter = CommunityWhere(scope, filter: .none, today: today)
        let (join, key) = RollupSQL.grouping(grouping)
        // The filter's arguments bind :day (SQL.inForce in the unit and property joins) and :today.
        let args = filter.arguments
        return try read { db in
            let tallies = try Row.fetchAll(db, sql: """
                SELECT \(key) AS k, \(SQL.tallySums)
                FROM community c JOIN street s ON s.id = c.street_id JOIN tally t ON t.community_id = c.id \(join)
                WHERE \(filter.sql) GROUP BY k
                """, arguments: args)
            // Overdue is derived from today's date, so it cannot be a maintained counter: count it from the
            // partial index over cells that carry a deadline (a small fraction of all cells).
            let overdue = try Row.fetchAll(db, sql: """
                SELECT \(key) AS k, count(*) AS n
                FROM cell x JOIN community c ON c.id = x.community_id JOIN street s ON s.id = c.street_id \(join)
                WHERE x.due_on < :today AND x.status IN (\(SQL.overdueStatuses)) AND \(filter.sql) GROUP BY k
                """, arguments: args)
            let overdueByKey = Dictionary(overdue.map { (($0["k"] as Int64?) ?? -1, $0["n"] as Int) }, uniquingKeysWith: +)
            let keys = tallies.compactMap { $0["k"] as Int64? }
            let refs = try RollupSQL.refs(db, grouping: grouping, ids: keys)
            let places = try RollupSQL.places(db, grouping: grouping)
            return tallies.map { r -> GroupCounts in
                let k: Int64? = r["k"]
                var counts = Decode.counts(r)
                counts.overdue = overdueByKey[k ?? -1] ?? 0
                return GroupCounts(node: k.flatMap { refs[$0] }, counts: counts)
            }
            .sorted { RollupSQL.order($0, $1, places: places) }
        }
    }

    public func rollup(of node: GridNode, today: Day) throws(GridError) -> StatusCounts {
        let groups = try rollups(groupedBy: node.grouping, within: CommunityScope(node), today: today)
        return groups.first { $0.node?.node == node }?.counts ?? StatusCounts()
    }
}

enum RollupSQL {
    /// The extra join and the group key for a grouping, over `community c JOIN street s`.
    static func grouping(_ g: Grouping) -> (join: String, key: String) {
        switch g {
        case .office: ("", "s.office_id")
        case .street: ("", "c.street_id")
        case .community: ("", "c.id")
        case .unit: ("JOIN assignment a ON a.community_id = c.id AND \(SQL.inForce)", "a.unit_id")
        case .property:
            // A community counts once per property company serving it; one with none counts under 无物业 (NULL).
            ("""
            LEFT JOIN (SELECT DISTINCT a.community_id, a.property_id FROM assignment a WHERE \(SQL.inForce)) p
                ON p.community_id = c.id
            """, "p.property_id")
        }
    }

    static func refs(_ db: Database, grouping: Grouping, ids: [Int64]) throws -> [Int64: NodeRef] {
        var result: [Int64: NodeRef] = [:]
        // Chunked to stay under SQLite's bound-parameter limit.
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            let refs = try NodeQuery.refs(db, level: grouping, where: "x.id IN (\(databaseQuestionMarks(count: chunk.count)))",
                                          arguments: StatementArguments(chunk))
            for ref in refs { result[ref.node.id] = ref }
        }
        return result
    }

    /// Each street's or community's place in the office's order (`BoardOrder`); empty for other groupings.
    static func places(_ db: Database, grouping: Grouping) throws -> [Int64: Int] {
        let sql: String
        switch grouping {
        case .street: sql = "SELECT id FROM street ORDER BY rank, id"
        case .community: sql = "SELECT c.id FROM community c ORDER BY \(BoardOrder.ascending)"
        default: return [:]
        }
        var places: [Int64: Int] = [:]
        for (i, id) in try Int64.fetchAll(db, sql: sql).enumerated() { places[id] = i }
        return places
    }

    /// Groups in a stable order: streets and communities in the office's order, others by id (insertion order),
    /// 无物业 last.
    static func order(_ a: GroupCounts, _ b: GroupCounts, places: [Int64: Int]) -> Bool {
        switch (a.node, b.node) {
        case (nil, _): false
        case (_, nil): true
        case (let x?, let y?): (places[x.node.id] ?? Int.max, x.node.id) < (places[y.node.id] ?? Int.max, y.node.id)
        }
    }
}
