import Foundation
import GridCore
import GridExchange
import GridTheme
import GridUI
import TerminalKit

/// The one-input functions behind the fuzz executables (`Scripts/fuzz.sh`) and the corpus replay test.
/// Each takes arbitrary bytes and runs one parser on them; a thrown error is a fine answer, a trap or a
/// crash is a finding.
public enum FuzzTargets {
    /// The targets by name, as `Scripts/fuzz.sh` and `Fuzz/corpus/<name>` spell them.
    public static let all: [String: @Sendable (Data) -> Void] = [
        "csv": csv, "xlsx": xlsx, "palette": palette, "command": command, "dates": dates,
    ]

    /// Limits small enough that one input costs milliseconds, with every check still in play.
    static let limits: SheetLimits = {
        var l = SheetLimits()
        l.maxCells = 200_000
        l.maxTextBytes = 4 << 20
        return l
    }()

    /// CSV/TSV: encoding detection and the CSV reader, both delimiter choices.
    @Sendable public static func csv(_ data: Data) {
        _ = try? SheetReader.read(data: data, path: "fuzz.csv", sheet: nil, limits: limits)
        if let (text, _) = try? TextDecoding.decode(data, file: "fuzz.tsv") {
            _ = try? CSV.parse(text, delimiter: "\t", file: "fuzz.tsv", limits: limits)
        }
    }

    /// The .xlsx reader on the bytes of a whole file.
    @Sendable public static func xlsx(_ data: Data) {
        _ = try? XLSXReader.read(data: data, sheet: nil, file: "fuzz.xlsx", limits: limits)
    }

    /// A TOML theme (palette) file, its contrast check, and the rules, assessment and config files of the same family.
    @Sendable public static func palette(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let file = ThemeFile(text: text, path: "fuzz.toml", defaultName: "fuzz")
        for style in file.styles.values { _ = ThemeCheck.contrast(style) }
        _ = try? RulesFile.parse(text, path: "fuzz.toml")
        _ = AssessmentFile.check(text, path: "fuzz.toml", themeCodes: ["public_ads", "sanitation"])
        _ = ConfigFile.parse(text)
    }

    static let themes = [
        CheckTheme(id: 1, code: "public_ads", zh: "公益广告", en: "ads", kinds: [.residential, .market], position: 1),
        CheckTheme(id: 2, code: "sanitation", zh: "环境卫生", en: "sanitation", kinds: [.residential], position: 2),
    ]

    /// The console's `:` command line: typed key by key, completed with Tab, run with Enter, then drawn.
    @Sendable public static func command(_ data: Data) {
        let text = String(decoding: data.prefix(4_096), as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(8) {
            var s = AppState(width: 80, height: 24, login: "fuzz", role: .admin, databaseName: "fuzz.sqlite", today: Day(ordinal: 20_000))
            _ = Reducer.reduce(&s, .start(themes: themes))
            _ = Reducer.reduce(&s, .key(.char(":")))
            for c in line {
                _ = Reducer.reduce(&s, c == "\t" ? .key(.tab) : .key(.char(c)))
            }
            _ = Reducer.reduce(&s, .key(.enter))
            _ = Renderer.render(s, palette: BuiltinThemes.default)
        }
    }

    /// Day, status, case number and case action parsers, and the importer's date, number and phone reading.
    @Sendable public static func dates(_ data: Data) {
        let text = String(decoding: data.prefix(4_096), as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(16) {
            let s = String(line)
            if let d = Day(s) { _ = d.description; _ = d.adding(days: 1) }
            _ = CellStatus.parse(s)
            if let n = CaseNumber(s) { _ = n.description }
            _ = try? CaseAction.parse(s, unitID: nil, until: nil)
            _ = FullWidth.fold(s)
            let table = TextTableData(rows: [["小区名称", "所属街道", "期限", "电话"], ["阳光小区", "城关街道", s, s]], lines: [1, 2])
            _ = try? ImportMapper(file: "fuzz.csv", kind: nil, overrides: [:], update: false, today: Day(ordinal: 20_000)).map(table)
        }
    }
}

/// Replays files or folders of inputs through a target: the fuzz executables' plain mode (without
/// `-DCIVGRID_FUZZ`), so a crash file or a corpus can be rerun in an ordinary build.
public enum FuzzReplay {
    /// Runs `target` on every file named (folders: every file inside); returns how many inputs ran.
    public static func run(_ paths: [String], _ target: (Data) -> Void) -> Int {
        var count = 0
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            let files = isDir.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target(data)
                count += 1
            }
        }
        return count
    }

    /// The plain `main` of a fuzz executable.
    public static func main(_ name: String, _ target: (Data) -> Void) -> Int32 {
        let paths = Array(CommandLine.arguments.dropFirst())
        guard !paths.isEmpty else {
            print("usage: \(name) FILE|FOLDER … (replays inputs; build with Scripts/fuzz.sh to fuzz)")
            return 2
        }
        print("\(name): \(run(paths, target)) inputs ran without a crash")
        return 0
    }
}
