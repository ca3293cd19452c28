/// Every searchable name (communities, streets, units, property companies), prepared once so that a keystroke reads
/// only the names that can match it: posting lists by adjacent character keys (see `SearchKeys`), each in the order
/// hits are shown, so a search stops as soon as it has enough hits — its cost grows with the hits shown, not with the
/// names indexed.
public struct NameIndex: Sendable {
    struct Entry: Sendable {
        var ref: NodeRef
        /// The folded name in UTF-8 (the exact-name comparison).
        var bytes: [UInt8]
        var matcher: NameMatcher
    }

    /// In the order hits are shown within a rank: kind, then shorter names, then the order given. A posting is an
    /// index into this array, so ascending postings are best first.
    let entries: [Entry]
    /// Names by one token anywhere / as the first character (queries that are one segment).
    let anySingles: PostingLists
    let startSingles: PostingLists
    /// Names by a pair of adjacent keys anywhere / at the first two characters.
    let anyPairs: PostingLists
    let startPairs: PostingLists
    /// The folded names' hashes, sorted, with their entries: exact names without a dictionary of strings.
    let exactHashes: [UInt64]
    let exactEntries: [UInt32]

    /// Prepares `refs` (in the order search should prefer on ties: communities, streets, units, property companies).
    /// At most `PostingLists.maxEntries` names are indexed.
    public init(_ refs: [NodeRef]) {
        var tokenCache: [Character: NameMatcher.Token] = [:]
        let folded = refs.prefix(PostingLists.maxEntries).map { NameMatcher.fold($0.name) }
        let lengths = folded.map(\.count)
        let order = folded.indices.sorted { a, b in
            (NameIndex.kindRank(refs[a].node), lengths[a], a) < (NameIndex.kindRank(refs[b].node), lengths[b], b)
        }
        entries = order.map { i in
            Entry(ref: refs[i], bytes: Array(folded[i].utf8), matcher: NameMatcher(refs[i].name, cache: &tokenCache))
        }
        // Each character's keys once; each name as the numbers of its characters, end to end.
        var keyTable: [SearchKeys.CharKeys] = []
        var keyIDs: [Character: UInt32] = [:]
        var chars: [UInt32] = []
        var charStarts: [Int] = [0]
        var hashed: [(UInt64, UInt32)] = []
        hashed.reserveCapacity(order.count)
        for (entry, i) in order.enumerated() {
            hashed.append((NameIndex.hash(entries[entry].bytes), UInt32(entry)))
            for ch in folded[i] {
                if let id = keyIDs[ch] {
                    chars.append(id)
                } else {
                    keyIDs[ch] = UInt32(keyTable.count)
                    chars.append(UInt32(keyTable.count))
                    keyTable.append(SearchKeys.CharKeys(ch))
                }
            }
            charStarts.append(chars.count)
        }
        let names = SearchKeys.Names(table: keyTable, chars: chars, starts: charStarts)
        // One list at a time, each sized exactly: the build holds one list's packed postings, not four.
        anySingles = PostingLists(names, .singles, startOnly: false)
        startSingles = PostingLists(names, .singles, startOnly: true)
        anyPairs = PostingLists(names, .pairs, startOnly: false)
        startPairs = PostingLists(names, .pairs, startOnly: true)
        hashed.sort { $0 < $1 }
        exactHashes = hashed.map(\.0)
        exactEntries = hashed.map(\.1)
    }

    /// How many names are indexed.
    public var count: Int { entries.count }

    /// Postings held, and the bytes the posting lists take (for the benchmark's memory notes).
    public var postings: (count: Int, bytes: Int) {
        let lists = [anySingles, startSingles, anyPairs, startPairs]
        return (lists.reduce(0) { $0 + $1.count }, lists.reduce(exactHashes.count * 12) { $0 + $1.bytes })
    }

    /// The names matching `text`, best first: exact names, then names starting with it, then any part; within each,
    /// communities before streets, units and property companies, shorter names first. At most `limit`.
    public func search(_ text: String, limit: Int) -> [SearchHit] {
        lookUp(text, limit: limit).hits
    }

    /// `search`, with how many names it examined.
    public func lookUp(_ text: String, limit: Int) -> NameSearch {
        let q = NameMatcher.fold(text)
        guard !q.isEmpty, limit > 0 else { return NameSearch(hits: [], examined: 0) }
        let bytes = Array(q.utf8)
        var examined = 0
        var chosen = exactMatches(bytes, examined: &examined)
        let plan = SearchKeys.plan(q)
        let literalOnly = !bytes.contains { $0 >= 97 && $0 <= 122 }
        // Within a tier, a name read straight through comes before one that needs an initial between whole readings
        // (`xingzheng`: 行政 before 银行支行 read as xing z(hi) heng): such names are held back and follow the tier.
        var heldBack: [Int] = []
        func take(_ e: Int) {
            if !literalOnly, let m = entries[e].matcher.match(q), m.skipsBetweenReadings { heldBack.append(e) } else { chosen.append(e) }
        }
        func closeTier() {
            chosen += heldBack.prefix(max(0, limit - chosen.count))
            heldBack = []
        }
        if chosen.count < limit {
            // Names that match from their first character, in the order shown.
            var stream = candidates(plan, first: startPairs, singles: startSingles)
            while chosen.count < limit, let e = stream.next() {
                if entries[e].bytes != bytes, entries[e].matcher.matchesAtStart(bytes) { take(e) }
            }
            examined += stream.examined
            closeTier()
        }
        if chosen.count < limit {
            // Every name matching from the start is already chosen: the rest match further in.
            var stream = candidates(plan, first: anyPairs, singles: anySingles)
            while chosen.count < limit, let e = stream.next() {
                let m = entries[e].matcher
                if entries[e].bytes != bytes, !m.matchesAtStart(bytes), m.firstMatch(bytes) != nil { take(e) }
            }
            examined += stream.examined
            closeTier()
        }
        // How each shown hit matched is worked out for the shown ones only.
        let hits = chosen.prefix(limit).map { e in
            SearchHit(ref: entries[e].ref, reason: literalOnly ? "" : entries[e].matcher.match(q)?.reason ?? "")
        }
        return NameSearch(hits: hits, examined: examined)
    }

    /// The names that may match by `plan`, ascending: each chain's first pair from `first` (at the start, or
    /// anywhere), its second from the pairs anywhere; single tokens from `singles`.
    func candidates(_ plan: SearchKeys.Plan, first: PostingLists, singles: PostingLists) -> MergedPostings {
        let chains = plan.chains.map { chain in
            ChainPostings(chain.enumerated().map { i, key in (i == 0 ? first : anyPairs).list(key) })
        }
        return MergedPostings(chains + plan.singles.map { ChainPostings([singles.list(UInt64($0))]) })
    }

    /// The entries whose folded name is `bytes`, in entry order.
    func exactMatches(_ bytes: [UInt8], examined: inout Int) -> [Int] {
        let h = NameIndex.hash(bytes)
        var low = 0, high = exactHashes.count
        while low < high {
            let mid = (low + high) / 2
            if exactHashes[mid] < h { low = mid + 1 } else { high = mid }
        }
        var found: [Int] = []
        while low < exactHashes.count, exactHashes[low] == h {
            let e = Int(exactEntries[low])
            examined += 1
            if entries[e].bytes == bytes { found.append(e) }
            low += 1
        }
        return found
    }

    /// FNV-1a, 64 bits: stable across runs (unlike `Hasher`), enough to tell names apart; equal hashes are compared.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
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
}
