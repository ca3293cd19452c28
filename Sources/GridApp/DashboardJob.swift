import Foundation
import GridCore
import GridStore
import GridUI
import Synchronization

/// The dashboard's figures gathered on their own thread with their own read-only connection: the month's cases are
/// scored there, so `Tab` to the dashboard returns to the run loop at once ("computing…") and the figures are
/// dispatched when the run loop next polls (every tick, and after every key).
final class DashboardJob: Sendable {
    private let result = Mutex<[Action]?>(nil)
    private let done = DispatchSemaphore(value: 0)
    /// The effect this job answers.
    let effect: Effect

    /// Starts gathering what `effect` (a `.loadDashboard`) asks for from the database at `databasePath`.
    init(effect: Effect, databasePath: String, context: ChangeContext, calendar: WorkingCalendar, rules: DeductionRules,
         assessmentDate: Day?) {
        self.effect = effect
        Thread.detachNewThread { [self] in
            let actions: [Action]
            do throws(GridError) {
                let store = try SQLiteStore.open(path: databasePath, forReading: true)
                defer { store.close() }
                let runner = EffectRunner(store: store, context: context, calendar: calendar, rules: rules, assessmentDate: assessmentDate)
                actions = runner.perform(effect)
            } catch {
                actions = [.failed("统计失败: \(error.description)")]
            }
            self.result.withLock { $0 = actions }
            self.done.signal()
        }
    }

    /// The actions once the figures are in (nil while computing); taken once.
    func take() -> [Action]? { result.withLock { r in defer { r = nil }; return r } }

    /// Waits up to `seconds` for the figures; true when they are in.
    func wait(seconds: Double) -> Bool {
        guard done.wait(timeout: .now() + seconds) == .success else { return false }
        done.signal()
        return true
    }
}
