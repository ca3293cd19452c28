/// A calendar date without time of day, as the office writes deadlines ("2026-12-03").
///
/// Pure arithmetic over the proleptic Gregorian calendar (days-from-civil), so the domain needs no
/// Foundation calendar and tests can inject any "today".
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    /// Creates a day from its ordinal (days since 1970-01-01).
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Creates a day from year, month and day, or nil if the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        ordinal = Day.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` (also accepts `YYYY/MM/DD` and `YYYY.MM.DD`, as offices type them).
    public init?(_ text: String) {
        // The stored form is parsed straight from its bytes: board windows decode thousands of dates.
        if let fast = Day.parseStored(text.utf8) {
            self = fast
            return
        }
        let parts = text.trimmingWhitespace().split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts[0].count == 4,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD` exactly, from bytes; nil for anything else (the slow path handles other forms).
    static func parseStored<C: Collection>(_ bytes: C) -> Day? where C.Element == UInt8 {
        guard bytes.count == 10 else { return nil }
        var digits: [Int] = []
        digits.reserveCapacity(8)
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 7 {
                guard b == UInt8(ascii: "-") else { return nil }
            } else {
                guard b >= 48, b <= 57 else { return nil }
                digits.append(Int(b - 48))
            }
        }
        let y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        return Day(year: y, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
    }

    /// The civil (year, month, day) of this day.
    public var civil: (year: Int, month: Int, day: Int) { Day.civilFromDays(ordinal) }

    /// ISO form `YYYY-MM-DD`, the form stored in the database.
    public var description: String {
        let c = civil
        return "\(c.year)-\(Day.pad2(c.month))-\(Day.pad2(c.day))"
    }

    /// The day `n` days later (or earlier for negative `n`).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// Weekday, 1 = Monday … 7 = Sunday.
    public var weekday: Int { ((ordinal % 7 + 7 + 3) % 7) + 1 }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// Days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space, including the ideographic space U+3000.
    public func trimmingWhitespace() -> String {
        // Most cells start and end with an ideograph or visible ASCII: nothing to trim.
        if let first = unicodeScalars.first, let last = unicodeScalars.last, first.isPlainEdge, last.isPlainEdge { return String(self) }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}

extension Unicode.Scalar {
    /// Visible ASCII or a CJK ideograph: never white space, never combining, so a string that starts and ends with
    /// one has nothing to trim (`trimmingWhitespace`'s fast path).
    var isPlainEdge: Bool { (0x21...0x7E).contains(value) || (0x4E00...0x9FFF).contains(value) }
}
