import GridCore
import TOMLKit

/// Reads the check points file (checkpoints.toml): one `[[theme]]` per theme code with its `points`, what walk mode
/// (巡检) shows an inspector for that theme. Every problem is reported with its file and line, all at once.
public enum CheckPointsFile {
    /// A check points file's text and where it came from (a path, or the built-in default).
    public struct Source: Hashable, Sendable {
        public var text: String
        public var path: String

        /// Creates a source.
        public init(text: String, path: String) {
            self.text = text
            self.path = path
        }

        /// The shipped default (`Config/checkpoints.toml`, compiled in).
        public static let builtin = Source(text: BuiltinCheckPoints.text, path: BuiltinCheckPoints.path)
    }

    /// The check points in `text`, or every problem found; `themeCodes` are the codes a `[[theme]]` may name (nil: any).
    public static func check(_ text: String, path: String, themeCodes: Set<String>?) -> (points: CheckPoints?, problems: [ThemeDiagnostic]) {
        let table: TOMLTable
        do {
            table = try TOMLGuard.table(text)
        } catch let e as TOMLGuard.Refusal {
            return (nil, [ThemeDiagnostic(file: path, line: e.line, message: "TOML syntax: \(e.message)")])
        } catch let e as TOMLParseError {
            return (nil, [ThemeDiagnostic(file: path, line: e.source.begin.line, message: "TOML syntax: \(e.description)")])
        } catch {
            return (nil, [ThemeDiagnostic(file: path, line: 1, message: "TOML syntax: \(error)")])
        }
        var reader = CheckPointsReader(path: path, lines: TOMLLines(text), themeCodes: themeCodes)
        let points = reader.read(table)
        let problems = reader.problems.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
        return (problems.isEmpty ? points : nil, problems)
    }

    /// The check points in `text`; any problem is an error listing every one (`file:line: …`).
    public static func parse(_ text: String, path: String, themeCodes: Set<String>?) throws(GridError) -> CheckPoints {
        let (points, problems) = check(text, path: path, themeCodes: themeCodes)
        guard let points else {
            throw .invalidInput(problems.map(\.description).joined(separator: "\n") + "\n(fix the file; `civgrid walk check` lists every problem)")
        }
        return points
    }
}

/// One pass over the parsed table, collecting problems with their lines.
struct CheckPointsReader {
    let path: String
    let lines: TOMLLines
    let themeCodes: Set<String>?
    var problems: [ThemeDiagnostic] = []

    mutating func problem(_ message: String, index: Int? = nil, key: String? = nil) {
        problems.append(ThemeDiagnostic(file: path, line: lines.line(index == nil ? "" : "theme", index: index, key: key), message: message))
    }

    mutating func read(_ t: TOMLTable) -> CheckPoints {
        for key in t.keys.sorted() where key != "theme" {
            problem("unknown key “\(key)” at the top level; write [[theme]] sections (code, points)", key: key)
        }
        guard let value = t["theme"] else { return .none }
        guard let array = value.array else {
            problem("theme must be written as [[theme]] sections, e.g.\n  [[theme]]\n  code = \"sanitation\"\n  points = [\"…\"]", key: "theme")
            return .none
        }
        var result: [String: [String]] = [:], seen: [String: Int] = [:]
        for i in 0..<array.count {
            guard let x = array[i].table else {
                problem("[[theme]] number \(i + 1) is not a table", index: i)
                continue
            }
            if let (code, points) = readTheme(x, index: i, seen: &seen) { result[code] = points }
        }
        return CheckPoints(result)
    }

    /// One `[[theme]]`: its code and points, or nil (with the problems noted).
    mutating func readTheme(_ x: TOMLTable, index i: Int, seen: inout [String: Int]) -> (String, [String])? {
        let code = x["code"]?.string?.trimmingWhitespace() ?? ""
        let label = code.isEmpty ? "#\(i + 1)" : code
        func fail(_ m: String, _ key: String?) { problem("[[theme]] \(label): \(m)", index: i, key: key) }
        for key in x.keys.sorted() where key != "code" && key != "points" { fail("unknown key “\(key)”; use code, points", key) }
        var ok = true
        if code.isEmpty {
            fail("code is missing: write code = \"sanitation\" (the theme's code)", "code")
            ok = false
        } else if let first = seen[code] {
            fail("code \(code) is also used by [[theme]] #\(first + 1); list each theme once", "code")
            ok = false
        } else if let codes = themeCodes, !codes.contains(code) {
            fail("unknown theme “\(code)”; themes are \(codes.sorted().joined(separator: ", "))", "code")
            ok = false
        }
        if !code.isEmpty { seen[code] = seen[code] ?? i }
        guard let list = x["points"]?.array else {
            fail("points is missing: write points = [\"路面无垃圾\", \"…\"] (what to look at, in order)", "points")
            return nil
        }
        var points: [String] = []
        for k in 0..<list.count {
            guard let text = list[k].string?.trimmingWhitespace(), !text.isEmpty else {
                fail("point \(k + 1) must be a non-empty text in quotes", "points")
                ok = false
                continue
            }
            if let bad = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0.value != 0x200D }) {
                fail("point \(k + 1) holds the control character U+\(String(bad.value, radix: 16, uppercase: true)); remove it", "points")
                ok = false
            }
            if text.count > CheckPoints.maxLength {
                fail("point \(k + 1) has \(text.count) characters; keep each point to \(CheckPoints.maxLength) (split it in two)", "points")
                ok = false
            }
            points.append(text)
        }
        if points.isEmpty, list.count == 0 { fail("points is empty: list at least one thing to look at, or leave the theme out", "points"); ok = false }
        if list.count > CheckPoints.maxPoints {
            fail("\(list.count) points; at most \(CheckPoints.maxPoints) per theme (an inspector reads them on a phone)", "points")
            ok = false
        }
        return ok ? (code, points) : nil
    }
}
