/// A UTC instant with millisecond precision, stored as ISO-8601 text so the audit trail sorts and reads well.
///
/// Integer milliseconds avoid the Date round-trip inexactness seen with SQLite text dates.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millis: Int64

    /// Creates a timestamp from milliseconds since the epoch.
    public init(millis: Int64) { self.millis = millis }

    /// Parses the stored form `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public init?(iso text: String) {
        let chars = Array(text.utf8)
        guard chars.count == 24, chars[10] == UInt8(ascii: "T"), chars[23] == UInt8(ascii: "Z"),
              let day = Day.parseStored(chars[0..<10]) else { return nil }
        func num(_ a: Int, _ b: Int) -> Int? {
            var v = 0
            for c in chars[a..<b] {
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let h = num(11, 13), let mi = num(14, 16), let s = num(17, 19), let ms = num(20, 23) else { return nil }
        millis = Int64(day.ordinal) * 86_400_000 + Int64(((h * 60 + mi) * 60 + s) * 1000 + ms)
    }

    /// The UTC day this instant falls on.
    public var utcDay: Day { Day(ordinal: Int(millis.floorDiv(86_400_000))) }

    /// The day this instant falls on in a zone `offsetSeconds` east of UTC.
    public func day(offsetSeconds: Int) -> Day {
        Timestamp(millis: millis + Int64(offsetSeconds) * 1000).utcDay
    }

    /// The instant a day begins in a zone `offsetSeconds` east of UTC.
    public static func localMidnight(of day: Day, offsetSeconds: Int) -> Timestamp {
        Timestamp(millis: Int64(day.ordinal) * 86_400_000 - Int64(offsetSeconds) * 1000)
    }

    /// `YYYY-MM-DD HH:MM` in a zone `offsetSeconds` east of UTC, for display.
    public func minuteText(offsetSeconds: Int) -> String {
        let local = millis + Int64(offsetSeconds) * 1000
        let secOfDay = Int(local - local.floorDiv(86_400_000) * 86_400_000) / 1000
        let day = Timestamp(millis: local).utcDay
        return "\(day) \(Day.pad2(secOfDay / 3600)):\(Day.pad2(secOfDay / 60 % 60))"
    }

    /// ISO-8601 UTC text with milliseconds, the stored form.
    public var description: String {
        let day = utcDay
        let msOfDay = Int(millis - millis.floorDiv(86_400_000) * 86_400_000)
        let s = msOfDay / 1000, ms = msOfDay % 1000
        let msText = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(day)T\(Day.pad2(s / 3600)):\(Day.pad2(s / 60 % 60)):\(Day.pad2(s % 60)).\(msText)Z"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.millis < rhs.millis }
}

extension Int64 {
    /// Floor division (rounds towards negative infinity), for instants before 1970.
    func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
