// civgrid-bench: generates or opens grids at county, city and province scale and measures the real code
// paths against the speed budgets. Prints one table; `--json FILE` writes it for tools.
import ArgumentParser
import Foundation
import GridCore
import GridStore

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "civgrid-bench", abstract: "Measure civgrid at county, city and province scale.")

    @Option(help: "county, city, province, or all.") var scale: String = "all"
    @Option(help: "Write the results as JSON to this file.") var json: String?
    @Option(help: "Where generated grids are kept between runs.") var data: String = NSTemporaryDirectory() + "civgrid-bench"
    @Flag(help: "Regenerate grids even if they exist.") var regenerate = false
    @Flag(help: "Fewer samples (smoke run).") var quick = false
    @Flag(help: "Only page down through the board 300 times (a steady path to run under valgrind's callgrind).") var profilePaging = false
    @Flag(help: "Compare the run with the budgets of the speed issue (p99) and exit non-zero on a miss.") var check = false
    @Option(help: "Only these scenarios: cases (Tab to the queue and dashboard, queue keys, case list), assess (the assessment simulator), search (index build, memory, keystrokes by kind), walk (walk mode over a round of every site) or import (the sheets, once).")
    var only: String?
    @Option(help: "Rows of the import scenarios' sheets.") var rows = 100_000
    @Option(help: ArgumentHelp("Only write the import scenarios' chain sheet (.csv or .xlsx) of --rows rows, for profiling.", valueName: "path"))
    var writeSheet: String?

    func run() throws {
        let scales: [DemoScale] = scale == "all" ? DemoScale.allCases : [try DemoScale(rawValue: scale) ?? { throw ValidationError("unknown scale \(scale)") }()]
        let recorder = Recorder()
        if let writeSheet { return try ImportScenarios.write(rows: rows, to: writeSheet) }
        if only == "import" {
            try ImportScenarios(recorder: recorder, rows: rows).run()
            return try finish(recorder)
        }
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for s in scales {
            let path = "\(data)/\(s.rawValue).sqlite"
            try generate(s, path: path, recorder: recorder)
            let scenarios = Scenarios(scale: s, path: path, recorder: recorder, quick: quick)
            if profilePaging {
                try scenarios.paging(300)
                continue
            }
            if only == "cases" {
                try scenarios.cases()
                continue
            }
            if only == "assess" {
                try scenarios.assessment()
                continue
            }
            if only == "walk" {
                try scenarios.walk()
                continue
            }
            if only == "search" {
                try scenarios.search()
                continue
            }
            try scenarios.run()
            try scenarios.assessment()
        }
        try finish(recorder)
    }

    /// Prints the table, writes the JSON, and compares with the budgets when asked.
    func finish(_ recorder: Recorder) throws {
        print(recorder.table())
        print("\nmachine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; "
            + "SQLite \(sqliteVersion())")
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(recorder.results).write(to: URL(fileURLWithPath: json))
        }
        if check {
            let misses = Budgets.misses(recorder.results)
            print(misses.isEmpty ? "\ncheck: every budgeted row is within its budget" : "\ncheck: \(misses.count) over budget\n" + misses.joined(separator: "\n"))
            if !misses.isEmpty { throw ExitCode(1) }
        }
    }

    func generate(_ s: DemoScale, path: String, recorder: Recorder) throws {
        guard regenerate || !FileManager.default.fileExists(atPath: path) else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let clock = Scenarios.clock
        let admin = Scenarios.admin
        let context = ChangeContext(actor: admin, osUser: "bench", source: .demo, clock: clock)
        let samples = try Recorder.time(1) { _ in
            let store = try SQLiteStore.create(path: path)
            try store.bootstrap(kind: .demo, officeName: nil, admin: admin, context: context)
            try DemoLoader(store: store).load(DemoGenerator(scale: s, seed: 2026, today: clock.today, now: clock.now()), context: context)
        }
        recorder.add("11 demo generation", s.rawValue, samples.map { $0 / 1000 }, unit: "s", budget: s == .province ? "≤60 s" : "")
    }

    func sqliteVersion() -> String {
        (try? SQLiteStore.open(path: "\(data)/county.sqlite").meta("kind")).map { _ in "3.40" } ?? "?"
    }
}

Bench.main()
