import GRDB
import GridCore
import Synchronization

/// The names search walks, prepared once per process and prepared again only when a name may have changed.
final class NameIndexCache: Sendable {
    struct Built: Sendable {
        var index: NameIndex
        /// The connection's data version when checked, and the names' fingerprint then.
        var marker: Int
        var stamp: String
    }

    let built = Mutex<Built?>(nil)
}

extension SQLiteStore {
    /// The name index, built on first use (one query per kind of name) and rebuilt when another commit changed the
    /// set of names: every commit moves the data version, and then a fingerprint of the names (counts, last ids and
    /// total length per table) says whether names were among the changes.
    func nameIndex() throws(GridError) -> NameIndex {
        let marker = try changeMarker()
        if let cached = searchCache.built.withLock({ $0 }), cached.marker == marker { return cached.index }
        return try read { db in
            let stamp = try Self.namesStamp(db)
            if let cached = searchCache.built.withLock({ $0 }), cached.stamp == stamp {
                searchCache.built.withLock { $0?.marker = marker }
                return cached.index
            }
            var refs: [NodeRef] = []
            for level in [Grouping.community, .street, .unit, .property] {
                // Retired communities (已撤销) drop out of search; `show` and `log` still find them by name.
                refs += try NodeQuery.refs(db, level: level, where: level == .community ? "x.retired_on IS NULL" : "1", arguments: [:],
                                           limit: Int.max)
            }
            let index = NameIndex(refs)
            searchCache.built.withLock { $0 = NameIndexCache.Built(index: index, marker: marker, stamp: stamp) }
            return index
        }
    }

    /// Changes whenever a name is added, removed or renamed (or edited to another length), or a community is retired or moved.
    static func namesStamp(_ db: Database) throws -> String {
        try ["community", "street", "unit", "property"].map { table in
            try String.fetchOne(db, sql: "SELECT count(*) || ':' || ifnull(max(id), 0) || ':' || ifnull(total(length(name)), 0) FROM \(table)") ?? ""
        }.joined(separator: "|") + "|" + (String.fetchOne(db, sql: "SELECT total(retired_on IS NOT NULL) || ':' || total(street_id) FROM community") ?? "")
    }
}
