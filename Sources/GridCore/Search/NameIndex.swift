/// A search hit: the node, and why it matched (the readings, when typed in pinyin).
public struct SearchHit: Hashable, Sendable {
    public var ref: NodeRef
    /// `yang guang x(iao) q(u)`; empty when the name was typed as written.
    public var reason: String

    /// Creates a hit.
    public init(ref: NodeRef, reason: String = "") {
        self.ref = ref
        self.reason = reason
    }
}

/// Every searchable name (communities, streets, units, property companies) prepared once for matching, with a
/// letter mask per name so a keystroke only walks the names that hold every letter and character typed.
public struct NameIndex: Sendable {
    struct Entry: Sendable {
        var ref: NodeRef
        var folded: String
        /// `folded` in UTF-8, for the literal fast path.
        var bytes: [UInt8]
        /// Characters in the name (shorter names rank first on ties).
        var length: Int
        var matcher: NameMatcher
        /// Bit n: some character of the name is, or reads with, letter n (a–z); bit 26+: a hash of its Hanzi.
        var mask: UInt64
    }

    let entries: [Entry]

    /// Prepares `refs` (in the order search should prefer on ties: communities, streets, units, property companies).
    /// Entries are kept in the order hits are shown within a rank — kind, then shorter names, then `refs` order — so a
    /// search can stop walking pinyin once it has enough hits of each rank.
    public init(_ refs: [NodeRef]) {
        var cache: [Character: NameMatcher.Token] = [:]
        let built = refs.enumerated().map { order, ref in
            let folded = NameMatcher.fold(ref.name)
            return (order, Entry(ref: ref, folded: folded, bytes: Array(folded.utf8), length: folded.count,
                                 matcher: NameMatcher(ref.name, cache: &cache), mask: NameIndex.mask(name: folded)))
        }
        entries = built.sorted { a, b in
            (NameIndex.kindRank(a.1.ref.node), a.1.length, a.0) < (NameIndex.kindRank(b.1.ref.node), b.1.length, b.0)
        }.map(\.1)
    }

    /// How many names are indexed.
    public var count: Int { entries.count }

    /// The names matching `text`, best first: exact names, then names starting with it, then any part; within each,
    /// communities before streets, units and property companies, shorter names first. At most `limit`.
    public func search(_ text: String, limit: Int) -> [SearchHit] {
        let q = NameMatcher.fold(text)
        guard !q.isEmpty, limit > 0 else { return [] }
        let need = NameIndex.mask(query: q)
        let bytes = Array(q.utf8)
        // Without letters the query can only be typed as written: a byte search, no pinyin walk.
        let literalOnly = !bytes.contains { $0 >= 97 && $0 <= 122 }
        var exact: [Int] = [], prefix: [Int] = [], inside: [Int] = []
        for (i, e) in entries.enumerated() where e.mask & need == need {
            if e.bytes == bytes {
                exact.append(i)
            } else if prefix.count < limit, literalOnly ? e.bytes.starts(with: bytes) : e.matcher.matchesAtStart(bytes) {
                prefix.append(i)
            } else if inside.count < limit, literalOnly ? NameIndex.find(bytes, in: e.bytes) != nil : e.matcher.firstMatch(bytes) != nil {
                inside.append(i)
            }
        }
        // How each shown hit matched is worked out for the shown ones only.
        return (exact + prefix + inside).prefix(limit).map { i in
            SearchHit(ref: entries[i].ref, reason: literalOnly ? "" : entries[i].matcher.match(q)?.reason ?? "")
        }
    }

    /// The first byte offset where `needle` occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count, let first = needle.first else { return nil }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack.starts(at: i, with: needle) { return i }
            i += 1
        }
        return nil
    }

    static func kindRank(_ node: GridNode) -> Int {
        switch node {
        case .community: 0
        case .street: 1
        case .unit: 2
        case .property: 3
        case .office: 4
        }
    }

    /// The letters a name can be typed with (its own and every reading's), and its Hanzi hashed into the high bits.
    static func mask(name: String) -> UInt64 {
        var m: UInt64 = 0
        for ch in name {
            m |= bits(of: ch)
            for r in Pinyin.readings(ch) { for b in r.utf8 { m |= letterBit(b) } }
        }
        return m
    }

    /// What a name must hold for `query` to match it: every letter typed (as a character or inside a reading), and
    /// every Hanzi typed.
    static func mask(query: String) -> UInt64 {
        query.reduce(0) { $0 | bits(of: $1) }
    }

    static func bits(of ch: Character) -> UInt64 {
        guard let s = ch.unicodeScalars.first else { return 0 }
        if s.isASCII { return letterBit(UInt8(s.value)) }
        return 1 << (26 + UInt64(s.value % 38))
    }

    static func letterBit(_ b: UInt8) -> UInt64 {
        (b >= 97 && b <= 122) ? 1 << UInt64(b - 97) : 0
    }
}
