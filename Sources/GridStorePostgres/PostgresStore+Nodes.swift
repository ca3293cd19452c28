import GridCore
import Synchronization

extension PostgresStore {
    public func nodeRef(_ node: GridNode) throws(GridError) -> NodeRef? {
        try read { s throws(GridError) in try PGNodeQuery.refs(s, level: node.grouping, where: "x.id = ?", [node.id]).first }
    }

    public func findNodes(_ query: String, levels: Set<Grouping>) throws(GridError) -> [NodeRef] {
        let text = query.trimmingWhitespace()
        guard !text.isEmpty else { throw .invalidInput("an empty name matches nothing; give a name or a unique prefix") }
        return try read { s throws(GridError) in
            var exact: [NodeRef] = []
            for level in Grouping.allCases where levels.contains(level) {
                exact += try PGNodeQuery.refs(s, level: level, where: "x.name = ?", [text])
            }
            if !exact.isEmpty { return exact }
            // `街道/小区`: a name may hold "/" itself (金桂园一/二期), so the whole text was tried as a name first, and the
            // street is split off at the first slash, then at the last.
            if text.contains("/"), levels.contains(.community) {
                for slash in Set([text.firstIndex(of: "/")!, text.lastIndex(of: "/")!]).sorted() {
                    let street = String(text[..<slash]).trimmingWhitespace(), name = String(text[text.index(after: slash)...]).trimmingWhitespace()
                    let exact = try PGNodeQuery.refs(s, level: .community, where: "x.name = ? AND s.name = ?", [name, street])
                    if !exact.isEmpty { return exact }
                    let hits = try PGNodeQuery.refs(s, level: .community, where: "\(PGNodeQuery.prefix) AND s.name = ?", [name, name, street],
                                                    limit: 200)
                    if !hits.isEmpty { return hits }
                }
            }
            var prefixed: [NodeRef] = []
            for level in Grouping.allCases where levels.contains(level) {
                prefixed += try PGNodeQuery.refs(s, level: level, where: PGNodeQuery.prefix, [text, text], limit: 200)
            }
            return prefixed
        }
    }

    public func search(_ text: String, limit: Int) throws(GridError) -> [SearchHit] {
        guard !NameMatcher.fold(text).isEmpty else { return [] }
        return try nameIndex().search(text, limit: limit)
    }

    /// The name index, built on first use and again when a commit (by any process) changed the set of names: the
    /// change marker says whether anything was committed, then a fingerprint of the names says whether names were.
    func nameIndex() throws(GridError) -> NameIndex {
        let marker = try changeMarker()
        if let cached = searchCache.built.withLock({ $0 }), cached.marker == marker { return cached.index }
        return try read { s throws(GridError) in
            let stamp = try PostgresStore.namesStamp(s)
            if let cached = searchCache.built.withLock({ $0 }), cached.stamp == stamp {
                searchCache.built.withLock { $0?.marker = marker }
                return cached.index
            }
            var refs: [NodeRef] = []
            for level in [Grouping.community, .street, .unit, .property] {
                // Retired communities (已撤销) drop out of search; `show` and `log` still find them by name.
                refs += try PGNodeQuery.refs(s, level: level, where: level == .community ? "x.retired_on IS NULL" : "TRUE", [], limit: Int.max)
            }
            let index = NameIndex(refs)
            searchCache.built.withLock { $0 = PGNameIndexCache.Built(index: index, marker: marker, stamp: stamp) }
            return index
        }
    }
}

extension PostgresStore {
    /// Changes whenever a name is added, removed or renamed (or edited to another length), or a community is retired or moved.
    static func namesStamp(_ s: PGSession) throws(GridError) -> String {
        try ["community", "street", "unit", "property"].map { table throws(GridError) in
            try s.text("SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(char_length(name)), 0) FROM \(table)") ?? ""
        }.joined(separator: "|") + "|"
            + (try s.text("SELECT count(retired_on) || ':' || coalesce(sum(street_id), 0) FROM community") ?? "")
    }
}

/// The names search walks, prepared once per store and again only when a name may have changed.
final class PGNameIndexCache: Sendable {
    struct Built: Sendable {
        var index: NameIndex
        var marker: Int
        var stamp: String
    }

    let built = Mutex<Built?>(nil)
}

/// Rows of any level as `NodeRef`s with their office / street path.
enum PGNodeQuery {
    /// `x.name` starts with the text bound twice after it.
    static let prefix = "substring(x.name from 1 for char_length(?)) = ?"

    static func refs(_ s: PGSession, level: Grouping, where condition: String, _ args: [any SQLBindable],
                     limit: Int = 10_000) throws(GridError) -> [NodeRef] {
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
        return try s.query(sql + (limit == Int.max ? "" : " LIMIT \(limit)"), args).map { r in
            NodeRef(node: node(level, r.int("id")), name: r.text("name"), path: r.text("path"))
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
