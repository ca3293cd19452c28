/// Matches a name against what an operator types: any part of the name, in Hanzi, full pinyin, initials, or any mix
/// (`阳光`, `yangguang`, `ygxq`, `阳光xq`, `yangg`), case-insensitive, by any reading of a polyphonic character.
public struct NameMatcher: Sendable {
    /// One character of a name: itself (folded, lower-case) and its readings.
    struct Token: Sendable {
        var literal: [UInt8]
        var readings: [[UInt8]]

        /// Whether a query starting with `byte` can begin at this character.
        func canStart(with byte: UInt8) -> Bool {
            literal.first == byte || readings.contains { $0.first == byte }
        }
    }

    let tokens: [Token]

    /// Prepares `name` for matching.
    public init(_ name: String) {
        var cache: [Character: Token] = [:]
        self.init(name, cache: &cache)
    }

    /// Prepares `name`, reusing the tokens of characters already seen (an index of many names repeats most).
    init(_ name: String, cache: inout [Character: Token]) {
        tokens = NameMatcher.fold(name).map { ch in
            if let known = cache[ch] { return known }
            let token = Token(literal: Array(String(ch).utf8), readings: Pinyin.readings(ch).map { Array($0.utf8) })
            cache[ch] = token
            return token
        }
    }

    /// Whether `query` (folded, UTF-8) matches from the first character on.
    func matchesAtStart(_ q: [UInt8]) -> Bool {
        guard let first = q.first, let t = tokens.first, t.canStart(with: first) else { return false }
        return accepts(from: 0, q, 0)
    }

    /// What the operator typed, folded like names (full-width made half-width, lower-case, no spaces).
    public static func fold(_ text: String) -> String {
        FullWidth.fold(text).lowercased().filter { !$0.isWhitespace && $0 != "'" }
    }

    /// Where and how `query` (already folded) matches: the start of the matched run of characters and, for each
    /// character, how it was typed (itself, its reading, or its initial). Nil when it does not match.
    public func match(_ query: String) -> NameMatch? {
        let q = Array(query.utf8)
        guard !q.isEmpty else { return nil }
        for start in tokens.indices {
            if let steps = walk(from: start, q, 0) { return NameMatch(start: start, steps: steps) }
        }
        return nil
    }

    /// The index of the first character of the first place `query` (folded, as UTF-8) matches, or nil. The same walk as
    /// `match`, without recording how: search calls this for every candidate and `match` only for the hits it shows.
    public func firstMatch(_ q: [UInt8]) -> Int? {
        guard let first = q.first else { return nil }
        for start in tokens.indices where tokens[start].canStart(with: first) {
            if accepts(from: start, q, 0) { return start }
        }
        return nil
    }

    func accepts(from n: Int, _ q: [UInt8], _ i: Int) -> Bool {
        if i == q.count { return true }
        guard n < tokens.count else { return false }
        let t = tokens[n]
        if q.starts(at: i, with: t.literal), accepts(from: n + 1, q, i + t.literal.count) { return true }
        for r in t.readings {
            if q.starts(at: i, with: r), accepts(from: n + 1, q, i + r.count) { return true }
            if q.count - i < r.count, r.starts(at: 0, with: q[i...]) { return true }
            if r[0] == q[i] {
                if accepts(from: n + 1, q, i + 1) { return true }
                if r.count > 1, r[1] == UInt8(ascii: "h"), i + 1 < q.count, q[i + 1] == r[1], accepts(from: n + 1, q, i + 2) { return true }
            }
        }
        return false
    }

    /// Depth-first over the characters from `n`, consuming the query from `i`; the first way through wins.
    func walk(from n: Int, _ q: [UInt8], _ i: Int) -> [NameMatch.Step]? {
        if i == q.count { return [] }
        guard n < tokens.count else { return nil }
        let t = tokens[n]
        if q.starts(at: i, with: t.literal), let rest = walk(from: n + 1, q, i + t.literal.count) { return [.literal] + rest }
        for r in t.readings where q.starts(at: i, with: r) {
            if let rest = walk(from: n + 1, q, i + r.count) { return [.reading(r)] + rest }
        }
        // The last syllable may be cut short (`yangg` finds 阳光 as it is typed) — after whole readings, so that `lu`
        // shows 路 as lu, not as the start of its other reading luo.
        for r in t.readings where q.count - i < r.count && r.starts(at: 0, with: q[i...]) {
            return [.partial(r, typed: q.count - i)]
        }
        for r in t.readings where r.first == q[i] {
            if let rest = walk(from: n + 1, q, i + 1) { return [.initial(r)] + rest }
            // zh, ch, sh typed as the initial.
            if r.count > 1, [UInt8(ascii: "h")].contains(r[1]), i + 1 < q.count, q[i + 1] == r[1],
               let rest = walk(from: n + 1, q, i + 2) {
                return [.initial(r)] + rest
            }
        }
        return nil
    }
}

/// How a query matched a name.
public struct NameMatch: Hashable, Sendable {
    /// How one character was typed.
    public enum Step: Hashable, Sendable {
        case literal
        case reading([UInt8])
        case initial([UInt8])
        /// The query ended inside this reading after `typed` letters.
        case partial([UInt8], typed: Int)
    }

    /// The index of the first matched character.
    public var start: Int
    public var steps: [Step]

    /// Whether the name was typed as it is written (no pinyin).
    public var isLiteral: Bool { steps.allSatisfy { $0 == .literal } }

    /// Whether a character was typed by its initial and the next one by its whole reading (`xing z(hi) heng`): a
    /// looser reading of the query than one going straight through whole readings or initials, so it ranks lower.
    public var skipsBetweenReadings: Bool {
        zip(steps, steps.dropFirst()).contains { pair in
            if case .initial = pair.0, case .reading = pair.1 { return true }
            return false
        }
    }

    /// `yang guang x(iao) q(u)`: the readings the query went through, empty when typed as written.
    public var reason: String {
        guard !isLiteral else { return "" }
        return steps.map { step in
            switch step {
            case .literal: "·"
            case .reading(let r): String(decoding: r, as: UTF8.self)
            case .initial(let r): "\(Character(Unicode.Scalar(r[0])))(\(String(decoding: r.dropFirst(), as: UTF8.self)))"
            case .partial(let r, let typed):
                "\(String(decoding: r.prefix(typed), as: UTF8.self))(\(String(decoding: r.dropFirst(typed), as: UTF8.self)))"
            }
        }.joined(separator: " ")
    }
}

extension Array where Element == UInt8 {
    /// Whether `other` occurs here at `index`.
    func starts<C: Collection>(at index: Int, with other: C) -> Bool where C.Element == UInt8 {
        guard index + other.count <= count else { return false }
        var i = index
        for b in other {
            if self[i] != b { return false }
            i += 1
        }
        return true
    }
}
