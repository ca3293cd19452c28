/// The office's own order of streets and communities (排序): an office order number when the office gave one
/// (imported from a 排序/序号 column or set with `civgrid order`), and otherwise the pinyin of the name — so 城关镇
/// (cheng) comes before 兰平镇 (lan), not after it as Unicode code points would have it.
///
/// Every listing sorts by (office order, no number last; `collationKey(name)`; name; id). The store keeps the
/// key beside each name so SQL can order and keyset-page by it from an index.
public enum OfficeOrder {
    /// The office order numbers accepted: what a 排序 column or `civgrid order` may give.
    public static let range = 0...999_999

    /// Throws a message naming `what` unless `order` is an accepted office order number.
    public static func check(_ order: Int, what: String) throws(GridError) {
        guard range.contains(order) else {
            throw .invalidInput("\(what): office order \(order) is out of range; give a whole number from "
                + "\(range.lowerBound) to \(range.upperBound), or clear it (`--clear`, or an empty 排序 cell)")
        }
    }

    /// Reads an office order as typed in a sheet or on the command line: digits (full-width ones too), with
    /// surrounding spaces; nil for anything else.
    public static func parse(_ text: String) -> Int? {
        let folded = FullWidth.fold(text).trimmingWhitespace()
        guard !folded.isEmpty, folded.count <= 7, folded.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
              let n = Int(folded), range.contains(n) else { return nil }
        return n
    }

    /// The collation key of a name: what orders names that have no office order number (and ties between
    /// equal numbers). Each Han character becomes its toneless pinyin, a run of Latin letters becomes lower
    /// case, a run of digits is zero-padded to ten places (so 2号楼 comes before 10号楼); tokens are separated by
    /// a space, so syllable boundaries order as in a dictionary (西安 xi an before 先 xian). Letters and pinyin
    /// interleave (A区 with the a- syllables); digits come before letters; punctuation is dropped and any other
    /// character (a Han character outside the pinyin table) is kept as itself, sorting after every letter.
    ///
    /// A polyphonic character is read one way, by `reading(of:)` (deterministic: a place-name reading where one
    /// is listed, else its most common reading). Full-width letters and digits are folded first.
    public static func collationKey(_ name: String) -> String {
        var tokens: [String] = []
        var run = "", runIsDigits = false
        func flush() {
            guard !run.isEmpty else { return }
            tokens.append(runIsDigits ? padded(run) : run.lowercased())
            run = ""
        }
        for scalar in FullWidth.fold(name).unicodeScalars {
            let v = scalar.value
            let isDigit = (0x30...0x39).contains(v), isLetter = (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
            if isDigit || isLetter {
                if !run.isEmpty && runIsDigits != isDigit { flush() }
                runIsDigits = isDigit
                run.unicodeScalars.append(scalar)
                continue
            }
            flush()
            if let reading = reading(of: scalar) {
                tokens.append(reading)
            } else if !scalar.properties.isWhitespace && !scalar.properties.generalCategory.isPunctuationOrSymbol && v >= 0x80 {
                tokens.append(String(scalar))
            }
        }
        flush()
        return tokens.joined(separator: " ")
    }

    /// The one reading a character sorts by, deterministic: for the few polyphonic characters whose reading in
    /// place and street names differs from their most common one, that reading (长 chang as in 长安路, 都 du as in
    /// 成都路, 曾 zeng as in 曾家, 重 chong as in 重庆路); for every other polyphonic character its most common
    /// reading (the first pypinyin lists, `PinyinPreferred`: 平 ping, 明 ming, 厦 sha as in 大厦); else its only
    /// reading. Nil for a character with no reading (not Han, or outside the table).
    public static func reading(of scalar: Unicode.Scalar) -> String? {
        if let place = placeReadings[scalar] { return place }
        if let first = preferred[scalar] { return first }
        return Pinyin.readings(scalar).first
    }

    /// Place-name readings that differ from the most common one.
    static let placeReadings: [Unicode.Scalar: String] = [
        "长": "chang", "都": "du", "曾": "zeng", "重": "chong",
    ]

    /// `PinyinPreferred.pairs` decoded once: polyphonic character → its most common reading.
    static let preferred: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        var current: Unicode.Scalar?
        var reading = ""
        for scalar in PinyinPreferred.pairs.unicodeScalars {
            if scalar.isASCII {
                reading.unicodeScalars.append(scalar)
                continue
            }
            if let c = current { table[c] = reading }
            current = scalar
            reading = ""
        }
        if let c = current { table[c] = reading }
        return table
    }()

    /// A digit run padded to ten places (leading zeros dropped first), so numbers order by value.
    static func padded(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        let core = trimmed.isEmpty ? "0" : String(trimmed)
        return core.count >= 10 ? core : String(repeating: "0", count: 10 - core.count) + core
    }
}

extension Unicode.GeneralCategory {
    /// Punctuation (（）·、—) and symbols (＋ ￥): left out of collation keys.
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}

/// A street or community's office order as set (nil: none, ordered by pinyin), for a `ChangeSet`.
public struct OrderFact: Hashable, Sendable {
    /// The street or community.
    public var node: GridNode
    public var order: Int?

    /// Creates an order fact.
    public init(node: GridNode, order: Int?) {
        self.node = node
        self.order = order
    }
}

/// Where a community sits in board order: its street's place, then its own order number (none last), pinyin key,
/// name and id. The board keeps the key of a loaded row so the next window is read from there (keyset paging).
public struct BoardOrderKey: Hashable, Sendable {
    /// The street's place among all streets (offices first, then the streets' own order).
    public var streetRank: Int64
    /// The community's office order, or `Int64.max` when it has none.
    public var order: Int64
    public var pinyin: String
    public var name: String
    public var id: RowID

    /// Creates a key.
    public init(streetRank: Int64, order: Int64, pinyin: String, name: String, id: RowID) {
        self.streetRank = streetRank
        self.order = order
        self.pinyin = pinyin
        self.name = name
        self.id = id
    }

    /// The stored sort value of an office order: no number sorts after every number.
    public static func orderValue(_ order: Int?) -> Int64 { order.map(Int64.init) ?? Int64.max }
}
