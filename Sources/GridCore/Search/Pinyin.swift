/// Toneless pinyin readings of Han characters — every reading of a polyphonic one (长 chang/zhang, 行 xing/hang,
/// 重 zhong/chong) — from the generated `PinyinTable` (Scripts/gen-pinyin-table.py).
public enum Pinyin {
    /// The decoded table: syllables, distinct reading sets, and each code point's set.
    struct Decoded: Sendable {
        var syllables: [String]
        var sets: [[UInt16]]
        var codes: [UInt16]
    }

    /// Decoded once, on first use (a few milliseconds).
    static let decoded: Decoded = {
        let syllables = PinyinTable.syllables.split(separator: " ").map(String.init)
        let sets = PinyinTable.sets.split(separator: "|", omittingEmptySubsequences: false).map { set in
            set.split(separator: ",").compactMap { UInt16($0) }
        }
        var value: [UInt8: UInt16] = [:]
        for (i, c) in PinyinTable.alphabet.utf8.enumerated() { value[c] = UInt16(i) }
        let bytes = Array(PinyinTable.codes.utf8)
        var codes: [UInt16] = []
        codes.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            codes.append((value[bytes[i]] ?? 0) * 64 + (value[bytes[i + 1]] ?? 0))
            i += 2
        }
        return Decoded(syllables: syllables, sets: sets, codes: codes)
    }()

    /// Every toneless reading of `scalar` (ü as v), empty for anything that is not a Han character in the table.
    public static func readings(_ scalar: Unicode.Scalar) -> [String] {
        guard scalar.value >= PinyinTable.first, scalar.value <= PinyinTable.last else { return [] }
        let t = decoded
        let index = Int(scalar.value - PinyinTable.first)
        guard index < t.codes.count else { return [] }
        let set = Int(t.codes[index])
        guard set < t.sets.count else { return [] }
        return t.sets[set].map { t.syllables[Int($0)] }
    }

    /// The numbers of `scalar`'s readings in `decoded.syllables` (what the search index keys on), empty when not in
    /// the table.
    static func readingIDs(_ scalar: Unicode.Scalar) -> [UInt16] {
        guard scalar.value >= PinyinTable.first, scalar.value <= PinyinTable.last else { return [] }
        let t = decoded
        let index = Int(scalar.value - PinyinTable.first)
        guard index < t.codes.count, Int(t.codes[index]) < t.sets.count else { return [] }
        return t.sets[Int(t.codes[index])]
    }

    /// Every toneless reading of a character (its first scalar).
    public static func readings(_ character: Character) -> [String] {
        character.unicodeScalars.first.map(readings) ?? []
    }
}
