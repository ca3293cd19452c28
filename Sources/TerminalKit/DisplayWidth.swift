/// How East Asian Ambiguous characters (○, ①, §, Greek and Cyrillic in CJK fonts …) are counted.
/// Terminals differ; narrow is the default of most, wide suits some CJK terminal set-ups.
public enum AmbiguousWidth: Sendable, Hashable {
    case narrow, wide
}

/// The one place display width is computed: columns a text occupies in a terminal.
///
/// Backed by the committed table generated from Unicode's EastAsianWidth data. Works on grapheme
/// clusters (Swift `Character`), so a ZWJ emoji sequence, a flag or a base with combining marks is one
/// unit that is never split.
public struct DisplayWidth: Sendable, Hashable {
    /// The ambiguous-width setting.
    public var ambiguous: AmbiguousWidth

    /// Creates a width function with an ambiguous-width setting (default narrow).
    public init(ambiguous: AmbiguousWidth = .narrow) { self.ambiguous = ambiguous }

    /// The default: ambiguous characters are narrow.
    public static let standard = DisplayWidth()

    /// Columns of one scalar: 0, 1 or 2. Control characters count 0 (they are never drawn as themselves).
    public func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        switch DisplayWidth.tableClass(v) {
        case 0: return 0
        case 2: return 2
        case 3: return ambiguous == .wide ? 2 : 1
        default: return 1
        }
    }

    /// Columns of one grapheme cluster.
    ///
    /// The base scalar decides, except that an emoji presentation selector (U+FE0F) or a pair of regional
    /// indicators (a flag) makes the cluster wide, as terminals draw them.
    public func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return of(scalar: first) }
        if scalars.contains("\u{FE0F}") { return 2 }
        if DisplayWidth.isRegionalIndicator(first), scalars.count == 2 { return 2 }
        var width = 0
        for s in scalars {
            width = of(scalar: s)
            if width > 0 { break }
        }
        return width
    }

    /// Columns of a whole text.
    public func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for ch in text {
            if let ascii = ch.asciiValue {
                total += ascii >= 0x20 && ascii < 0x7F ? 1 : 0
            } else {
                total += of(ch)
            }
        }
        return total
    }

    static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(s.value) }

    /// Binary search of the generated table; 1 for code points it does not list.
    static func tableClass(_ v: UInt32) -> UInt8 {
        var lo = 0, hi = widthRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = widthRanges[mid]
            if v < r.0 { hi = mid - 1 } else if v > r.1 { lo = mid + 1 } else { return r.2 }
        }
        return 1
    }
}
