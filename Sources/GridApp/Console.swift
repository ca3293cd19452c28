import Foundation
import GridCore
import GridStore
import GridTheme
import GridUI
import TerminalKit
import TerminalNcurses

/// The full-screen console: one loop on one thread that reads an event, reduces it, runs the effects
/// (which talk to the store) and draws the difference. Live refresh polls the store's change marker on
/// every idle tick.
public final class Console {
    let store: any CivgridStore
    var runner: EffectRunner
    /// The diffing terminal the console draws through.
    public let terminal: Terminal
    let backend: any TerminalBackend
    let catalog: ThemeCatalog
    let colors: Int
    let measure: DisplayWidth
    /// The current state (read by tests and the benchmark).
    public private(set) var state: AppState
    /// The colour palette in use, adapted to the terminal's colours.
    public private(set) var palette: Palette
    var lastMarker: Int
    var lastAuditID: Int64
    let context: ChangeContext
    var importJob: ImportJob?
    /// Reads running in the background: at most one of each kind (a newer request replaces an older one).
    var readJobs: [ReadJob] = []
    /// Writes refused because another process held the database past the busy timeout: retried on the next ticks,
    /// in order, a few times, before they are reported as failed.
    var busyWrites: [(effect: Effect, attempts: Int)] = []
    static let busyAttempts = 3

    /// A console over an SQLite store and a backend (the benchmark's entry point); see the store-neutral initialiser.
    public convenience init(store: SQLiteStore, context: ChangeContext, backend: any TerminalBackend, catalog: ThemeCatalog,
                            theme: Theme, colors: Int, measure: DisplayWidth, calendar: WorkingCalendar = .weekendsOnly,
                            rules: DeductionRules = .standard, assessmentDate: Day? = nil, assessmentFile: AssessmentFile.Source = .builtin,
                            checkPoints: CheckPointsFile.Source = .builtin) throws(GridError) {
        try self.init(on: store, context: context, backend: backend, catalog: catalog, theme: theme, colors: colors, measure: measure,
                      calendar: calendar, rules: rules, assessmentDate: assessmentDate, assessmentFile: assessmentFile, checkPoints: checkPoints)
    }

    /// A console over a store (SQLite or PostgreSQL) and a backend; loads the first data and is ready to draw.
    init(on store: any CivgridStore, context: ChangeContext, backend: any TerminalBackend, catalog: ThemeCatalog, theme: Theme,
         colors: Int, measure: DisplayWidth, calendar: WorkingCalendar = .weekendsOnly, rules: DeductionRules = .standard,
                assessmentDate: Day? = nil, assessmentFile: AssessmentFile.Source = .builtin,
                checkPoints: CheckPointsFile.Source = .builtin) throws(GridError) {
        self.store = store
        self.backend = backend
        self.catalog = catalog
        self.colors = colors
        self.measure = measure
        palette = theme.adapted(colors: colors)
        runner = EffectRunner(store: store, context: context, calendar: calendar, rules: rules, assessmentDate: assessmentDate,
                              assessmentFile: assessmentFile, checkPointsFile: checkPoints)
        self.context = context
        terminal = Terminal(backend: backend)
        let size = backend.size
        state = AppState(width: size.width, height: size.height, login: context.actor.login, role: context.actor.role,
                         databaseName: store.storeLocation.shortName, today: context.clock.today)
        state.utcOffsetSeconds = context.clock.utcOffsetSeconds
        state.paletteName = theme.name
        state.availablePalettes = catalog.available().map(\.name)
        lastMarker = try store.changeMarker()
        lastAuditID = try store.latestAuditID()
        dispatch(.start(themes: try store.themes()))
    }

    /// Runs until the operator quits or a quit signal arrives.
    public func run() {
        draw()
        while !state.quitting {
            if pendingQuitSignal.load(ordering: .relaxed) != 0 { break }
            // While a background read runs, wake sooner so its result is shown soon after it arrives.
            let event = backend.nextEvent(timeoutMilliseconds: readJobs.isEmpty ? 250 : 20)
            switch event {
            case .key(let k): dispatch(.key(k))
            case .mouse(let m): dispatch(.mouse(m))
            case .resize(let w, let h):
                terminal.invalidate()
                dispatch(.resize(width: w, height: h))
            case .tick:
                dispatch(.tick)
                retryBusyWrites()
                pollExternalChanges()
            }
            pollImport()
            pollBackground()
            draw()
        }
    }

