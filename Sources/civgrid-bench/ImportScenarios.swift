import Foundation

/// Imports through the real `civgrid` binary, in rows of the file per second (process start, reading, mapping,
/// the one-door import and the commit included): the office's chain sheet as CSV and as XLSX, a communities-only
/// sheet, and the chain sheet imported a second time (nothing changes). After the chain import `civgrid check` must
/// pass (the audit chain and every cell's history), or the run fails.
struct ImportScenarios {
    let recorder: Recorder
    let rows: Int

    /// The scenario names, as the table and the budgets spell them.
    static let chainCSV = "11 import chain sheet, CSV (rows/s)"
    static let chainXLSX = "11 import chain sheet, XLSX (rows/s)"
    static let plainCSV = "11 import communities only, CSV (rows/s)"
    static let reimport = "11 re-import chain sheet, unchanged (rows/s)"

    func run() throws {
        guard FileManager.default.isExecutableFile(atPath: ProcessStart.binary) else {
            FileHandle.standardError.write(Data("  import not measured: \(ProcessStart.binary) is missing; build civgrid in release first\n".utf8))
            return
        }
        let dir = NSTemporaryDirectory() + "civgrid-bench-import-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var sheet = ImportSheet(rows: rows)
        let chain = sheet.chainRows()
        let label = "\(rows / 1000)k rows"

        let plainPath = dir + "/communities.csv"
        try ImportSheet.csv(header: ImportSheet.plainHeader, rows: ImportSheet.plainRows(rows)).write(toFile: plainPath, atomically: true, encoding: .utf8)
        record(ImportScenarios.plainCSV, label, try importRate(plainPath, into: dir + "/plain.sqlite"))

        let csvPath = dir + "/包保责任表.csv"
        try ImportSheet.csv(header: ImportSheet.chainHeader, rows: chain).write(toFile: csvPath, atomically: true, encoding: .utf8)
        let target = dir + "/chain.sqlite"
        record(ImportScenarios.chainCSV, label, try importRate(csvPath, into: target), budget: "≥20000 rows/s")
        record(ImportScenarios.reimport, label, try rate(["import", csvPath], database: target))
        // Fails the run (non-zero exit) when the chain or a cell's history does not verify after the big import.
        recorder.add("11 check after the chain import", label, [try ProcessStart.run(["check"], database: target)], unit: "s")

        let xlsxPath = dir + "/包保责任表.xlsx"
        try ImportSheet.xlsx(header: ImportSheet.chainHeader, rows: chain).write(to: URL(fileURLWithPath: xlsxPath))
        record(ImportScenarios.chainXLSX, label, try importRate(xlsxPath, into: dir + "/chain-xlsx.sqlite"))
    }

    /// Records a rate by the wall clock (the budgeted row) and by the CPU time the import used: on a machine shared
    /// with other work the second says what a quiet machine would see.
    func record(_ scenario: String, _ label: String, _ rates: (wall: Double, cpu: Double), budget: String = "") {
        recorder.add(scenario, label, [rates.wall], unit: "rows/s", budget: budget)
        recorder.add(scenario.replacingOccurrences(of: "(rows/s)", with: "(rows per CPU s)"), label, [rates.cpu], unit: "rows/s")
    }

    /// Rows of the file per second for one import into a new database with one office.
    func importRate(_ sheet: String, into database: String) throws -> (wall: Double, cpu: Double) {
        _ = try ProcessStart.run(["init", "--office", "基准县三创办"], database: database)
        return try rate(["import", sheet], database: database)
    }

    /// Rows per second of wall time and of CPU time (user + system of the child) for one civgrid command.
    func rate(_ arguments: [String], database: String) throws -> (wall: Double, cpu: Double) {
        let before = childCPUSeconds()
        let wall = try ProcessStart.run(arguments, database: database)
        return (Double(rows) / wall, Double(rows) / max(0.001, childCPUSeconds() - before))
    }

    /// CPU time (user + system) used by finished child processes, in seconds.
    func childCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Writes the chain sheet (CSV, or XLSX when `path` ends in .xlsx), for profiling an import under callgrind.
    static func write(rows: Int, to path: String) throws {
        var sheet = ImportSheet(rows: rows)
        let data = sheet.chainRows()
        if path.hasSuffix(".xlsx") {
            try ImportSheet.xlsx(header: ImportSheet.chainHeader, rows: data).write(to: URL(fileURLWithPath: path))
        } else {
            try ImportSheet.csv(header: ImportSheet.chainHeader, rows: data).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
