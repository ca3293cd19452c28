import GridCore
import TOMLKit

/// Reads the assessment model (assessment.toml): `edition`, `target`, `repeat_window_days`, `[find_rate]`,
/// `[[sample]]`, `[[indicator]]` and `[annual]`. Every problem is reported with its file and line, all at once.
public enum AssessmentFile {
    /// A model file's text and where it came from (a path, or the built-in default).
    public struct Source: Hashable, Sendable {
        public var text: String
        public var path: String

        /// Creates a source.
        public init(text: String, path: String) {
            self.text = text
            self.path = path
        }

        /// The shipped default (`Config/assessment.toml`, compiled in).
        public static let builtin = Source(text: BuiltinAssessment.text, path: BuiltinAssessment.path)
    }

    /// The model in `text`, or every problem found; `themeCodes` are the theme codes an indicator may name.
    public static func check(_ text: String, path: String, themeCodes: Set<String>) -> (model: AssessmentModel?, problems: [ThemeDiagnostic]) {
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
        var reader = AssessmentFileReader(path: path, lines: TOMLLines(text), themeCodes: themeCodes)
        let model = reader.read(table)
        let problems = reader.problems.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
        return (problems.isEmpty ? model : nil, problems)
    }

    /// The model in `text`; any problem is an error listing every one (`file:line: …`).
    public static func parse(_ text: String, path: String, themeCodes: Set<String>) throws(GridError) -> AssessmentModel {
        let (model, problems) = check(text, path: path, themeCodes: themeCodes)
        guard let model else {
            throw .invalidInput(problems.map(\.description).joined(separator: "\n") + "\n(fix the file; `civgrid assess check` lists every problem)")
        }
        return model
    }
}

/// One pass over the parsed table, collecting problems with their lines.
struct AssessmentFileReader {
    let path: String
    let lines: TOMLLines
    let themeCodes: Set<String>
    var problems: [ThemeDiagnostic] = []

    static let topKeys = ["edition", "target", "repeat_window_days", "find_rate", "sample", "indicator", "annual"]
    static let indicatorKeys = ["code", "name", "points", "themes", "kinds", "per_problem", "overdue_extra", "repeat_extra", "cap"]
    static let sampleKeys = ["kind", "from", "count", "share", "all"]
    static let annualKeys = ["commend_top", "commend_min_score", "accountable_bottom", "accountable_notices", "titled_units",
                             "title_review_below"]
    static let defaultRates: [CellStatus: Double] = [.problem: 1, .rectifying: 1, .parked: 1, .recheck: 0.3, .unchecked: 0.2]

    mutating func problem(_ message: String, _ section: String = "", index: Int? = nil, key: String? = nil) {
        problems.append(ThemeDiagnostic(file: path, line: lines.line(section, index: index, key: key), message: message))
    }

    mutating func read(_ t: TOMLTable) -> AssessmentModel {
        unknownKeys(t, allowed: Self.topKeys, section: "", label: "top level")
        let edition = t["edition"]?.string ?? ""
        let indicators = readIndicators(t)
        let sampling = readSamples(t)
        let rates = readRates(t)
        let full = indicators.reduce(0) { $0 + $1.points }
        var target = full
        if t.contains(key: "target") {
            if let x = number(t["target"]), x > 0, x <= full || full == 0 { target = x } else {
                problem("target must be a number above 0 and at most the full score \(format(full)) (the indicators' points added up)",
                        key: "target")
            }
        } else {
            problem("target is missing: write e.g. target = 95 (the score the office aims for)")
        }
        var window = 365
        if t.contains(key: "repeat_window_days") {
            if let n = t["repeat_window_days"]?.int, (0...3650).contains(n) { window = n } else {
                problem("repeat_window_days must be a whole number of days from 0 to 3650", key: "repeat_window_days")
            }
        }
        return AssessmentModel(edition: edition, indicators: indicators, sampling: sampling, findRate: rates, target: target,
                               repeatWindowDays: window, annual: readAnnual(t))
    }

    mutating func unknownKeys(_ t: TOMLTable, allowed: [String], section: String, index: Int? = nil, label: String) {
        for key in t.keys.sorted() where !allowed.contains(key) {
            problem("unknown key “\(key)” in \(label); use \(allowed.joined(separator: ", "))", section, index: index, key: key)
        }
    }

    /// A finite number (TOML's `inf` and `nan` are refused like text).
    func number(_ v: (any TOMLValueConvertible)?) -> Double? {
        if let d = v?.double { return d.isFinite ? d : nil }
        if let i = v?.int { return Double(i) }
        return nil
    }

    func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    mutating func tables(_ t: TOMLTable, _ key: String, example: String) -> [TOMLTable] {
        guard let value = t[key] else { return [] }
        guard let array = value.array else {
            problem("\(key) must be written as [[\(key)]] sections, e.g.\n  [[\(key)]]\n  \(example)", key: key)
            return []
        }
        return (0..<array.count).compactMap { i in
            guard let table = array[i].table else {
                problem("[[\(key)]] number \(i + 1) is not a table", key, index: i)
                return nil
            }
            return table
        }
    }
}
