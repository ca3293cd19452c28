import Foundation
import GridCore
import GridExchange

/// The diff summary an import prints, and the rejected-rows file.
enum ImportSummary {
    static func text(file: String, format: String, mapped: MappedImport, outcome: ImportOutcome, dryRun: Bool, verbose: Bool) -> String {
        var lines = ["\(dryRun ? "试运行 DRY RUN — nothing written" : "已导入 imported"): \(file) (\(format), \(mapped.kind.rawValue), \(mapped.rows) rows)"]
        let file = URL(fileURLWithPath: file).lastPathComponent
        let rejectedCount = mapped.rejected.count + outcome.rejected.count
        lines.append("  新增 new \(outcome.count(.new)) · 变更 changed \(outcome.count(.changed)) · 未变 unchanged \(outcome.count(.unchanged)) · 拒绝 rejected \(rejectedCount)")
        let shown = outcome.changes.filter { verbose || $0.kind != .unchanged || !$0.details.isEmpty }
        for c in shown.prefix(verbose ? Int.max : 200) {
            let mark = c.kind == .new ? "+" : c.kind == .changed ? "~" : "="
            lines.append("  \(mark) \(file):\(c.line) \(c.what)" + (c.details.isEmpty ? "" : "  " + c.details.joined(separator: "; ")))
        }
        if shown.count > 200 && !verbose { lines.append("  … \(shown.count - 200) more (--verbose lists all)") }
        for r in mapped.rejected { lines.append("  ✗ \(file):\(r.line) \(r.reason)") }
        for r in outcome.rejected { lines.append("  ✗ \(file):\(r.line) \(r.reason)") }
        for w in mapped.warnings { lines.append("  ! \(file):\(w.line) \(w.message)") }
        return lines.joined(separator: "\n")
    }

    /// Rows refused by the mapper or the store, with their reasons, in file order.
    static func rejectedRows(mapped: MappedImport, outcome: ImportOutcome, table: TextTableData) -> [(row: [String], reason: String)] {
        var byLine: [Int: (row: [String], reason: String)] = [:]
        for r in mapped.rejected { byLine[r.line] = (r.row, r.reason) }
        for r in outcome.rejected {
            guard let i = table.lines.firstIndex(of: r.line) else { continue }
            byLine[r.line] = (table.rows[i], (byLine[r.line].map { $0.reason + "; " } ?? "") + r.reason)
        }
        return byLine.keys.sorted().map { byLine[$0]! }
    }

    /// `FILE.rejected.csv` beside the input, keeping the input's whole name: `x.tsv` and `x.txt` get different
    /// rejected files (`x.tsv.rejected.csv`, `x.txt.rejected.csv`).
    static func rejectedPath(for file: String) -> String {
        URL(fileURLWithPath: file).path + ".rejected.csv"
    }

    /// UTF-8 with BOM, so Chinese Excel opens it; the header row plus a 原因 reason column.
    static func writeRejected(_ rows: [(row: [String], reason: String)], header: [String], to path: String) throws {
        var text = CSV.spreadsheetLine(header + ["原因 reason"]) + "\r\n"
        for r in rows { text += CSV.spreadsheetLine(r.row + [r.reason]) + "\r\n" }
        try SafeFile.write(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), to: path)
    }
}
