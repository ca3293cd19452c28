import TerminalKit

/// `civgrid themes check`: everything wrong with a theme file, with file and line.
public enum ThemeCheck {
    /// Diagnostics for one file: its own parse problems, roles missing after inheritance, low contrast.
    public static func check(path: String, catalog: ThemeCatalog) -> [ThemeDiagnostic] {
        let file: ThemeFile
        do {
            file = try ThemeCatalog.read(path: path, name: "checked")
        } catch {
            return [ThemeDiagnostic(file: path, line: 1, message: error.description)]
        }
        var result = file.diagnostics
        if result.contains(where: { $0.message.hasPrefix("TOML syntax") }) { return result }
        var inherited: [Role: Style] = [:]
        if let parent = file.inherits {
            do {
                inherited = try catalog.load(parent).styles
            } catch {
                result.append(ThemeDiagnostic(file: path, line: 1, message: "inherits: \(error.description)"))
            }
        }
        let merged = inherited.merging(file.styles) { $1 }
        for role in Role.allCases where merged[role] == nil {
            result.append(ThemeDiagnostic(file: path, line: 1, message: "missing role “\(role.key)” (add [roles.\(role.key)] or inherit a theme that has it)"))
        }
        for (role, style) in file.styles {
            if let ratio = contrast(style), ratio < 3 {
                let text = String(format: "%.1f", ratio)
                result.append(ThemeDiagnostic(file: path, line: lineOf(role: role.key, path: path),
                                              message: "low contrast \(text):1 between fg and bg of \(role.key); aim for at least 3:1"))
            }
        }
        return result.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
    }

    /// WCAG contrast ratio between a style's fg and bg, when both are concrete colours.
    public static func contrast(_ style: Style) -> Double? {
        guard let f = style.fg.rgbValue, let b = style.bg.rgbValue else { return nil }
        func lum(_ c: (r: Int, g: Int, b: Int)) -> Double {
            func ch(_ v: Int) -> Double {
                let x = Double(v) / 255
                return x <= 0.039_28 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)
        }
        let l1 = lum(f), l2 = lum(b)
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }

    static func lineOf(role: String, path: String) -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 1 }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains("[roles.\(role)]") || $0.hasPrefix("\(role) ") || $0.hasPrefix("\(role)=") } ?? 0) + 1
    }
}

import Foundation
