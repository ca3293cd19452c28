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
}

/// Chinese phone numbers as offices write them: mobile `13812345678`, landline `0571-87654321` (area code
/// 3–4 digits, number 7–8, optional extension).
public enum PhoneNumber {
    /// The number normalised (half-width, spaces removed), and whether it is a valid mobile or landline.
    public static func normalise(_ raw: String) -> (text: String, valid: Bool) {
        let folded = FullWidth.fold(raw).filter { !$0.isWhitespace && $0 != "(" && $0 != ")" }
        guard !folded.isEmpty else { return ("", true) }
        let digits = Array(folded.filter(\.isNumber))
        let onlyDigitsAndDashes = folded.allSatisfy { $0.isNumber || $0 == "-" }
        let isMobile = onlyDigitsAndDashes && digits.count == 11 && digits[0] == "1" && "3456789".contains(digits[1])
        let parts = folded.split(separator: "-").map(String.init)
        var isLandline = folded.hasPrefix("0") && onlyDigitsAndDashes && (2...3).contains(parts.count)
        if isLandline { isLandline = (3...4).contains(parts[0].count) && (7...8).contains(parts[1].count) }
        return (folded, isMobile || isLandline)
    }
}
