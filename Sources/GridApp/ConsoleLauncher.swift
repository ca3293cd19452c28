import Foundation
import GridCore
import GridStore
import GridTheme
import TerminalKit
import TerminalNcurses

/// Starts the console: checks locale and terminal, opens the store, sets up signals and stderr capture,
/// runs, and restores the terminal on every way out.
enum ConsoleLauncher {
    static func launch(store options: StoreOptions, themeName: String?, ambiguousWide: Bool) throws {
        let env = try RunEnvironment()
        if let problem = TerminalSetup.ensureUTF8Locale() { throw GridError.invalidInput(problem) }
        do {
            try NcursesBackend.preflight(term: env.variables["TERM"], inputFD: 0, outputFD: 1)
        } catch {
            throw GridError.invalidInput(error.description)
        }
        let store = try options.open(env)
        // Live refresh: on a server, commits anywhere are announced to the console (NOTIFY) rather than polled; the
        // listening connection is opened beside the first frame rather than before it.
        store.startListeningForChanges()
        // A removed operator's console is a viewer's (every change would be refused at the door anyway).
        let actor = try store.operatorAccount(login: env.login).acting
        let catalog = ThemeCatalog.standard(environment: env.variables, executablePath: CommandLine.arguments[0])
        let config = try UserConfig.load(environment: env.variables)
        let noColor = !(env.variables["NO_COLOR"] ?? "").isEmpty
        let requested = themeName ?? config.theme ?? (noColor ? "monochrome" : "default")
        let theme: Theme
        do {
            theme = try catalog.load(requested)
        } catch {
            throw GridError.invalidInput("\(error.description) (from --palette, config.toml or the default)")
        }
        let measure = DisplayWidth(ambiguous: ambiguousWide || config.ambiguousWide ? .wide : .narrow)

        TerminalGuard.install()
        let capture = StderrCapture()
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(colorsAllowed: !noColor, term: directColorTerm(env.variables))
        } catch {
            capture?.finish()
            throw GridError.invalidInput(error.description)
        }
        restoreTerminalHook = { backend.shutdown() }
        defer {
            TerminalGuard.restore()
            capture?.finish()
        }
        let console = try Console(on: store, context: env.context(actor, source: .console), backend: backend, catalog: catalog,
                                  theme: theme, colors: backend.colorCount, measure: measure, calendar: try CaseCommand.calendar(env),
                                  rules: try RankCommand.loadRules(nil, env: env), assessmentDate: config.assessmentDate,
                                  assessmentFile: AssessmentEngine.source(variables: env.variables),
                                  checkPoints: WalkCheckPoints.source(variables: env.variables))
        console.runner.evidence = try EvidenceConfig.load(env)
        console.run()
    }
}

/// COLORTERM=truecolor (or 24bit) on an xterm-like terminal: use the direct-colour terminfo entry when it is
/// installed (Debian's ncurses-term has xterm-direct), so theme RGB colours are shown as they are; otherwise
/// nil, and colours are down-sampled to what TERM's terminfo says.
func directColorTerm(_ env: [String: String]) -> String? {
    guard let colorterm = env["COLORTERM"]?.lowercased(), colorterm == "truecolor" || colorterm == "24bit",
          let term = env["TERM"], term.hasPrefix("xterm") else { return nil }
    let candidates = ["/usr/share/terminfo/x/xterm-direct", "/lib/terminfo/x/xterm-direct", "/etc/terminfo/x/xterm-direct"]
    return candidates.contains { FileManager.default.fileExists(atPath: $0) } ? "xterm-direct" : nil
}

/// `$XDG_CONFIG_HOME/civgrid/config.toml`: `theme = "light"`, `ambiguous_width = "wide"`.
struct UserConfig {
    var theme: String?
    var ambiguousWide = false
    /// The assessment day (`assessment_date = "2026-12-15"`), for the dashboard's countdown.
    var assessmentDate: Day?

    /// Reads the file; a value it cannot use is an error naming the file and line (never silently unset).
    static func load(environment: [String: String]) throws(GridError) -> UserConfig {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? "") + "/.config")
        let path = base + "/civgrid/config.toml"
        guard let data = FileManager.default.contents(atPath: path) else { return UserConfig() }
        let text = String(decoding: data, as: UTF8.self)
        let settings = ConfigFile.parse(text)
        var date: Day?
        if let value = settings["assessment_date"] {
            guard let day = Day(value) else {
                let line = (text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.trimmingWhitespace().hasPrefix("assessment_date") } ?? 0) + 1
                throw .invalidInput("\(path):\(line): assessment_date “\(value)” is not a date; write it as YYYY-MM-DD (e.g. 2026-12-15)")
            }
            date = day
        }
        return UserConfig(theme: settings["theme"], ambiguousWide: settings["ambiguous_width"] == "wide", assessmentDate: date)
    }
}
