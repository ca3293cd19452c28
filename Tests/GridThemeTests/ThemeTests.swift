import Foundation
import GridCore
import Testing
import TerminalKit
@testable import GridTheme

@Suite("Themes")
struct ThemeTests {
    static var shipped: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Themes").standardized.path
    }

    /// A folder with theme files written by the test.
    func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("civgrid-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir.path
    }

    @Test("the shipped themes load and pass the check, every role defined")
    func shippedThemes() throws {
        let catalog = ThemeCatalog(folders: [ThemeTests.shipped])
        #expect(Set(catalog.available().map(\.name)) == ["default", "light", "high-contrast", "monochrome"])
        for (name, path) in catalog.available() {
            let theme = try catalog.load(name)
            #expect(Set(theme.styles.keys) == Set(Role.allCases), "\(name)")
            #expect(ThemeCheck.check(path: path, catalog: catalog).isEmpty, "\(name): \(ThemeCheck.check(path: path, catalog: catalog))")
        }
        #expect(try catalog.load("default") == BuiltinThemes.default.with(name: "default"), "the compiled-in default matches its file")
    }

    @Test("with no files every palette of Themes/ still loads (compiled in); an unknown name lists what exists")
    func builtins() throws {
        let catalog = ThemeCatalog(folders: ["/nonexistent"])
        #expect(try catalog.load("default").styles.count == Role.allCases.count)
        #expect(try catalog.load("monochrome")[.selection].reverse)
        #expect(try catalog.load("light").name == "light", ":palette light works from any directory")
        #expect {
            try catalog.load("sunset")
        } throws: { ($0 as? ThemeError)?.description.contains("available: default, high-contrast, light, monochrome") == true }
    }

    @Test("the compiled-in palette sources are the files in Themes/")
    func compiledSources() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Themes").standardized
        for (name, text) in BuiltinPaletteSources.files {
            let file = try String(contentsOf: folder.appendingPathComponent("\(name).toml"), encoding: .utf8)
            #expect(file.trimmingCharacters(in: .newlines) == text.trimmingCharacters(in: .newlines), "\(name)")
        }
    }

    @Test("without colours the selection keeps a visible attribute (reverse video)")
    func monochromeSelection() {
        let p = BuiltinPalettes.default.adapted(colors: 1)
        #expect(p[.selection].reverse)
        #expect(p[.selectionUnfocused].underline)
    }

    @Test("inherits takes the parent's roles and overrides some; loops are refused")
    func inheritance() throws {
        let dir = try folder([
            "warm.toml": "inherits = \"default\"\n[roles]\ntitle = { fg = \"#ffffff\", bg = \"#8b0000\", bold = true }\n",
            "a.toml": "inherits = \"b\"\n", "b.toml": "inherits = \"a\"\n",
        ])
        let catalog = ThemeCatalog(folders: [dir])
        let warm = try catalog.load("warm")
        #expect(warm[.title].bg == .rgb(0x8B, 0, 0))
        #expect(warm[.status(.ok)] == BuiltinThemes.default[.status(.ok)])
        #expect(throws: ThemeError.self) { try catalog.load("a") }
    }

    @Test("check reports unknown keys, bad colours, wrong types, missing roles and low contrast, with lines")
    func check() throws {
        let dir = try folder(["bad.toml": """
            name = "bad"
            colour = "red"
            [roles]
            title = { fg = "chartreuse", bg = "blue" }
            text = { fg = "#777777", bg = "#787878" }
            header = { bold = "yes" }
            sparkle = { fg = "red" }
            """])
        let path = dir + "/bad.toml"
        let found = ThemeCheck.check(path: path, catalog: ThemeCatalog(folders: [dir]))
        let messages = found.map(\.description)
        #expect(messages.contains { $0.contains("bad.toml:2:") && $0.contains("unknown key “colour”") })
        #expect(messages.contains { $0.contains("bad.toml:4:") && $0.contains("bad colour “chartreuse”") })
        #expect(messages.contains { $0.contains("bad.toml:5:") && $0.contains("low contrast") })
        #expect(messages.contains { $0.contains("bad.toml:6:") && $0.contains("true or false") })
        #expect(messages.contains { $0.contains("bad.toml:7:") && $0.contains("unknown role “sparkle”") })
        #expect(messages.contains { $0.contains("missing role “status-ok”") })
    }

    @Test("a TOML syntax error is one diagnostic with its line; loading such a theme fails clearly")
    func syntax() throws {
        let dir = try folder(["broken.toml": "name = \"broken\"\n[roles\n"])
        let found = ThemeCheck.check(path: dir + "/broken.toml", catalog: ThemeCatalog(folders: [dir]))
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(throws: ThemeError.self) { try ThemeCatalog(folders: [dir]).load("broken") }
    }

    @Test("adapting to the terminal: monochrome drops colour, 8 and 16 colours down-sample, direct colour keeps RGB")
    func adapted() {
        let t = Theme(name: "t", styles: [.title: Style(fg: .rgb(255, 0, 0), bg: .indexed(17), bold: true)])
        #expect(t.adapted(colors: 1)[.title] == Style(bold: true))
        #expect(t.adapted(colors: 8)[.title].fg == .ansi(1))
        #expect(t.adapted(colors: 16)[.title].fg == .ansi(9))
        #expect(t.adapted(colors: 1 << 24)[.title].fg == .rgb(255, 0, 0))
    }

    @Test("config.toml gives the theme and ambiguous width; a broken file is ignored")
    func config() {
        #expect(ConfigFile.parse("theme = \"light\"\nambiguous_width = \"wide\"\n") == ["theme": "light", "ambiguous_width": "wide"])
        #expect(ConfigFile.parse("theme = [").isEmpty)
    }
}

extension Theme {
    func with(name: String) -> Theme {
        var t = self
        t.name = name
        return t
    }
}

@Suite("Deduction rules file")
struct RulesFileTests {
    @Test("rules override the standard ones; unknown keys and bad values are errors")
    func parse() throws {
        let rules = try RulesFile.parse("""
            [per_source]
            supervision = 0.8
            [multiplier]
            citizen = 1.5
            [penalty]
            rework = 0.25
            [target]
            default = "both"
            parking = "unit"
            """, path: "d.toml")
        #expect(rules.perSource[.supervision] == 0.8)
        #expect(rules.perSource[.media] == 1, "untouched values keep the standard")
        #expect(rules.multiplier[.citizen] == 1.5)
        #expect(rules.perRework == 0.25)
        #expect(rules.defaultTarget == .both && rules.targets["parking"] == .unit)
        #expect(throws: GridError.self) { try RulesFile.parse("[per_source]\nemperor = 9\n", path: "d.toml") }
        #expect(throws: GridError.self) { try RulesFile.parse("[penalty]\nrework = \"lots\"\n", path: "d.toml") }
        #expect(throws: GridError.self) { try RulesFile.parse("[bonus]\nx = 1\n", path: "d.toml") }
    }
}
