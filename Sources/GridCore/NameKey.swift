/// How names are compared when matching imported rows with stored ones: full-width ASCII folded to
/// half-width and all white space removed, so “ＡＢＣ小区”, “ABC 小区” and “ABC小区” are one community.
/// (Traditional and simplified forms are not folded.)
public enum NameKey {
    /// The comparison key of a name.
    public static func of(_ name: String) -> String {
        // Most names (Chinese and lower-case ASCII) are their own key: found without building a new string.
        if isOwnKey(name) { return name }
        var out = String.UnicodeScalarView()
        for s in FullWidth.fold(name).unicodeScalars where !s.properties.isWhitespace {
            out.append(s)
        }
        return String(out).lowercased()
    }

    /// Whether folding, removing white space and lower-casing leave `name` as it is: every byte printable ASCII other
    /// than a capital or a space, or part of a character in U+3001…U+9FFF (CJK punctuation, kana, ideographs: no
    /// case, no white space, nothing `FullWidth` folds). Conservative: anything else takes the full path.
    static func isOwnKey(_ name: String) -> Bool {
        var utf8 = name.utf8.makeIterator()
        while let b = utf8.next() {
            switch b {
            case 0x21...0x40, 0x5B...0x7E: continue
            case 0xE3:
                // U+3000 (E3 80 80) is the ideographic space.
                guard let b1 = utf8.next(), let b2 = utf8.next(), !(b1 == 0x80 && b2 == 0x80) else { return false }
            case 0xE4...0xE9:
                guard utf8.next() != nil, utf8.next() != nil else { return false }
            default:
                return false
            }
        }
        return true
    }
}

/// Full-width ASCII (Ｕ+FF01…FF5E) and the ideographic space folded to ASCII.
public enum FullWidth {
    /// The text with full-width ASCII letters, digits and punctuation made half-width.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(s.value), let half = Unicode.Scalar(s.value - 0xFEE0) {
                out.append(half)
            } else if s.value == 0x3000 {
                out.append(" ")
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Only full-width letters and digits (Ａ–Ｚ, ａ–ｚ, ０–９) made half-width: what stored names get, so
    /// ＡＢＣ国际公寓 is stored as ABC国际公寓 while Chinese punctuation such as （一期） stays as written.
    public static func foldAlphanumerics(_ text: String) -> String {
        // Full-width forms are EF BC/BD xx in UTF-8: most cells have none and are returned untouched.
        guard text.utf8.contains(0xEF) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: out.append(Unicode.Scalar(s.value - 0xFEE0)!)
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// Half-width ASCII letters and digits made full-width: the other spelling of a name typed on the command
    /// line, for names stored before imports folded them.
    public static func widenAlphanumerics(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: out.append(Unicode.Scalar(s.value + 0xFEE0)!)
            default: out.append(s)
            }
        }
        return String(out)
    }
}

