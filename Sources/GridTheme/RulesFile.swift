import GridCore
import TOMLKit

/// Reads deduction rules (deductions.toml): `[per_source]`, `[multiplier]`, `[penalty]`, `[target]`.
public enum RulesFile {
    /// The rules in `text`, starting from the standard ones; unknown keys and bad values are errors.
    public static func parse(_ text: String, path: String) throws(GridError) -> DeductionRules {
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
        var rules = DeductionRules.standard
        for key in table.keys {
            guard let section = table[key]?.table else { throw .invalidInput("\(path): “\(key)” must be a [section]") }
            switch key {
            case "per_source", "multiplier":
                for s in section.keys {
                    guard let source = CaseSource(rawValue: s) else {
                        throw .invalidInput("\(path): [\(key)] \(s) is not a source; use \(CaseSource.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    let v = try number(section, s, path: path, key: key)
                    if key == "per_source" { rules.perSource[source] = v } else { rules.multiplier[source] = v }
                }
            case "penalty":
                for p in section.keys {
                    let v = try number(section, p, path: path, key: key)
                    switch p {
                    case "not_fixed_in_time": rules.notFixedInTime = v
                    case "rework": rules.perRework = v
                    case "repeated_in_notice": rules.repeatedInNotice = v
                    default: throw .invalidInput("\(path): [penalty] \(p) is unknown; use not_fixed_in_time, rework, repeated_in_notice")
                    }
                }
            case "target":
                for t in section.keys {
                    guard let value = section[t]?.string, let target = DeductionTarget(rawValue: value) else {
                        throw .invalidInput("\(path): [target] \(t) must be \"unit\", \"property\" or \"both\"")
                    }
                    if t == "default" { rules.defaultTarget = target } else { rules.targets[t] = target }
                }
            default:
                throw .invalidInput("\(path): unknown section [\(key)]; sections are per_source, multiplier, penalty, target")
            }
        }
        return rules
    }

    static func number(_ section: TOMLTable, _ key: String, path: String, key parent: String) throws(GridError) -> Double {
        if let d = section[key]?.double { return d }
        if let i = section[key]?.int { return Double(i) }
        throw .invalidInput("\(path): [\(parent)] \(key) must be a number")
    }
}
