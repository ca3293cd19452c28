/// The keys the name index files a name under, and the keys a query looks up.
///
/// A match takes the query in segments, one per character of the name: the character itself, one of its readings, or
/// a reading's initial (`zh`, `ch`, `sh` too); only the last segment may stop inside a reading. Every segment begins
/// with the character's *key* — itself, or the first letter of one of its readings — so a name can only match where
/// one character stands for the query's first segment (as itself, an initial or a whole reading) and the next
/// carries the key the second segment begins with. The index files each name under those adjacent pairs (and single
/// characters, for one-segment queries); a query's few possible first segments name the lists to read — with the
/// pair for its second and third segments too when it cannot end in its second — and `NameMatcher` confirms each
/// candidate.
enum SearchKeys {
    /// A token is a 21-bit number: a character's first scalar (an ASCII letter doubles as a reading's initial), or
    /// `syllableBase` + a syllable number for a whole reading.
    typealias Token = UInt32

    static let syllableBase: Token = 0x11_0000
    static let tokenBits: UInt64 = 21

    /// One character of a name, as the index sees it.
    struct CharKeys: Sendable {
        /// The character itself.
        var literal: Token
        /// The first letters of its readings (not repeating `literal`).
        var initials: [Token]
        /// Its readings of two letters or more (a one-letter reading is its initial).
        var readings: [Token]

        init(_ ch: Character) {
            let scalar = ch.unicodeScalars.first ?? " "
            literal = scalar.value
            var initials: [Token] = []
            var readings: [Token] = []
            for id in Pinyin.readingIDs(scalar) {
                let syllable = SearchKeys.syllables[Int(id)]
                let first = Token(syllable[0])
                if first != literal, !initials.contains(first) { initials.append(first) }
                if syllable.count > 1 { readings.append(syllableBase + Token(id)) }
            }
            self.initials = initials
            self.readings = readings
            allTokens = [literal] + initials + readings
            nextAfterLetters = literal >= 0x80 && !initials.isEmpty ? initials : [literal] + initials
            nextAfterOther = [literal] + initials
        }

        /// What a segment beginning here can stand for: the character, an initial, a whole reading.
        private(set) var allTokens: [Token] = []

        /// `nextKeys` after letters and after anything else, made once (the build asks for them millions of times).
        private(set) var nextAfterLetters: [Token] = []
        private(set) var nextAfterOther: [Token] = []

        /// What a following segment can begin with, as filed in pairs: an initial, or the character itself. A
        /// letter-typed segment followed by a Hanzi is looked up by that Hanzi's initials, so the pair of letters
        /// and Hanzi is not filed (it is rarely typed and would double the pairs).
        func nextKeys(after first: Token) -> [Token] {
            SearchKeys.isLetters(first) ? nextAfterLetters : nextAfterOther
        }
    }

    /// Every name's characters as numbers into one table of `CharKeys`, end to end (`starts` has one more element
    /// than there are names).
    struct Names {
        var table: [CharKeys]
        var chars: [UInt32]
        var starts: [Int]

        enum Kind { case singles, pairs }

        /// Calls `body` with every (key, name) posting of `kind`, names in ascending order; only at the first
        /// character(s) when `startOnly`.
        func forEachPosting(_ kind: Kind, startOnly: Bool, _ body: (UInt64, Int) -> Void) {
            for entry in 0..<(starts.count - 1) {
                let from = starts[entry], to = starts[entry + 1]
                let last = startOnly ? min(from + 1, to) : to
                for n in from..<last {
                    let c = table[Int(chars[n])]
                    let tokens = c.allTokens
                    switch kind {
                    case .singles:
                        for t in tokens { body(UInt64(t), entry) }
                    case .pairs:
                        guard n + 1 < to else { continue }
                        let next = table[Int(chars[n + 1])]
                        for t in tokens {
                            for k in next.nextKeys(after: t) { body(SearchKeys.pair(t, k), entry) }
                        }
                    }
                }
            }
        }
    }

