import Foundation
import TerminalKit
import TOMLKit

/// A problem found in a theme file, with where it is.
public struct ThemeDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    /// `file:line: message`.
    public var description: String { "\(file):\(line): \(message)" }
}

/// A parsed theme file: its own role styles and what it inherits, before inheritance is resolved.
public struct ThemeFile: Sendable {
    public var name: String
    public var inherits: String?
    public var styles: [Role: Style]
    public var glyphs: BorderGlyphs?
    public var diagnostics: [ThemeDiagnostic]

    static let styleKeys: Set<String> = ["fg", "bg", "bold", "reverse", "underline", "dim"]

    /// Parses TOML text. Unknown keys, bad colours and wrong types become diagnostics with line numbers;
    /// a syntax error leaves an empty theme with one diagnostic.
    public init(text: String, path: String, defaultName: String) {
        name = defaultName
        styles = [:]
        diagnostics = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(of key: String) -> Int {
            let quoted = ["\(key) ", "\(key)=", "\"\(key)\"", "[roles.\(key)]", ".\(key) "]
            return (lines.firstIndex { l in quoted.contains { l.contains($0) } } ?? 0) + 1
        }
        func report(_ key: String, _ message: String) {
            diagnostics.append(ThemeDiagnostic(file: path, line: line(of: key), message: message))
        }
        let table: TOMLTable
        do {
            table = try TOMLGuard.table(text)
        } catch let e as TOMLGuard.Refusal {
            diagnostics.append(ThemeDiagnostic(file: path, line: e.line, message: "TOML syntax: \(e.message)"))
            return
        } catch let e as TOMLParseError {
            diagnostics.append(ThemeDiagnostic(file: path, line: e.source.begin.line, message: "TOML syntax: \(e.description)"))
            return
        } catch {
            diagnostics.append(ThemeDiagnostic(file: path, line: 1, message: "TOML syntax: \(error)"))
            return
        }
        for key in table.keys {
            switch key {
            case "name": name = table[key]?.string ?? name
            case "inherits": inherits = table[key]?.string
            case "glyphs":
                switch table[key]?.string {
                case "unicode": glyphs = .unicode
                case "ascii": glyphs = .ascii
                default: report(key, "glyphs must be \"unicode\" or \"ascii\"")
                }
            case "roles":
                guard let roles = table[key]?.table else { report(key, "roles must be a table"); continue }
                for roleKey in roles.keys {
                    guard let role = Role(key: roleKey) else {
                        report(roleKey, "unknown role “\(roleKey)”; roles are: \(Role.allCases.map(\.key).joined(separator: ", "))")
                        continue
                    }
                    guard let spec = roles[roleKey]?.table else { report(roleKey, "role \(roleKey) must be a table like { fg = \"green\" }"); continue }
                    styles[role] = parseStyle(spec, role: roleKey, report: report)
                }
            default:
                report(key, "unknown key “\(key)”; a theme has name, inherits, glyphs and [roles.*]")
            }
        }
    }

    func parseStyle(_ spec: TOMLTable, role: String, report: (String, String) -> Void) -> Style {
        var style = Style()
        for key in spec.keys {
            guard ThemeFile.styleKeys.contains(key) else {
                report(role, "unknown key “\(key)” in role \(role); use fg, bg, bold, reverse, underline, dim")
                continue
            }
            if key == "fg" || key == "bg" {
                let raw = spec[key]?.string ?? spec[key]?.int.map(String.init) ?? ""
                guard let color = Color(parsing: raw) else {
                    report(role, "bad colour “\(raw)” for \(role).\(key); use one of the 16 names, 0–255 or #rrggbb")
                    continue
                }
                if key == "fg" { style.fg = color } else { style.bg = color }
            } else {
                guard let flag = spec[key]?.bool else { report(role, "\(role).\(key) must be true or false"); continue }
                switch key {
                case "bold": style.bold = flag
                case "reverse": style.reverse = flag
                case "underline": style.underline = flag
                default: style.dim = flag
                }
            }
        }
        return style
    }
}