    /// Reduces an action and runs its effects, feeding results back until nothing is left.
    public func dispatch(_ action: Action) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in Reducer.reduce(&state, next) {
                queue += perform(effect)
            }
        }
    }

    func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .redraw:
            terminal.invalidate()
            return []
        case .copyToClipboard(let text):
            // An effect like any other: the bytes go out through the backend (OSC 52), never printed by GridUI.
            (backend as? any ControlSequenceBackend)?.sendControl(Clipboard.osc52(text))
            return []
        case .suspend:
            if let nc = backend as? NcursesBackend {
                nc.suspend()
                raise(SIGTSTP)
                nc.resume()
            }
            terminal.invalidate()
            return []
        case .applyPalette(let name):
            do {
                palette = try catalog.load(name).adapted(colors: colors)
                terminal.invalidate()
                return [.paletteApplied(name)]
            } catch {
                return [.failed(error.description)]
            }
        case .loadDashboard:
            // Scoring the month's cases grows with them: done on another thread, polled by the run loop.
            startRead(.dashboard, effect)
            return []
        case .loadAssessment:
            // Reading the board and 10,000 simulated assessments: on another thread too.
            startRead(.assessment, effect)
            return []
        case .loadSiteRegister:
            // Every declared site with its chain, cases and last self-inspection grows with the grid (192 ms at province
            // when it ran here, on the key that shows the dashboard): on another thread too.
            startRead(.siteRegister, effect)
            return []
        case .loadCaseGainOrder:
            // The gain order simulates the assessment over the whole board: on another thread, like the dashboard's panel.
            startRead(.caseGain, effect)
            return []
        case .loadCaseQueue(let query, _, _, nil, _, _)
            where !query.text.trimmingWhitespace().isEmpty || (state.cases.loaded && query != state.cases.loadedQuery):
            // Free text is counted over every open case: a typed filter is answered in the background, so keys keep
            // coming; the rows shown until then are the previous filter's (a reply to an older filter is dropped). So is
            // any other change of filter once the queue is shown (a backspace to no filter, `O`, `!`): counting every
            // open case of a province on a server took longer than a key may.
            startRead(.caseQueue, effect)
            return []
        case .startImport(let file):
            var importContext = context
            importContext.source = .importer
            importJob = ImportJob(file: file, location: store.storeLocation, context: importContext, calendar: runner.calendar, evidence: runner.evidence)
            return []
        case .cancelImport:
            importJob?.cancel()
            return []
        case .saveStatus, .restore, .recordCases, .moveCases, .saveMasterData, .recordInspection, .recordWalkProblem:
            // A later write must not overtake one still waiting for the database.
            guard busyWrites.isEmpty else {
                busyWrites.append((effect, 0))
                return [.failed("数据库忙，改动已排队，稍后自动保存 (busy: queued, will be saved shortly)")]
            }
            return write(effect, attempts: 0)
        default:
            return runner.perform(effect)
        }
    }

    /// Runs a write; a busy database queues it for the next tick instead of losing it.
    func write(_ effect: Effect, attempts: Int) -> [Action] {
        let (actions, busy) = runner.performWrite(effect)
        if busy {
            guard attempts + 1 < Console.busyAttempts else {
                return runner.failure(effect, .busy("another civgrid held the database for \(Console.busyAttempts) tries; "
                    + "nothing was written — try again"))
            }
            busyWrites.insert((effect, attempts + 1), at: 0)
            return [.failed("数据库忙，稍后自动重试 (busy: will retry)")]
        }
        // Our own commits are not "changes by others": move the audit mark past them.
        if let latest = try? store.latestAuditID() { lastAuditID = latest }
        return actions
    }

    /// Retries the writes a busy database held back, oldest first, stopping at the first still busy.
    public func retryBusyWrites() {
        while let (effect, attempts) = busyWrites.first {
            busyWrites.removeFirst()
            let pending = busyWrites.count
            let actions = write(effect, attempts: attempts)
            for action in actions { dispatch(action) }
            if busyWrites.count > pending { return }
        }
    }

    func startRead(_ kind: ReadJob.Kind, _ effect: Effect) {
        readJobs.removeAll { $0.kind == kind }
        readJobs.append(ReadJob(kind, effect: effect, location: store.storeLocation, context: context, calendar: runner.calendar,
                                rules: runner.rules, assessmentDate: runner.assessmentDate, assessmentFile: runner.assessmentFile))
    }

    /// Dispatches the results of background reads that are done; true when there were some.
    @discardableResult
    public func pollBackground() -> Bool {
        var any = false
        for job in readJobs {
            guard let actions = job.take() else { continue }
            readJobs.removeAll { $0 === job }
            for action in actions { dispatch(action) }
            any = true
        }
        return any
    }

    /// Waits (up to `seconds`) for background reads and dispatches their results: for tests and the benchmark, which
    /// have no run loop. True when nothing is left running.
    @discardableResult
    public func settleBackground(seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while let job = readJobs.first {
            guard job.wait(seconds: max(0, deadline.timeIntervalSinceNow)) else { return false }
            pollBackground()
        }
        return true
    }

    /// Reports a background import's progress, and its end (then the board reloads).
    public func pollImport() {
        guard let job = importJob else { return }
        switch job.current {
        case .running(let done, let total):
            if done != state.importing?.done || total != state.importing?.total { dispatch(.importProgress(done: done, total: total)) }
        case .finished(let summary, let failed):
            importJob = nil
            // The import's own commits are not "changes by others".
            if let latest = try? store.latestAuditID() { lastAuditID = latest }
            lastMarker = (try? store.changeMarker()) ?? lastMarker
            dispatch(.importFinished(summary: summary, failed: failed))
        }
    }

    /// Another process committed: find which cells it changed (for the highlight) and reload.
    public func pollExternalChanges() {
        guard let marker = try? store.changeMarker(), marker != lastMarker else { return }
        lastMarker = marker
        let rows = (try? store.auditTrail(AuditQuery(afterID: lastAuditID, limit: 2000))) ?? []
        lastAuditID = max(lastAuditID, rows.map(\.record.id).max() ?? lastAuditID)
        let cells = rows.compactMap { row -> CellKey? in
            let e = row.record.entry
            guard e.entity == .cell, let community = e.communityID,
                  let theme = e.entityID.split(separator: "/").last.flatMap({ RowID($0) }) else { return nil }
            return CellKey(communityID: community, themeID: theme)
        }
        dispatch(.externalChange(cells: cells))
    }

    /// Renders the state and sends the difference to the terminal.
    public func draw() {
        terminal.draw(Renderer.render(state, palette: palette, measure: measure))
    }
}
