import GRDB
import GridCore

/// The one place the store writes order keys (schema v7): every write transaction ends with `settle`, which keys
/// the streets and communities that lack one — inserted by any path (import, demo, master-data services) or
/// marked by the v7 triggers after a rename, move or new office order — and places unplaced streets.
/// The keys themselves are GridCore's (`OfficeOrder.collationKey`).
enum OrderKeys {
    /// The distance between neighbouring street ranks after a renumbering: a street moved or added between two
    /// others takes the midpoint, so only its own communities are rewritten (twenty moves into one gap before
    /// the next renumbering).
    static let gap: Int64 = 1 << 20

    /// Keys and places everything not yet keyed; costs two index lookups when there is nothing to do.
    static func settle(_ db: Database) throws {
        let streets = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name, pinyin_key FROM street WHERE rank IS NULL"))
        for s in streets where (s["pinyin_key"] as String?) == nil {
            try db.execute(sql: "UPDATE street SET pinyin_key = ? WHERE id = ?",
                           arguments: [OfficeOrder.collationKey(s["name"]), s["id"] as Int64])
        }
        // One street (added, renamed or re-ordered) takes the gap between its neighbours; several are ranked afresh.
        let placed = streets.count == 1 ? try place(db, street: streets[0]["id"]) : false
        if !streets.isEmpty && !placed { try renumber(db) }
        let communities = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM community WHERE pinyin_key IS NULL"))
        guard !communities.isEmpty else { return }
        let update = try db.cachedStatement(sql: """
            UPDATE community SET pinyin_key = ?, street_rank = (SELECT rank FROM street s WHERE s.id = community.street_id) WHERE id = ?
            """)
        for c in communities {
            try update.execute(arguments: [OfficeOrder.collationKey(c["name"]), c["id"] as Int64])
        }
    }

    /// The street key in SQL: offices in id order, then the office order (none last), pinyin, name, id.
    static let streetKey = "(x.office_id, x.order_key, x.pinyin_key, x.name, x.id)"

    /// Puts one street between its neighbours in order, if they leave room; false when they do not.
    static func place(_ db: Database, street id: Int64) throws -> Bool {
        let me = "(SELECT office_id, order_key, pinyin_key, name, id FROM street WHERE id = :id)"
        let before = try Int64.fetchOne(db, sql: "SELECT max(x.rank) FROM street x WHERE x.rank IS NOT NULL AND \(streetKey) < \(me)",
                                        arguments: ["id": id]) ?? 0
        let after = try Int64.fetchOne(db, sql: "SELECT min(x.rank) FROM street x WHERE x.rank IS NOT NULL AND \(streetKey) > \(me)",
                                       arguments: ["id": id]) ?? before + 2 * gap
        guard after - before >= 2 else { return false }
        try setRank(db, street: id, before + (after - before) / 2)
        return true
    }

    /// Ranks every street afresh, `gap` apart, rewriting the communities only of streets whose rank changed.
    static func renumber(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT x.id, x.rank FROM street x ORDER BY \(streetKey.dropFirst().dropLast())")
        var changed: [(Int64, Int64)] = []
        for (i, r) in rows.enumerated() {
            let rank = Int64(i + 1) * gap
            if (r["rank"] as Int64?) != rank { changed.append((r["id"], rank)) }
        }
        // Cleared first: the ranks are unique, and a street may take the rank another is about to leave.
        for (id, _) in changed { try db.execute(sql: "UPDATE street SET rank = NULL WHERE id = ?", arguments: [id]) }
        for (id, rank) in changed { try setRank(db, street: id, rank) }
    }

    static func setRank(_ db: Database, street id: Int64, _ rank: Int64) throws {
        try db.execute(sql: "UPDATE street SET rank = ? WHERE id = ?", arguments: [rank, id])
        try db.execute(sql: "UPDATE community SET street_rank = ? WHERE street_id = ?", arguments: [rank, id])
    }

    /// Whether anything waits to be keyed (rows written by another SQLite client), checked on opening.
    static func needsSettling(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM (SELECT 1 FROM street WHERE rank IS NULL LIMIT 1))
                 + (SELECT count(*) FROM (SELECT 1 FROM community WHERE pinyin_key IS NULL LIMIT 1))
            """) ?? 0 > 0
    }

    /// Writes office orders decided by `setOrder`; the v7 triggers mark a street for placing.
    static func write(_ db: Database, _ facts: [OrderFact]) throws {
        for fact in facts {
            switch fact.node {
            case .street(let id):
                try db.execute(sql: "UPDATE street SET office_order = ? WHERE id = ?", arguments: [fact.order, id])
            case .community(let id):
                try db.execute(sql: "UPDATE community SET office_order = ? WHERE id = ?", arguments: [fact.order, id])
            default:
                throw GridError.invalidInput("only streets and communities have an office order")
            }
        }
    }
}
