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

    /// Packs what `builder` collected: sorted by key (stably, so each list stays in entry order), duplicates dropped.
    init(_ builder: Builder) {
        var packed = builder.packed
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

/// Walks several posting lists as one ascending list without repeats, counting what it hands out.
struct MergedPostings {
    private var lists: [ArraySlice<UInt32>]
    /// Candidates handed out so far.
    private(set) var examined = 0

    init(_ lists: [ArraySlice<UInt32>]) {
        self.lists = lists.filter { !$0.isEmpty }
    }

    /// The next smallest name number in any list, or nil when all are spent.
    mutating func next() -> Int? {
        var smallest: UInt32? = nil
        for l in lists { if let f = l.first, f < smallest ?? .max { smallest = f } }
        guard let s = smallest else { return nil }
        for i in lists.indices where lists[i].first == s { lists[i].removeFirst() }
        examined += 1
        return Int(s)
    }
}
