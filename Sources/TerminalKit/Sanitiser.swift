/// The one rule for text that reaches a terminal: anything a terminal could take as a command is shown
/// visibly instead of being sent.
///
/// Names, notes and file contents come from other people. A name holding `ESC ] 52 ; c ; … BEL` would write the
/// operator's clipboard, `ESC [ 2 J` would clear the screen, U+009B is an 8-bit CSI, and a bidi override would
/// make a line read differently from what it holds. Every text the command line prints and every cell the
/// console draws goes through `Sanitiser`:
///
/// - C0 controls (U+0000–U+001F) become their control pictures (`␛` for ESC, `␇` for BEL, `␊` for a line feed
///   that the caller did not allow …);
/// - DEL (U+007F) becomes `␡`;
/// - C1 controls (U+0080–U+009F), bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the
///   directional marks (U+200E, U+200F, U+061C) and the line/paragraph separators (U+2028, U+2029) become
///   their code written out, e.g. `\u{9B}`.
///
/// Everything else passes unchanged; a text without such characters is returned as it is (no copy).
public enum Sanitiser {
    /// The replacement shown for `scalar`, or nil when the scalar is safe to send.
    public static func replacement(for scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        switch v {
        case 0x00..<0x20:
            return String(Unicode.Scalar(0x2400 + v)!)
        case 0x7F:
            return "\u{2421}"
        case 0x80..<0xA0, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{" + String(v, radix: 16, uppercase: true) + "}"
        default:
            return nil
        }
    }

    /// Whether `scalar` must not be sent to a terminal as it is.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        if v < 0xA0 { return true }
        if v < 0x061C { return false }
        return v == 0x061C || v == 0x200E || v == 0x200F || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `text` with every unsafe scalar replaced by its visible form. Scalars in `allowing` (for example `"\n"`
    /// for multi-line command-line output) pass unchanged; only C0 characters may be allowed.
    public static func clean(_ text: String, allowing: Set<Unicode.Scalar> = []) -> String {
        guard needsCleaning(text, allowing: allowing) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isUnsafe(s), !(s.value < 0x20 && allowing.contains(s)), let r = replacement(for: s) {
                out.append(contentsOf: r.unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Whether `clean(text, allowing:)` would change `text`.
    public static func needsCleaning(_ text: String, allowing: Set<Unicode.Scalar> = []) -> Bool {
        // Fast path over UTF-8: every unsafe scalar starts with a byte below 0x20, 0x7F, 0xC2 (C1), 0xD8
        // (U+061C) or 0xE2 (U+200E…); text without those bytes is clean.
        let suspicious = text.utf8.contains { b in b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 }
        guard suspicious else { return false }
        return text.unicodeScalars.contains { isUnsafe($0) && !($0.value < 0x20 && allowing.contains($0)) }
    }

    /// Command-line text: like `clean`, but line feeds and tabs pass (they lay out multi-line output and cannot
    /// move the cursor anywhere a reader would not expect); a carriage return is still shown as `␍`.
    public static func forLines(_ text: String) -> String { clean(text, allowing: ["\n", "\t"]) }
}
