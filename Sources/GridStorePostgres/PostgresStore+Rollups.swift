import GridCore

extension PostgresStore {
    public func rollups(groupedBy grouping: Grouping, within scope: CommunityScope, today: Day) throws(GridError) -> [GroupCounts] {
        let filter = PGCommunityWhere(scope, filter: .none, today: today)
        let (join, joinArgs, key) = PostgresStore.grouping(grouping, today: today)
        return try read { s throws(GridError) in
            let tallies = try s.query("""
                SELECT \(key) AS k, \(PGSQL.tallySums)
                FROM community c JOIN street s ON s.id = c.street_id JOIN tally t ON t.community_id = c.id \(join)
                WHERE \(filter.sql) GROUP BY k
                """, joinArgs + filter.args)
            // Overdue depends on today's date, so it is counted, not maintained: from the partial index over cells with a deadline.
            let overdue = try s.query("""
                SELECT \(key) AS k, count(*) AS n
                FROM cell x JOIN community c ON c.id = x.community_id JOIN street s ON s.id = c.street_id \(join)
                WHERE x.due_on < ? AND x.status IN (\(PGSQL.overdueStatuses)) AND \(filter.sql) GROUP BY k
                """, joinArgs + [today.description] + filter.args)
            let overdueByKey = Dictionary(overdue.map { ($0["k"].int ?? -1, Int($0.int("n"))) }, uniquingKeysWith: +)
            let keys = tallies.compactMap { $0["k"].int }
            var refs: [Int64: NodeRef] = [:]
            for start in stride(from: 0, to: keys.count, by: 1000) {
                let chunk = Array(keys[start..<min(keys.count, start + 1000)])
                for ref in try PGNodeQuery.refs(s, level: grouping, where: "x.id IN (\(PGSQL.marks(chunk.count)))", chunk) {
                    refs[ref.node.id] = ref
                }
            }
            let places = try PostgresStore.places(s, grouping: grouping)
            return tallies.map { r -> GroupCounts in
                let k = r["k"].int
                var counts = PGDecode.counts(r)
                counts.overdue = overdueByKey[k ?? -1] ?? 0
                return GroupCounts(node: k.flatMap { refs[$0] }, counts: counts)
            }
            .sorted { PostgresStore.order($0, $1, places: places) }
        }
    }

    public func rollup(of node: GridNode, today: Day) throws(GridError) -> StatusCounts {
        let groups = try rollups(groupedBy: node.grouping, within: CommunityScope(node), today: today)
        return groups.first { $0.node?.node == node }?.counts ?? StatusCounts()
    }

    /// The extra join (with its arguments) and the group key for a grouping, over `community c JOIN street s`.
    static func grouping(_ g: Grouping, today: Day) -> (join: String, args: [any SQLBindable], key: String) {
        let day = today.description
        switch g {
        case .office: return ("", [], "s.office_id")
        case .street: return ("", [], "c.street_id")
        case .community: return ("", [], "c.id")
        case .unit: return ("JOIN assignment a ON a.community_id = c.id AND \(PGSQL.inForce)", [day, day], "a.unit_id")
        case .property:
            // A community counts once per property company serving it; one with none counts under 无物业 (NULL).
            return ("""
                LEFT JOIN (SELECT DISTINCT a.community_id, a.property_id FROM assignment a WHERE \(PGSQL.inForce)) p
                    ON p.community_id = c.id
                """, [day, day], "p.property_id")
        }
    }

    /// Each street's or community's place in the office's order (`PGBoardOrder`); empty for other groupings.
    static func places(_ s: PGSession, grouping: Grouping) throws(GridError) -> [Int64: Int] {
        let sql: String
        switch grouping {
        case .street: sql = "SELECT id FROM street ORDER BY rank, id"
        case .community: sql = "SELECT c.id FROM community c ORDER BY \(PGBoardOrder.ascending)"
        default: return [:]
        }
        var places: [Int64: Int] = [:]
        for (i, r) in try s.query(sql).enumerated() { places[r.int("id")] = i }
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