    /// Whether a token stands for typed letters (a reading, or a letter that may be an initial).
    static func isLetters(_ token: Token) -> Bool {
        token >= syllableBase || (token >= 0x61 && token <= 0x7A)
    }

    /// The syllables as bytes, by number.
    static let syllables: [[UInt8]] = Pinyin.decoded.syllables.map { Array($0.utf8) }

    /// A pair of tokens as one key.
    static func pair(_ a: Token, _ b: Token) -> UInt64 { UInt64(a) << tokenBits | UInt64(b) }

    /// The lists a query reads. Each chain is the pair of keys its first two segments begin with and, when the query
    /// cannot end in its second segment, the pair for its second and third: a name matching that way is in both
    /// lists. `singles` are tokens for a query that may be one segment. Every name that matches is in one of them.
    struct Plan: Equatable {
        var chains: [[UInt64]] = []
        var singles: [Token] = []
    }

    /// The plan for a folded query.
    static func plan(_ query: String) -> Plan {
        let q = Array(query)
        guard let head = q.first else { return Plan() }
        var plan = Plan()
        if q.count == 1 { plan.singles.append(head.unicodeScalars.first!.value) }
        if q.count > 1, q.allSatisfy({ $0.isASCII && $0.isLetter }) {
            let letters = q.map { $0.asciiValue! }
            // The whole query may be one reading, or the start of one.
            for (id, syllable) in syllables.enumerated() where syllable.starts(with: letters) {
                plan.singles.append(syllableBase + Token(id))
            }
        }
        var whole: Set<UInt64> = []
        var chains: Set<[UInt64]> = []
        for first in segments(q, at: 0) {
            for key in nextKeys(after: first.token, q[first.length]) {
                let head = pair(first.token, key)
                if mayEnd(q, at: first.length) {
                    whole.insert(head)
                    continue
                }
                for second in segments(q, at: first.length) {
                    for next in nextKeys(after: second.token, q[first.length + second.length]) {
                        chains.insert([head, pair(second.token, next)])
                    }
                }
            }
        }
        plan.chains = whole.sorted().map { [$0] } + chains.filter { !whole.contains($0[0]) }.sorted { $0.lexicographicallyPrecedes($1) }
        return plan
    }

    /// How a segment that is not the query's last can begin at `p`: the character typed (one letter doubles as an
    /// initial), `zh`/`ch`/`sh` as an initial, or a whole reading.
    static func segments(_ q: [Character], at p: Int) -> [(token: Token, length: Int)] {
        let rest = q.count - p
        guard rest > 1 else { return [] }
        let head = q[p].unicodeScalars.first!.value
        var out: [(token: Token, length: Int)] = [(head, 1)]
        let letters = q[p...].prefix { $0.isASCII && $0.isLetter }.map { $0.asciiValue! }
        guard letters.count > 1 else { return out }
        if rest > 2, letters[1] == UInt8(ascii: "h"), [UInt8(ascii: "z"), UInt8(ascii: "c"), UInt8(ascii: "s")].contains(letters[0]) {
            out.append((head, 2))
        }
        for (id, syllable) in syllables.enumerated() where syllable.count > 1 && syllable.count < rest && letters.starts(with: syllable) {
            out.append((syllableBase + Token(id), syllable.count))
        }
        return out
    }

    /// Whether the query from `p` may be its last segment: one character, or letters that start a reading.
    static func mayEnd(_ q: [Character], at p: Int) -> Bool {
        if q.count - p == 1 { return true }
        guard q[p...].allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        let letters = q[p...].map { $0.asciiValue! }
        return syllables.contains { $0.starts(with: letters) }
    }

    /// The keys a segment `first` can be followed by when the next character typed is `ch`: a letter or a character
    /// is looked up as itself, except a Hanzi after letters, looked up by its initials (see `CharKeys.nextKeys`).
    static func nextKeys(after first: Token, _ ch: Character) -> [Token] {
        let next = CharKeys(ch)
        return isLetters(first) && next.literal >= 0x80 && !next.initials.isEmpty ? next.initials : [next.literal]
    }
}
