import Foundation
import GridCore
import GridExchange
import GridStore
import Synchronization

/// An import run on its own thread with its own connection, so the console keeps drawing and taking
/// keys. The run loop polls it on every tick; cancelling rolls the whole import back.
final class ImportJob: Sendable {
    enum Phase: Sendable {
        case running(done: Int, total: Int)
        case finished(summary: String, failed: Bool)
    }

    private let phase = Mutex<Phase>(.running(done: 0, total: 0))
    private let cancelled = Atomic<Bool>(false)

    /// Starts importing `file` into the database at `databasePath` as `context`'s operator.
    init(file: String, databasePath: String, context: ChangeContext, calendar: WorkingCalendar, evidence: EvidenceRules = .none) {
        let name = URL(fileURLWithPath: file).lastPathComponent
        Thread.detachNewThread { [self] in
            do throws(GridError) {
                let (table, format) = try SheetReader.read(path: file, sheet: nil)
                let mapped = try ImportMapper(file: name, kind: nil, overrides: [], update: false, today: context.clock.today).map(table)
                let store = try SQLiteStore.open(path: databasePath)
                let services = GridServices(store, calendar: calendar, evidence: evidence)
                let outcome = try services.importBatch(mapped.batch, into: store, dryRun: false, context: context) { done, total in
                    self.phase.withLock { $0 = .running(done: done, total: total) }
                    return !self.cancelled.load(ordering: .relaxed)
                }
                let rejected = mapped.rejected.count + outcome.rejected.count
                var summary = "已导入 \(name) (\(format)): 新增 \(outcome.count(.new)) · 变更 \(outcome.count(.changed)) · 拒绝 \(rejected)"
                if rejected > 0 {
                    let path = ImportSummary.rejectedPath(for: file)
                    try? ImportSummary.writeRejected(ImportSummary.rejectedRows(mapped: mapped, outcome: outcome, table: table),
                                                     header: mapped.header, to: path)
                    summary += " → \(URL(fileURLWithPath: path).lastPathComponent)"
                }
                self.phase.withLock { $0 = .finished(summary: summary, failed: false) }
            } catch {
                let text = self.cancelled.load(ordering: .relaxed) ? "已取消导入，未改动 (import cancelled, nothing written)" : "导入失败: \(error.description)"
                self.phase.withLock { $0 = .finished(summary: text, failed: true) }
            }
        }
    }

    /// Where the import is now.
    var current: Phase { phase.withLock { $0 } }

    /// Asks the import to stop; it rolls back at its next progress report.
    func cancel() { cancelled.store(true, ordering: .relaxed) }
}
