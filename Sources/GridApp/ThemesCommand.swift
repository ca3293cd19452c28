import ArgumentParser
import Foundation
import GridCore
import GridTheme

/// `civgrid themes list|check`: which themes exist and what is wrong with a theme file.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes", abstract: "List console themes, or check a theme file.", subcommands: [List.self, Check.self])

    static func catalog() throws -> ThemeCatalog {
        let env = try RunEnvironment()
        return ThemeCatalog.standard(environment: env.variables, executablePath: CommandLine.arguments[0])
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the themes and where each comes from.")
        func run() throws {
            for (name, source) in try ThemesCommand.catalog().available() { Output.print("\(name)\t\(source)") }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: "Report unknown keys, bad colours, missing roles and low contrast (all themes when no file).")

        @Argument(help: ArgumentHelp("A theme file (.toml).", valueName: "file"))
        var file: String?

        func run() throws {
            let catalog = try ThemesCommand.catalog()
            let files = file.map { [$0] } ?? catalog.available().map(\.source).filter { $0 != "(built in)" }
            guard file == nil || FileManager.default.fileExists(atPath: file!) else {
                throw GridError.invalidInput("no theme file at \(file!)")
            }
            var problems = 0
            for path in files {
                let found = ThemeCheck.check(path: path, catalog: catalog)
                problems += found.count
                for d in found { Output.print(d.description) }
                if found.isEmpty { Output.print("\(path): ok") }
            }
            if problems > 0 { throw GridError.invalidInput("\(problems) problem(s) in theme files") }
        }
    }
}
