import Foundation
import TerminalKit

/// Finds themes by name: the user's themes folder, then the install location, then `./Themes`, then the
/// built-in themes. Resolves `inherits` and checks themes for problems.
public struct ThemeCatalog: Sendable {
    /// Folders searched in order.
    public var folders: [String]

    /// A catalog over explicit folders.
    public init(folders: [String]) { self.folders = folders }

    /// The standard search path for an environment and the running executable.
    public static func standard(environment: [String: String], executablePath: String) -> ThemeCatalog {
        var folders: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            folders.append(xdg + "/civgrid/themes")
        } else if let home = environment["HOME"] {
            folders.append(home + "/.config/civgrid/themes")
        }
        let exeDir = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
        folders.append(exeDir.appendingPathComponent("../share/civgrid/themes").standardized.path)
        folders.append(FileManager.default.currentDirectoryPath + "/Themes")
        return ThemeCatalog(folders: folders)
    }

    /// The path of a theme file by name, if any folder has one.
    public func path(of name: String) -> String? {
        folders.map { "\($0)/\(name).toml" }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Every theme name available (files and built-ins), sorted, with where each comes from.
    public func available() -> [(name: String, source: String)] {
        var seen: [String: String] = [:]
        for folder in folders.reversed() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for f in files where f.hasSuffix(".toml") { seen[String(f.dropLast(5))] = folder + "/" + f }
        }
        for name in Set(BuiltinThemes.all.keys).union(BuiltinPaletteSources.files.keys) where seen[name] == nil {
            seen[name] = "(built in)"
        }
        return seen.map { ($0.key, $0.value) }.sorted { $0.name < $1.name }
    }

    /// Loads a theme by name with its inheritance chain; roles it leaves out come from the built-in default.
    public func load(_ name: String) throws(ThemeError) -> Theme {
        var chain: [ThemeFile] = []
        var next: String? = name
        while let current = next {
            guard chain.count < 8, !chain.contains(where: { $0.name == current }) else {
                throw ThemeError("theme “\(name)” inherits in a loop or too deeply (\(chain.map(\.name).joined(separator: " → ")))")
            }
            if let path = path(of: current) {
                let file = try ThemeCatalog.read(path: path, name: current)
                if let fatal = file.diagnostics.first(where: { $0.message.hasPrefix("TOML syntax") }) {
                    throw ThemeError(fatal.description)
                }
                chain.append(file)
                next = file.inherits
            } else if let text = BuiltinPaletteSources.files[current] {
                // The package's own palette files, compiled in: found whatever the working directory.
                let file = ThemeFile(text: text, path: "(built in)/\(current).toml", defaultName: current)
                chain.append(file)
                next = file.inherits
            } else if let builtin = BuiltinThemes.all[current] {
                chain.append(ThemeFile(builtin: builtin))
                next = nil
            } else {
                let names = available().map(\.name).joined(separator: ", ")
                throw ThemeError("no theme named “\(current)”; available: \(names)")
            }
        }
        var theme = BuiltinThemes.default
        theme.name = name
        for file in chain.reversed() {
            theme.styles.merge(file.styles) { $1 }
            if let g = file.glyphs { theme.glyphs = g }
        }
        return theme
    }

    static func read(path: String, name: String) throws(ThemeError) -> ThemeFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw ThemeError("cannot read theme file \(path)") }
        return ThemeFile(text: String(decoding: data, as: UTF8.self), path: path, defaultName: name)
    }
}

extension ThemeFile {
    /// A built-in theme as if it were a file.
    init(builtin: Theme) {
        name = builtin.name
        inherits = nil
        styles = builtin.styles
        glyphs = builtin.glyphs
        diagnostics = []
    }
}

/// A theme that cannot be loaded, with one clear message.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
