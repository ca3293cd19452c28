import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GridCore

/// What a number format shows: a date, a time of day, both, or neither.
struct DateFormatKind: Equatable {
    var date: Bool
    var time: Bool
    static let none = DateFormatKind(date: false, time: false)
    var isDate: Bool { date || time }

    /// Excel's built-in formats: 14–17 dates, 18–21 times, 22 date and time, 45–47 times; in Chinese,
    /// Japanese and Korean Excel also 27–31, 36 and 50–58 dates and 32–35 times (年月日, 时分秒).
    static func builtIn(_ id: Int) -> DateFormatKind {
        switch id {
        case 14...17, 27...31, 36, 50...58: return DateFormatKind(date: true, time: false)
        case 18...21, 32...35, 45...47: return DateFormatKind(date: false, time: true)
        case 22: return DateFormatKind(date: true, time: true)
        default: return .none
        }
    }

    /// A custom format code: y, m, d (date) or h, s (time) outside quotes, brackets and escapes, in its first
    /// section. `m` alone counts as a month; next to h or s it is minutes.
    static func custom(_ code: String) -> DateFormatKind {
        var letters = Set<Character>()
        var inQuote = false, inBracket = false, escaped = false, skipNext = false
        for c in code {
            if skipNext { skipNext = false; continue }
            if escaped { escaped = false; continue }
            if inQuote { if c == "\"" { inQuote = false }; continue }
            if inBracket {
                // [h], [mm], [ss]: elapsed time; [Red], [$-804], [>=100]: not dates.
                if c == "]" { inBracket = false } else if "hHsS".contains(c) { letters.insert("h") }
                continue
            }
            switch c {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\": escaped = true
            case "_", "*": skipNext = true
            case ";": break
            default:
                let l = Character(c.lowercased())
                if "ymdhs".contains(l) { letters.insert(l) }
            }
            if c == ";" { break }
        }
        let time = letters.contains("h") || letters.contains("s")
        let date = letters.contains("y") || letters.contains("d") || (letters.contains("m") && !time)
        return DateFormatKind(date: date, time: time)
    }
}

/// The cell styles of a workbook, reduced to what the reader needs: which style index shows a date.
final class StylesDelegate: PartDelegate {
    var customFormats: [Int: String] = [:]
    var cellFormatIDs: [Int] = []
    var inCellXfs = false

    override func start(_ parser: XMLParser, _ name: Substring, _ a: [String: String]) {
        switch name {
        case "numFmt":
            if let id = a["numFmtId"].flatMap({ Int($0) }), let code = a["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            cellFormatIDs.append(a["numFmtId"].flatMap { Int($0) } ?? 0)
            if cellFormatIDs.count > 1_000_000 { fail(parser, "has more than 1,000,000 cell styles") }
        default: break
        }
    }

    override func end(_ parser: XMLParser, _ name: Substring) {
        if name == "cellXfs" { inCellXfs = false }
    }

    /// For each cell style index, what its number format shows.
    var kinds: [DateFormatKind] {
        var cache: [Int: DateFormatKind] = [:]
        return cellFormatIDs.map { id in
            if let k = cache[id] { return k }
            let k = customFormats[id].map(DateFormatKind.custom) ?? DateFormatKind.builtIn(id)
            cache[id] = k
            return k
        }
    }
}

/// Excel date serials as text the importer reads: `2026-12-04`, `2026-12-04 09:30`, `09:30`.
enum ExcelDate {
    /// The text for `value` shown with a format of `kind`; nil when it is not a plausible date.
    static func text(_ value: Double, kind: DateFormatKind, date1904: Bool) -> String? {
        guard value.isFinite, value >= 0, value < 2_958_466 else { return nil }
        var days = Int(value.rounded(.down))
        var seconds = Int(((value - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds = 0 }
        func clock(_ hours: Int) -> String {
            let m = seconds / 60 % 60, s = seconds % 60
            let hm = "\(hours < 10 ? "0" : "")\(hours):\(m < 10 ? "0" : "")\(m)"
            return s == 0 ? hm : hm + ":\(s < 10 ? "0" : "")\(s)"
        }
        if !kind.date { return clock(days * 24 + seconds / 3600) }
        // The 1900 system counts the 29 February 1900 Lotus invented: serials before 61 are a day off.
        let ordinal = date1904 ? days - 24_107 : days < 61 ? days - 25_568 : days - 25_569
        let day = Day(ordinal: ordinal).description
        return kind.time && seconds != 0 ? day + " " + clock(seconds / 3600) : day
    }
}
