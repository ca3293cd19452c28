import ArgumentParser
import Foundation
import GridCore
import GridTheme
import TerminalKit

/// `civgrid walk check|points`: the check points (检查要点) walk mode shows, from the command line.
struct WalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk", abstract: "Walk mode's check points (检查要点): check the file, print a theme's points.",
        discussion: "Walk mode itself is in the console: press W (or :walk).",
        subcommands: [WalkCheck.self, WalkPoints.self])

    /// `--file`, else `$XDG_CONFIG_HOME/civgrid/checkpoints.toml`, else the built-in file; with where it came from.
    static func text(_ path: String?, variables: [String: String]) throws(GridError) -> CheckPointsFile.Source {
        guard let path else { return WalkCheckPoints.source(variables: variables) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidInput("no check points file at \(path); `civgrid walk check` without a file checks the one in force")
        }
        return CheckPointsFile.Source(text: String(decoding: data, as: UTF8.self), path: path)
    }

    /// The database's theme codes when there is one, else the standard themes'.
    static func themes(_ store: StoreOptions, _ env: RunEnvironment) -> [CheckTheme] {
        (try? store.open(env, forReading: true).themes()) ?? StandardThemes.all
    }
}

/// `civgrid walk check [FILE]`: every problem of a check points file with its line.
struct WalkCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check a check points file (default: the one in force), with file:line for every problem.")

    @Argument(help: ArgumentHelp("The file (default: $XDG_CONFIG_HOME/civgrid/checkpoints.toml, else the built-in one).",
                                 valueName: "file")) var file: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let source = try WalkCommand.text(file, variables: env.variables)
        let themes = WalkCommand.themes(store, env)
        let (points, problems) = CheckPointsFile.check(source.text, path: source.path, themeCodes: Set(themes.map(\.code)))
        guard let points else {
            Output.error(problems.map(\.description).joined(separator: "\n") + "\n")
            throw ExitCode(2)
        }
        let missing = themes.filter { points.points(for: $0.code).isEmpty }.map(\.zh)
        Output.print("\(source.path): ok — \(points.byTheme.count) 个主题 \(points.byTheme.values.map(\.count).reduce(0, +)) 条检查要点"
            + (missing.isEmpty ? "" : "; 未列要点的主题 (walked by name only): \(missing.joined(separator: "、"))"))
    }
}

/// `civgrid walk points [THEME]`: the check points of one theme, or of every theme, numbered as walk mode shows them.
struct WalkPoints: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "points", abstract: "Print the check points of a theme (or of every theme), as walk mode shows them.")

    @Argument(help: ArgumentHelp("A theme: code or Chinese name (default: every theme).", valueName: "theme")) var theme: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let source = try WalkCommand.text(nil, variables: env.variables)
        let themes = WalkCommand.themes(store, env)
        let points = try CheckPointsFile.parse(source.text, path: source.path, themeCodes: Set(themes.map(\.code)))
        var chosen = themes
        if let theme {
            let wanted = theme.trimmingWhitespace()
            chosen = themes.filter { $0.code == wanted || $0.zh == wanted }
            guard !chosen.isEmpty else {
                throw GridError.invalidInput("no theme “\(wanted)”; themes are \(themes.map { "\($0.code) (\($0.zh))" }.joined(separator: ", "))")
            }
        }
        var out: [String] = []
        for t in chosen {
            out.append("\(t.zh) (\(t.code))")
            let list = points.points(for: t.code)
            if list.isEmpty { out.append("  （未列检查要点）") }
            for (i, p) in list.enumerated() { out.append("  \(i + 1). \(p)") }
        }
        Output.print(out.joined(separator: "\n"))
    }
}
