import Foundation
import FuzzTargets
import GridTheme
import GridUI
import GridCore
import Testing

/// Crashes the fuzzers found outside GridExchange, each a regression test: a combining mark typed at the `:` prompt
/// (TerminalKit's TextField), and the palette headers and arrays toml++ asserts on (refused by GridTheme's TOMLGuard).
@Suite("Fuzz findings outside GridExchange")
struct FuzzFindingsTests {
    @Test("FuzzCommand: typing e, a combining circumflex (U+0302), then x at the : prompt must not trap")
    func combiningMarkInPrompt() {
        var s = AppState(width: 80, height: 24, login: "fuzz", role: .admin, databaseName: "f.sqlite", today: Day(ordinal: 20_000))
        _ = Reducer.reduce(&s, .start(themes: []))
        for key in [":", "e", "\u{0302}", "x"] { _ = Reducer.reduce(&s, .key(.char(Character(key)))) }
        _ = Reducer.reduce(&s, .key(.enter))
    }

    @Test("FuzzPalette: a theme file starting “[%” must be a TOML syntax diagnostic, not an abort")
    func tomlHeaderAssert() {
        let file = ThemeFile(text: "[%", path: "bad.toml", defaultName: "bad")
        #expect(file.diagnostics.contains { $0.message.hasPrefix("TOML syntax") })
    }

    @Test("FuzzPalette: a value “s=[}” must be a TOML syntax diagnostic, not an abort (toml++ parse_value assert)")
    func tomlArrayAssert() {
        let file = ThemeFile(text: "s=[}", path: "bad.toml", defaultName: "bad")
        #expect(file.diagnostics.contains { $0.message.hasPrefix("TOML syntax") })
    }
}
