import GridCore
import TOMLKit

/// Reads the evidence rules (evidence.toml): size limits (`max_file_mb`, `max_case_mb`, `max_files_per_case`), the
/// deadline classes whose cases need an after-photo before verification (`after_photo`), and `[theme.CODE]` sections
/// that replace it for one theme. Every problem is an error with the file and line; unknown keys are refused.
public enum EvidenceFile {
    /// The rules in `text`; `themeCodes` are the codes a `[theme.CODE]` may name (nil: any).
    public static func parse(_ text: String, path: String, themeCodes: Set<String>? = nil) throws(GridError) -> EvidenceRules {
        let table: TOMLTable
        do {
            table = try TOMLGuard.table(text)
        } catch let e as TOMLGuard.Refusal {
            throw .invalidInput("\(path):\(e.line): TOML syntax: \(e.message)")
        } catch let e as TOMLParseError {
            throw .invalidInput("\(path):\(e.source.begin.line): TOML syntax: \(e.description)")
        } catch {
            throw .invalidInput("\(path): \(error)")
        }
        let lines = TOMLLines(text)
        func at(_ section: String, _ key: String?) -> String { "\(path):\(lines.line(section, key: key))" }
        var rules = EvidenceRules()
        for key in table.keys.sorted() {
            switch key {
            case "max_file_mb": rules.maxFileBytes = try megabytes(table, key, where: at("", key))
            case "max_case_mb": rules.maxCaseBytes = try megabytes(table, key, where: at("", key))
            case "max_files_per_case":
                guard let n = table[key]?.int, (1...1000).contains(n) else {
                    throw .invalidInput("\(at("", key)): max_files_per_case must be a whole number from 1 to 1000")
                }
                rules.maxFilesPerCase = n
            case "after_photo": rules.afterPhotoClasses = try classes(table[key], where: at("", key))
            case "theme":
                guard let themes = table[key]?.table else {
                    throw .invalidInput("\(at("", key)): write each theme as a section, e.g. [theme.sanitation] with after_photo = [\"days3\"]")
                }
                for code in themes.keys.sorted() {
                    let section = "theme.\(code)"
                    if let themeCodes, !themeCodes.contains(code) {
                        throw .invalidInput("\(at(section, nil)): [theme.\(code)] names no theme; use one of \(themeCodes.sorted().joined(separator: ", "))")
                    }
                    guard let t = themes[code]?.table else { throw .invalidInput("\(at(section, nil)): [theme.\(code)] must be a section") }
                    for k in t.keys where k != "after_photo" {
                        throw .invalidInput("\(at(section, k)): unknown key “\(k)” in [theme.\(code)]; a theme takes after_photo only")
                    }
                    rules.themes[code] = try classes(t["after_photo"], where: at(section, "after_photo"))
                }
            default:
                throw .invalidInput("\(at("", key)): unknown key “\(key)”; use max_file_mb, max_case_mb, max_files_per_case, after_photo "
                    + "and [theme.CODE] sections")
            }
        }
        if rules.maxCaseBytes < rules.maxFileBytes {
            throw .invalidInput("\(at("", "max_case_mb")): max_case_mb must be at least max_file_mb, or no file of the largest size could be attached")
        }
        return rules
    }

    static func megabytes(_ table: TOMLTable, _ key: String, where place: String) throws(GridError) -> Int {
        let value = table[key]?.int.map(Double.init) ?? table[key]?.double
        guard let value, value > 0, value <= 1024 else {
            throw .invalidInput("\(place): \(key) must be a number of MB above 0 and at most 1024")
        }
        return Int(value * Double(EvidenceRules.megabyte))
    }

    static func classes(_ value: (any TOMLValueConvertible)?, where place: String) throws(GridError) -> Set<DeadlineClass> {
        guard let array = value?.array else {
            throw .invalidInput("\(place): after_photo must be a list of deadline classes, e.g. [\"days3\", \"days7\"] (or [] for none)")
        }
        var out = Set<DeadlineClass>()
        for item in array {
            guard let text = item.string, let c = DeadlineClass(rawValue: text) else {
                throw .invalidInput("\(place): after_photo holds “\(item.string ?? "a non-text value")”, not a deadline class; use "
                    + DeadlineClass.allCases.map { "\($0.rawValue) (\($0.zh))" }.joined(separator: ", "))
            }
            out.insert(c)
        }
        return out
    }
}
