/// How names are compared when matching imported rows with stored ones: full-width ASCII folded to
/// half-width and all white space removed, so “ＡＢＣ小区”, “ABC 小区” and “ABC小区” are one community.
/// (Traditional and simplified forms are not folded.)
public enum NameKey {
    /// The comparison key of a name.
    public static func of(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for s in FullWidth.fold(name).unicodeScalars where !s.properties.isWhitespace {
            out.append(s)
        }
        return String(out).lowercased()
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

