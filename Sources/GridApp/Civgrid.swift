import ArgumentParser
import Foundation
import Synchronization
import GridCore

/// The `civgrid` command: subcommands as types. With no subcommand it opens the full-screen console.
public struct Civgrid: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "civgrid",
        abstract: "创城网格 — the civilized-city creation office's responsibility grid (三创办 → 小区 → 责任单位 → 物业).",
        discussion: """
            Data lives in one SQLite file shared by every operator (see --db). Changes are attributed to your \
            login and written to the audit log in the same transaction. Exit codes: 0 ok, 1 unexpected error, \
            2 bad input (unknown or ambiguous name, bad status or date), 3 permission denied, 4 database unusable, \
            5 busy (another writer held the database too long; try again).
            """,
        subcommands: [InitCommand.self, DemoCommand.self, TreeCommand.self, ShowCommand.self, SetCommand.self,
                      LogCommand.self, StatsCommand.self, AssignCommand.self, OrderCommand.self, OfficeCommand.self, StreetCommand.self, CommunityCommand.self, UnitCommand.self,
                      PropertyCommand.self, KindCommand.self, OperatorCommand.self, ThemesCommand.self,
                      CaseCommand.self, NoticeCommand.self, RankCommand.self, AssessCommand.self, AnnualCommand.self, ImportCommand.self, ExportCommand.self, ReportCommand.self, BackupCommand.self, RestoreCommand.self, CheckCommand.self, MigrateCommand.self, PGCommand.self,
                      ServerCommand.self,
                      RoundCommand.self, InspectCommand.self, CoverageCommand.self,
                      WalkCommand.self, SiteCommand.self, DispatchCommand.self])

    @OptionGroup var store: StoreOptions

    // Only `--palette`: the old `--theme` alias sat on the root command and swallowed `case list --theme T` (an
    // assessment theme), silently listing every theme.
    @Option(name: [.customLong("palette")],
            help: ArgumentHelp("Console colour palette (default, light, high-contrast, monochrome, or your own).",
                               valueName: "name"))
    var palette: String?

    @Flag(name: .customLong("ambiguous-wide"), help: "Count East Asian ambiguous-width characters (○ ① §) as two columns.")
    var ambiguousWide = false

    public init() {}

    /// No subcommand: the console.
    public func run() throws {
        try ConsoleLauncher.launch(store: store, themeName: palette, ambiguousWide: ambiguousWide)
        // Ended by a signal: the terminal is restored; tell the parent how we ended, as a shell would.
        let signal = pendingQuitSignal.load(ordering: .relaxed)
        if signal != 0 { throw ExitCode(128 + signal) }
    }
}

/// Entry point used by the executable: parses, runs, and maps every failure to a message and exit code.
public enum CivgridMain {
    /// Runs civgrid with `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String]) -> Int32 {
        TerminalGuard.disableInteractiveBacktracer()
        // Files the process creates (database, WAL, logs) are for the owner and group only.
        umask(0o007)
        do {
            var command = try Civgrid.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let error as GridError {
            Output.error("civgrid: \(error.description)\n")
            return error.exitCode
        } catch {
            let code = Civgrid.exitCode(for: error)
            let message = Civgrid.fullMessage(for: error)
            if code == .success {
                Output.print(message)
                return 0
            }
            Output.error("civgrid: \(message)\n")
            // Usage errors from the parser are bad input, like every other.
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}
