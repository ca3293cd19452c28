/// What text may enter the database: the one rule, used by every service where text comes in (status notes,
/// case descriptions and reasons, operator names) and by the importer for every cell it maps.
///
/// Names (communities, streets, units, property companies, people, operators) are one line of at most
/// `nameLimit` characters; notes, descriptions and reasons at most `noteLimit` characters and may hold line
/// breaks and tabs. Neither may hold other control characters (C0, DEL, C1) nor bidi embedding, override or
/// isolate controls and directional marks, which could act on a terminal or make text read other than it is.
public enum TextRules {
    /// Longest name, in characters.
    public static let nameLimit = 100
    /// Longest note, description or reason, in characters.
    public static let noteLimit = 2_000

    /// Refuses a name (`field` says which, e.g. "小区名称" or "--name") that is too long or holds a control
    /// character. An empty name passes: whether one is required is the caller's rule.
    public static func checkName(_ text: String, field: @autoclosure () -> String) throws(GridError) {
        try check(text, field: field(), limit: nameLimit, allowLineBreaks: false)
    }

    /// Refuses a note, description or reason that is too long or holds a control character other than a
    /// line break or tab.
    public static func checkNote(_ text: String, field: @autoclosure () -> String) throws(GridError) {
        try check(text, field: field(), limit: noteLimit, allowLineBreaks: true)
    }

    /// The first forbidden scalar in `text`, if any (line feed, carriage return and tab allowed when
    /// `allowLineBreaks`).
    public static func forbiddenScalar(in text: String, allowLineBreaks: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { s in
            if allowLineBreaks && (s == "\n" || s == "\r" || s == "\t") { return false }
            return isForbidden(s)
        }
    }

    /// C0, DEL, C1, the bidi controls and marks, and the line/paragraph separators.
    public static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func check(_ text: String, field: @autoclosure () -> String, limit: Int, allowLineBreaks: Bool) throws(GridError) {
        // Every forbidden scalar is encoded with a byte below 0x20, 0x7F, or a lead byte C2 (C1), D8 (U+061C) or E2
        // (the U+20xx marks): text with none of them has none, and with no more bytes than the limit, passes at once.
        let suspect = text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
        if !suspect && text.utf8.count <= limit { return }
        let field = field()
        if suspect, let bad = forbiddenScalar(in: text, allowLineBreaks: allowLineBreaks) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw .invalidInput("\(field) holds the control character \(code)\(allowLineBreaks ? "" : " (a name is one line of plain text)"); "
                + "remove it — control characters could act on the terminal of whoever reads it")
        }
        // Counting stops one past the limit, so a 10 MB name is refused without walking all of it.
        var count = 0
        for _ in text {
            count += 1
            if count > limit {
                throw .invalidInput("\(field) is longer than \(limit) characters; shorten it"
                    + (allowLineBreaks ? "" : " (a name, not a description)"))
            }
        }
    }
}
