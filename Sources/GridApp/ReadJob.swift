import Foundation
import GridCore
import GridStore
import GridTheme
import GridUI
import Synchronization

/// A read whose cost grows with the data, performed on its own thread with its own read-only connection so the run
/// loop never waits for it: the dashboard's figures (the month's cases scored) and a case-queue filter (a count over
/// every open case). The run loop polls it after every event and on ticks and dispatches its actions when they are in.
final class ReadJob: Sendable {
    /// What a job computes; a newer job of the same kind replaces an older one, whose result is then dropped.
    enum Kind: Sendable {
        case dashboard, caseQueue, assessment, caseGain, siteRegister
    }

    private let result = Mutex<[Action]?>(nil)
    private let done = DispatchSemaphore(value: 0)
    let kind: Kind

    /// Starts performing `effect` against the database at `location`, as `EffectRunner` would.
    init(_ kind: Kind, effect: Effect, location: StoreLocation, context: ChangeContext, calendar: WorkingCalendar, rules: DeductionRules,
         assessmentDate: Day?, assessmentFile: AssessmentFile.Source = .builtin) {
        self.kind = kind
        Thread.detachNewThread { [self] in
            let actions: [Action]
            do throws(GridError) {
                let store = try location.open(forReading: true)
                defer { store.close() }
                let runner = EffectRunner(store: store, context: context, calendar: calendar, rules: rules, assessmentDate: assessmentDate,
                                          assessmentFile: assessmentFile)
                actions = runner.perform(effect)
            } catch {
                actions = [.failed("读取失败: \(error.description)")]
            }
            self.result.withLock { $0 = actions }
            self.done.signal()
        }
    }

    /// The actions once the read is done (nil while it runs); taken once.
    func take() -> [Action]? { result.withLock { r in defer { r = nil }; return r } }

    /// Waits up to `seconds` for the read; true when it is done.
    func wait(seconds: Double) -> Bool {
        guard done.wait(timeout: .now() + seconds) == .success else { return false }
        done.signal()
        return true
    }
}
