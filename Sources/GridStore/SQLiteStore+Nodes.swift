import GRDB
import GridCore

extension SQLiteStore {
    public func nodeRef(_ node: GridNode) throws(GridError) -> NodeRef? {
        try read { db in try NodeQuery.refs(db, level: node.grouping, where: "x.id = ?", arguments: [node.id]).first }
    }

    public func findNodes(_ query: String, levels: Set<Grouping>) throws(GridError) -> [NodeRef] {
        let text = query.trimmingWhitespace()
        guard !text.isEmpty else { throw .invalidInput("an empty name matches nothing; give a name or a unique prefix") }
        return try read { db in
            var exact: [NodeRef] = []
            for level in Grouping.allCases where levels.contains(level) {
                exact += try NodeQuery.refs(db, level: level, where: "x.name = :q", arguments: ["q": text])
            }
            if !exact.isEmpty { return exact }
            // `街道/小区`: a name may hold "/" itself (金桂园一/二期), so the whole text was tried as a name first, and the
            // street is split off at the first slash, then at the last.
            if text.contains("/"), levels.contains(.community) {
                for slash in Set([text.firstIndex(of: "/")!, text.lastIndex(of: "/")!]).sorted() {
                    let street = String(text[..<slash]).trimmingWhitespace(), name = String(text[text.index(after: slash)...]).trimmingWhitespace()
                    let hits = try NodeQuery.match(db, level: .community, name: name, extra: "AND s.name = :street", arguments: ["street": street])
                    if !hits.isEmpty { return hits }
                }
            }
            var prefixed: [NodeRef] = []
            for level in Grouping.allCases where levels.contains(level) {
                prefixed += try NodeQuery.refs(db, level: level, where: "substr(x.name, 1, length(:q)) = :q",
                                               arguments: ["q": text], limit: 200)
            }
            return prefixed
        }
    }
}

/// Queries that turn rows of any level into `NodeRef`s with their office / street path.
enum NodeQuery {
    static func match(_ db: Database, level: Grouping, name: String, extra: String,
                      arguments: StatementArguments) throws -> [NodeRef] {
        let exact = try refs(db, level: level, where: "x.name = :q \(extra)", arguments: arguments + ["q": name])
        if !exact.isEmpty { return exact }
        return try refs(db, level: level, where: "substr(x.name, 1, length(:q)) = :q \(extra)",
                        arguments: arguments + ["q": name], limit: 200)
    }

    static func refs(_ db: Database, level: Grouping, where condition: String, arguments: StatementArguments,
                     limit: Int = 10_000) throws -> [NodeRef] {
        let sql: String
        switch level {
        case .office:
            sql = "SELECT x.id, x.name, '' AS path FROM office x WHERE \(condition) ORDER BY x.name"
        case .street:
            sql = "SELECT x.id, x.name, o.name AS path FROM street x JOIN office o ON o.id = x.office_id WHERE \(condition) ORDER BY x.rank, x.id"
        case .community:
            sql = """
                SELECT x.id, x.name, o.name || ' / ' || s.name AS path FROM community x
                JOIN street s ON s.id = x.street_id JOIN office o ON o.id = s.office_id
                WHERE \(condition) ORDER BY s.rank, x.order_key, x.pinyin_key, x.name, x.id
                """
        case .unit, .property:
            let table = level == .unit ? "unit" : "property"
            sql = "SELECT x.id, x.name, o.name AS path FROM \(table) x JOIN office o ON o.id = x.office_id WHERE \(condition) ORDER BY o.name, x.name"
        }
        return try Row.fetchAll(db, sql: sql + " LIMIT \(limit)", arguments: arguments).map { r in
            NodeRef(node: node(level, r["id"]), name: r["name"], path: r["path"])
        }
    }

    static func node(_ level: Grouping, _ id: Int64) -> GridNode {
        switch level {
        case .office: .office(id)
        case .street: .street(id)
        case .community: .community(id)
        case .unit: .unit(id)
        case .property: .property(id)
        }
    }
}
