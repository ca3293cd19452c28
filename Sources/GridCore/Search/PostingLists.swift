/// Lists of name numbers by key, each in ascending order (the order hits are shown in), packed in three flat arrays:
/// the sorted distinct keys, where each key's list starts, and the lists end to end — about 4 bytes a posting, no
/// per-key allocation.
struct PostingLists: Sendable {
    /// Bits of a posting's name number in the build's packed form; keys get the 42 bits above.
    static let entryBits: UInt64 = 22
    /// The most names an index can hold (4,194,303; a province has about 130,000).
    static let maxEntries = Int(1 << entryBits) - 1

    private let keys: [UInt64]
    private let starts: [UInt32]
    private let postings: [UInt32]

    /// Collects `key` → `entry` postings; entries must be added in ascending order.
    struct Builder {
        fileprivate var packed: [UInt64] = []

        /// Files `entry` under `key` (a key of at most 42 bits).
        mutating func add(_ key: UInt64, _ entry: Int) {
            packed.append(key << PostingLists.entryBits | UInt64(entry))
        }
    }

    /// The lists of `kind` for `names`: counted first, so the packed postings are allocated once at their size.
    init(_ names: SearchKeys.Names, _ kind: SearchKeys.Names.Kind, startOnly: Bool) {
        var count = 0
        names.forEachPosting(kind, startOnly: startOnly) { _, _ in count += 1 }
        var builder = Builder()
        builder.packed.reserveCapacity(count)
        names.forEachPosting(kind, startOnly: startOnly) { key, entry in builder.add(key, entry) }
        self.init(&builder)
    }

    /// Packs what `builder` collected (taking its array): sorted by key (stably, so each list stays in entry order),
    /// duplicates dropped.
    init(_ builder: inout Builder) {
        var packed: [UInt64] = []
        swap(&packed, &builder.packed)
        PostingLists.radixSortByKey(&packed)
        var keys: [UInt64] = []
        var starts: [UInt32] = []
        var postings: [UInt32] = []
        postings.reserveCapacity(packed.count)
        let mask = UInt64(PostingLists.maxEntries)
        var previous: UInt64? = nil
        for p in packed where p != previous {
            let key = p >> PostingLists.entryBits
            if keys.last != key || keys.isEmpty {
                keys.append(key)
                starts.append(UInt32(postings.count))
            }
            postings.append(UInt32(p & mask))
            previous = p
        }
        starts.append(UInt32(postings.count))
        self.keys = keys
        self.starts = starts
        self.postings = postings
    }

    /// The list filed under `key` (empty when none).
    func list(_ key: UInt64) -> ArraySlice<UInt32> {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        guard low < keys.count, keys[low] == key else { return [] }
        return postings[Int(starts[low])..<Int(starts[low + 1])]
    }

    /// Postings held (for the memory the index takes).
    var count: Int { postings.count }
    /// Bytes held by the three arrays.
    var bytes: Int { keys.count * 8 + starts.count * 4 + postings.count * 4 }

    /// Least-significant-digit radix sort on the key bits only (16 bits a pass): stable, so postings added in entry
    /// order stay in entry order; linear in the postings, where a comparison sort of millions took several times longer.
    static func radixSortByKey(_ a: inout [UInt64]) {
        guard a.count > 1 else { return }
        var buffer = [UInt64](repeating: 0, count: a.count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        var shift = entryBits
        while shift < 64 {
            let s = shift
            for i in counts.indices { counts[i] = 0 }
            var allSame = true
            let firstDigit = Int((a[0] >> s) & 0xFFFF)
            for v in a {
                let d = Int((v >> s) & 0xFFFF)
                counts[d] += 1
                if d != firstDigit { allSame = false }
            }
            if !allSame {
                var total = 0
                for i in counts.indices {
                    let c = counts[i]
                    counts[i] = total
                    total += c
                }
                for v in a {
                    let d = Int((v >> s) & 0xFFFF)
                    buffer[counts[d]] = v
                    counts[d] += 1
                }
                swap(&a, &buffer)
            }
            shift += 16
        }
    }
}

/// One posting list, or the names in both of two lists, read in ascending order: the shorter list drives and the
/// longer is searched from where the last search left it.
struct ChainPostings {
    private var drive: ArraySlice<UInt32>
    private var probe: ArraySlice<UInt32>?
    /// Postings read from the driving list.
    private(set) var read = 0

    init(_ lists: [ArraySlice<UInt32>]) {
        let sorted = lists.sorted { $0.count < $1.count }
        drive = sorted.first ?? []
        probe = sorted.count > 1 ? sorted[1] : nil
    }

    /// The next name number in every list, or nil.
    mutating func next() -> UInt32? {
        while let d = drive.popFirst() {
            read += 1
            guard var p = probe else { return d }
            // Skip ahead in the probed list: gallop, then halve.
            var step = 1
            var low = p.startIndex
            while low + step < p.endIndex, p[low + step] < d { low += step; step *= 2 }
            var high = min(p.endIndex, low + step + 1)
            while low < high {
                let mid = (low + high) / 2
                if p[mid] < d { low = mid + 1 } else { high = mid }
            }
            p = p[low...]
            probe = p
            if p.first == d { return d }
            if p.isEmpty { drive = []; return nil }
        }
        return nil
    }
}

/// Walks several chains as one ascending list without repeats.
struct MergedPostings {
    private var chains: [ChainPostings]
    private var heads: [UInt32?]

    init(_ chains: [ChainPostings]) {
        var chains = chains
        heads = chains.indices.map { i in chains[i].next() }
        self.chains = chains
    }

    /// Postings read so far (the work done, which the structural tests hold down).
    var examined: Int { chains.reduce(0) { $0 + $1.read } }

    /// The next smallest name number in any chain, or nil when all are spent.
    mutating func next() -> Int? {
        var smallest: UInt32? = nil
        for h in heads { if let h, h < smallest ?? .max { smallest = h } }
        guard let s = smallest else { return nil }
        for i in heads.indices where heads[i] == s { heads[i] = chains[i].next() }
        return Int(s)
    }
}
