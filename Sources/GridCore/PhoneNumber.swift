/// Chinese phone numbers as offices write them, in one stored form: mobile `13957612345`, landline
/// `0576-87781234` (area code 3–4 digits, number 7–8, optional extension `-123`), service numbers `400-123-4567`.
/// Accepted spellings include `(0576)87781234`, `0576 87791234`, `0576－8778 1234`, `139-5761-2345`, `+86 139…`.
public enum PhoneNumber {
    /// The number in its stored form and whether it is a valid mobile or landline; an invalid one comes back
    /// as written (full-width folded, trimmed).
    public static func normalise(_ raw: String) -> (text: String, valid: Bool) {
        // Most cells are a mobile number as stored: 11 ASCII digits, 1 then 3–9.
        let u = raw.utf8
        if u.count == 11, u.first == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(u[u.index(after: u.startIndex)]),
           u.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            return (raw, true)
        }
        let folded = FullWidth.fold(raw).trimmingWhitespace()
        guard !folded.isEmpty else { return ("", true) }
        guard folded.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == " " || $0 == "(" || $0 == ")" || $0 == "+") }) else {
            return (folded, false)
        }
        var digits = folded.filter(\.isNumber)
        let hasParens = folded.contains("(")
        if !hasParens {
            if digits.hasPrefix("0086") && digits.count == 15 { digits.removeFirst(4) } else if digits.hasPrefix("86") && digits.count == 13 { digits.removeFirst(2) }
            let d = Array(digits.utf8)
            if d.count == 11, d[0] == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(d[1]) { return (digits, true) }
            if d.count == 10, digits.hasPrefix("400") || digits.hasPrefix("800") {
                return ("\(digits.prefix(3))-\(digits.dropFirst(3).prefix(3))-\(digits.suffix(4))", true)
            }
        }
        var area = "", rest: [String] = []
        if hasParens, let open = folded.firstIndex(of: "("), let close = folded.firstIndex(of: ")"), open < close {
            area = String(folded[folded.index(after: open)..<close]).filter(\.isNumber)
            rest = groups(String(folded[folded.index(after: close)...]))
        } else {
            let parts = groups(folded)
            if parts.count >= 2 {
                area = parts[0]
                rest = Array(parts.dropFirst())
            } else if let only = parts.first, only.hasPrefix("0"), only.count >= 10 {
                let second = only.dropFirst().first
                let length = second == "1" || second == "2" ? 3 : 4
                area = String(only.prefix(length))
                rest = [String(only.dropFirst(length))]
            }
        }
        guard area.hasPrefix("0"), (3...4).contains(area.count), !rest.isEmpty else { return (folded, false) }
        var number = rest[0], ext = rest.dropFirst().joined()
        if !(7...8).contains(number.count) || (7...8).contains(rest.joined().count) { (number, ext) = (rest.joined(), "") }
        guard (7...8).contains(number.count), !number.hasPrefix("0"), ext.count <= 6 else { return (folded, false) }
        return (ext.isEmpty ? "\(area)-\(number)" : "\(area)-\(number)-\(ext)", true)
    }

    /// Runs of digits separated by spaces, dashes or brackets.
    static func groups(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isNumber }).map(String.init)
    }
}
