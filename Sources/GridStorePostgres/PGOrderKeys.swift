import GridCore

/// The one place the PostgreSQL store writes order keys (schema pg2), as the SQLite store's `OrderKeys`: every write
/// transaction ends with `settle`, which keys the streets and communities that lack one — inserted by any path or
/// marked by pg2's triggers after a rename, move or new office order — and places unplaced streets. The keys are
/// GridCore's (`OfficeOrder.collationKey`), computed here in Swift, never in SQL, so both stores order alike.
enum PGOrderKeys {
    /// The distance between neighbouring street ranks after a renumbering (SQLite's `OrderKeys.gap`).
    static let gap: Int64 = 1 << 20

    /// Keys and places everything not yet keyed; two index lookups when there is nothing to do.
    static func settle(_ s: PGSession) throws(GridError) {
        let streets = try s.query("SELECT id, name, pinyin_key FROM street WHERE rank IS NULL")
        for st in streets where st["pinyin_key"].isNull {
            try s.query("UPDATE street SET pinyin_key = ? WHERE id = ?", [OfficeOrder.collationKey(st.text("name")), st.int("id")])
        }
        // One street (added, renamed or re-ordered) takes the gap between its neighbours; several are ranked afresh.
        let placed = streets.count == 1 ? try place(s, street: streets[0].int("id")) : false
        if !streets.isEmpty && !placed { try renumber(s) }
        let communities = try s.query("SELECT id, name FROM community WHERE pinyin_key IS NULL")
        // A thousand rows per statement: a migrated or imported office keys all its communities at once.
        for start in stride(from: 0, to: communities.count, by: 1000) {
            let chunk = communities[start..<min(communities.count, start + 1000)]
            let args: [any SQLBindable] = chunk.flatMap { c -> [any SQLBindable] in [c.int("id"), OfficeOrder.collationKey(c.text("name"))] }
            try s.query("""
                UPDATE community c SET pinyin_key = v.k, street_rank = (SELECT rank FROM street s WHERE s.id = c.street_id)
                FROM (VALUES \(Array(repeating: "(?::bigint, ?::text)", count: chunk.count).joined(separator: ","))) v(id, k)
                WHERE c.id = v.id
                """, args)
        }
    }

    /// The street key: offices in id order, then the office order (none last), pinyin, name, id.
    static let streetKey = "(x.office_id, x.order_key, x.pinyin_key, x.name, x.id)"

    /// Puts one street between its neighbours in order, if they leave room; false when they do not.
    static func place(_ s: PGSession, street id: Int64) throws(GridError) -> Bool {
        let me = "(SELECT office_id, order_key, pinyin_key, name, id FROM street WHERE id = ?)"
        let before = try s.int("SELECT max(x.rank) FROM street x WHERE x.rank IS NOT NULL AND \(streetKey) < \(me)", [id]) ?? 0
        let after = try s.int("SELECT min(x.rank) FROM street x WHERE x.rank IS NOT NULL AND \(streetKey) > \(me)", [id]) ?? before + 2 * gap
        guard after - before >= 2 else { return false }
        try setRank(s, street: id, before + (after - before) / 2)
        return true
    }

    /// Ranks every street afresh, `gap` apart, rewriting the communities only of streets whose rank changed.
    static func renumber(_ s: PGSession) throws(GridError) {
        let rows = try s.query("SELECT x.id, x.rank FROM street x ORDER BY x.office_id, x.order_key, x.pinyin_key, x.name, x.id")
        var changed: [(Int64, Int64)] = []
        for (i, r) in rows.enumerated() {
            let rank = Int64(i + 1) * gap
            if r["rank"].int != rank { changed.append((r.int("id"), rank)) }
        }
        // Cleared first: the ranks are unique, and a street may take the rank another is about to leave.
        if !changed.isEmpty {
            try s.chunked(changed.map(\.0), { "UPDATE street SET rank = NULL WHERE id IN (\($0))" })
        }
        for (id, rank) in changed { try setRank(s, street: id, rank) }
    }

    static func setRank(_ s: PGSession, street id: Int64, _ rank: Int64) throws(GridError) {
        try s.query("UPDATE street SET rank = ? WHERE id = ?", [rank, id])
        try s.query("UPDATE community SET street_rank = ? WHERE street_id = ?", [rank, id])
    }

    /// Whether anything waits to be keyed (rows written by another client, or just migrated), checked on opening.
    static func needsSettling(_ s: PGSession) throws(GridError) -> Bool {
        try s.int("""
            SELECT (SELECT count(*) FROM (SELECT 1 FROM street WHERE rank IS NULL LIMIT 1) a)
                 + (SELECT count(*) FROM (SELECT 1 FROM community WHERE pinyin_key IS NULL LIMIT 1) b)
            """) ?? 0 > 0
    }

    /// Writes office orders decided by `setOrder`; pg2's trigger marks a street for placing.
    static func write(_ s: PGSession, _ facts: [OrderFact]) throws(GridError) {
        for fact in facts {
            switch fact.node {
            case .street(let id): try s.query("UPDATE street SET office_order = ? WHERE id = ?", [fact.order, id])
            case .community(let id): try s.query("UPDATE community SET office_order = ? WHERE id = ?", [fact.order, id])
            default: throw GridError.invalidInput("only streets and communities have an office order")
            }
        }
    }
}
