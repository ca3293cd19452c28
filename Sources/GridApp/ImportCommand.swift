import ArgumentParser
import Foundation
import GridCore
import GridExchange
import GridStore

extension ImportKind: ExpressibleByArgument {}

/// `civgrid import FILE`: the office's spreadsheets in, dry run first, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import communities, units, property companies, assignments or statuses from CSV/TSV/XLSX.",
        discussion: """
            CSV may be UTF-8 (with or without BOM), GB18030/GBK (Chinese Excel's “CSV”) or UTF-16. Columns are found \
            by their headers (小区名称, 所属街道, 责任单位, 包保领导, 物业公司, 联系电话 …) and a bare phone column by its place \
            (it belongs to the person or organisation column before it); --map COLUMN=field overrides, COLUMN being a header, \
            a letter (F) or a number (6). Try --dry-run \
            first: it prints exactly what would change and writes nothing. A real run is one transaction; rejected \
            rows are written to FILE.rejected.csv with the reason, to fix and import again.
            """)

    @Argument(help: ArgumentHelp("The sheet (.csv, .tsv, .xlsx).", valueName: "file")) var file: String
    @Option(help: "What the sheet holds (guessed from the headers when left out).") var kind: ImportKind?
    @Option(help: ArgumentHelp("The sheet of an .xlsx (default: the first).", valueName: "name")) var sheet: String?
    @Option(name: .customLong("map"), parsing: .upToNextOption, help: ArgumentHelp("COLUMN=field overrides.", valueName: "COLUMN=field"))
    var maps: [String] = []
    @Flag(name: .customLong("dry-run"), help: "Show what would change; write nothing.") var dryRun = false
    @Flag(help: "Also change existing records whose fields differ (otherwise differences are only reported).") var update = false
    @Flag(name: .customLong("add-kinds"), help: "Add a site or unit kind the sheet names that the lists lack (admins), instead of refusing its rows.")
    var addKinds = false
    @Flag(help: "List every record in the summary, not just changes.") var verbose = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        // The file is read and mapped before the database is opened: a bad file never touches it.
        let (table, format) = try SheetReader.read(path: file, sheet: sheet)
        let mapper = ImportMapper(file: URL(fileURLWithPath: file).lastPathComponent, kind: kind, overrides: try ImportMapper.overrides(maps),
                                  update: update, today: env.clock.today)
        var mapped = try mapper.map(table)
        mapped.batch.addKinds = addKinds
        // A rejected-rows file that could not be written must not be found out after the import committed.
        if !dryRun { try SafeFile.refuseLink(ImportSummary.rejectedPath(for: file)) }
        let db = try store.open(env)
        let progress = ImportProgress()
        let outcome = try env.services(db).importBatch(mapped.batch, into: db, dryRun: dryRun,
                                         context: env.context(try db.operatorAccount(login: env.login), source: .importer),
                                         progress: { done, total in progress.show(done, total); return true })
        progress.finish()
        Output.print(ImportSummary.text(file: file, format: format, mapped: mapped, outcome: outcome, dryRun: dryRun, verbose: verbose))
        let rejected = ImportSummary.rejectedRows(mapped: mapped, outcome: outcome, table: table)
        if !dryRun && !rejected.isEmpty {
            let path = ImportSummary.rejectedPath(for: file)
            try ImportSummary.writeRejected(rejected, header: mapped.header, to: path)
            Output.print("被拒绝的 \(rejected.count) 行已写入 rejected rows written to \(path) — fix them there and import that file")
        }
        if ImportSummary.everythingRejected(mapped: mapped, outcome: outcome) {
            throw GridError.invalidInput("\(file): every row was rejected, nothing was imported; the reasons are listed above")
        }
    }
}

/// A progress bar on stderr (rows of the file, rows/s, ETA) while a large import runs, when stderr is a terminal.
final class ImportProgress {
    let started = Date()
    let visible = isatty(2) == 1
    var shown = false

    func show(_ done: Int, _ total: Int) {
        guard visible, total >= 2_000 else { return }
        shown = true
        let elapsed = max(0.001, Date().timeIntervalSince(started))
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let filled = total == 0 ? 0 : done * 30 / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled)
        let line = String(format: "\r%@ %3d%% %d/%d  %.0f rows/s  ETA %.0fs ", bar, total == 0 ? 100 : done * 100 / total, done, total, rate, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
