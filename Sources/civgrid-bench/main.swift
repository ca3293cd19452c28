// civgrid-bench: generates or opens grids at county, city and province scale and measures the real code
// paths against the speed budgets. Prints one table; `--json FILE` writes it for tools. `--postgres URL` runs the same
// scenarios on a copy of each grid on a PostgreSQL server (the table's store column).
import ArgumentParser
import Foundation
import GridCore
import GridStore
import GridStorePostgres

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "civgrid-bench", abstract: "Measure civgrid at county, city and province scale.")

    @Option(help: "county, city, province, or all.") var scale: String = "all"
    @Option(help: "Write the results as JSON to this file.") var json: String?
    @Option(help: "Where generated grids are kept between runs.") var data: String = NSTemporaryDirectory() + "civgrid-bench"
    @Flag(help: "Regenerate grids even if they exist.") var regenerate = false
    @Flag(help: "Fewer samples (smoke run).") var quick = false
    @Flag(help: "Only page down through the board 300 times (a steady path to run under valgrind's callgrind).") var profilePaging = false
    @Flag(help: "Compare the run with the budgets of the speed issue (p99) and exit non-zero on a miss.") var check = false
    @Option(help: "Only these scenarios: board (moves, status change, bulk change, filters), memory (a fresh console scrolled through the board), cases (Tab to the queue and dashboard, queue keys, case list), assess (the assessment simulator), search (index build, memory, keystrokes by kind), walk (walk mode over a round of every site) or import (the sheets, once).")
    var only: String?
    @Option(help: "sqlite, postgres or both (default: postgres when --postgres is given, else sqlite).") var store: String?
    @Option(help: ArgumentHelp("The PostgreSQL server for the postgres rows, as a database address on it (default: $CIVGRID_TEST_PG); "
        + "each scale's grid is copied into its own database civgrid_bench_<scale> there.", valueName: "address"))
    var postgres: String?
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
        let stores = try storeKinds()
        let copier = try stores.contains("postgres") ? PostgresCopy(server: server(), recorder: recorder) : nil
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for s in scales {
            let path = "\(data)/\(s.rawValue).sqlite"
            recorder.store = "sqlite"
            try generate(s, path: path, recorder: recorder)
            for kind in stores {
                recorder.store = kind
                var target = BenchStore.sqlite(path: path)
                if kind == "postgres", let copier { target = .postgres(try copier.ensure(s, from: path, regenerate: regenerate)) }
                try run(Scenarios(scale: s, store: target, recorder: recorder, quick: quick, data: data))
            }
        }
        try finish(recorder, postgres: scales.last.flatMap { s in copier.map { $0.describe(s) } })
    }

    /// The scenarios `--only` (or `--profile-paging`) asks for, on one scale and store.
    func run(_ scenarios: Scenarios) throws {
        if profilePaging { return try scenarios.paging(300) }
        switch only {
        case "cases": try scenarios.cases()
        case "board": try scenarios.board()
        case "memory": try scenarios.memoryAfterScroll()
        case "assess": try scenarios.assessment()
        case "walk": try scenarios.walk()
        case "search": try scenarios.search()
        default:
            try scenarios.run()
            try scenarios.assessment()
        }
    }

    /// The stores to measure, in order: `--store`, else postgres when a server was named with `--postgres`.
    func storeKinds() throws -> [String] {
        switch store ?? (postgres == nil ? "sqlite" : "postgres") {
        case "sqlite": return ["sqlite"]
        case "postgres": return ["postgres"]
        case "both": return ["sqlite", "postgres"]
        case let other: throw ValidationError("--store \(other): write sqlite, postgres or both")
        }
    }

    /// The PostgreSQL server: `--postgres`, else CIVGRID_TEST_PG (what Scripts/with-postgres.sh sets).
    func server() throws -> PostgresLocation {
        guard let text = postgres ?? ProcessInfo.processInfo.environment["CIVGRID_TEST_PG"], !text.isEmpty else {
            throw ValidationError("the postgres rows need a server: --postgres postgresql:///postgres?host=/run/postgresql, or run "
                + "under `bash Scripts/with-postgres.sh …`, which sets CIVGRID_TEST_PG")
        }
        let login = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "postgres"
        return try PostgresLocation(url: text, osUser: login)
    }

    /// Prints the table, writes the JSON, and compares with the budgets when asked.
    func finish(_ recorder: Recorder, postgres: String? = nil) throws {
        print(recorder.table())
        print("\nmachine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; "
            + "SQLite \(sqliteVersion())" + (postgres.map { "; \($0)" } ?? ""))
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
