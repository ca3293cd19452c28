import GridCore
import TerminalKit

/// The pure update: `reduce(&state, action) -> [Effect]`. No I/O happens here; effects are returned as data and their
/// results come back as actions. Keys go to the open overlay, else to the bindings of the active screen; data coming
/// back goes to the screen that asked for it. Only quit, resize, screen switching and live refresh are handled here.
public enum Reducer {
    /// Applies one action to the state and returns the effects to run.
    public static func reduce(_ s: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .start(let themes):
            s.board.themes = themes
            // The board is the first screen; the browser loads when it is first shown.
            return BoardScreen.reload(&s, resetCursor: true)
        case .resize(let w, let h):
            s.width = w
            s.height = h
            return CasesScreen.clamp(&s) + BoardScreen.scrollToCursor(&s)
        case .tick:
            s.tick += 1
            s.highlights = s.highlights.filter { $0.value > s.tick }
            return []
        case .key(let key):
            return self.key(&s, key)
        case .mouse(let m):
            guard s.overlay == nil, !s.isTooSmall else { return [] }
            return Screens.module(s.screen).mouse(&s, m)
        case .browserLoaded(let depth, let level):
            BrowserScreen.loaded(&s, depth: depth, level: level)
            return []
        case .boardLoaded(let total, let offset, let rows):
            return BoardScreen.loaded(&s, total: total, offset: offset, rows: rows)
        case .changesSaved(let before, let after, let isUndo):
            return Changes.saved(&s, before: before, after: after, isUndo: isUndo)
        case .casesRecorded(let numbers, let cells):
            return Changes.casesRecorded(&s, numbers: numbers, cells: cells)
        case .caseQueueLoaded(let query, let total, let offset, let rows):
            return CasesScreen.loaded(&s, query: query, total: total, offset: offset, rows: rows)
        case .caseGainOrderLoaded(let query, let order, let gains, let follow):
            return CaseGainSort.ordered(&s, query: query, order: order, gains: gains, follow: follow)
        case .caseGainRowsLoaded(let query, let offset, let requested, let rows):
            return CaseGainSort.rowsLoaded(&s, query: query, offset: offset, requested: requested, rows: rows)
        case .rangeMarksLoaded(let scope, let filter, let keys):
            return BoardScreen.rangeMarked(&s, scope: scope, filter: filter, keys: keys)
        case .dashboardLoaded(let d):
            DashboardScreen.loaded(&s, d)
            return []
        case .assessmentLoaded(let panel):
            DashboardScreen.assessed(&s, panel)
            return []
        case .siteRegisterLoaded(let sites):
            DashboardSites.loaded(&s, sites)
            return []
        case .caseNotified(let number, let message, let recipients):
            return CaseNotify.notified(&s, number: number, message: message, recipients: recipients)
        case .caseDetailLoaded(let d):
            CaseDetailScreen.loaded(&s, d)
            return []
        case .caseMoved(let number, let from, let to, let dueOn):
            return CasesScreen.moved(&s, number: number, from: from, to: to, dueOn: dueOn)
        case .changeFailed(let text), .failed(let text):
            s.message = StatusMessage(text, isError: true)
            // A window request that failed is no longer outstanding: the next move may ask again.
            s.board.loading = false
            s.cases.loading = false
            s.dashboard.computing = false
            s.dashboard.assessing = false
            s.walk.loading = false
            return []
        case .detailLoaded(let detail):
            CellDetailScreen.loaded(&s, detail)
            return []
        case .searchResults(let query, let hits):
            return SearchOverlay.results(&s, query: query, hits: hits)
        case .located(let id, let row):
            return SearchOverlay.located(&s, communityID: id, row: row)
        case .externalChange(let cells):
            for key in cells { s.highlights[key] = s.tick + 8 }
            return refresh(&s, cells: cells)
        case .importProgress(let done, let total):
            s.importing?.done = done
            s.importing?.total = total
            return []
        case .importFinished(let summary, let failed):
            s.importing = nil
            s.message = StatusMessage(summary, isError: failed)
            return failed ? [] : refresh(&s, cells: [])
        case .masterDataSaved(let summary):
            return BrowserEditing.saved(&s, summary: summary)
        case .masterDataRefused(let message):
            BrowserEditing.refused(&s, message: message)
            return []
        case .walkRoundsLoaded(let rounds):
            WalkScreen.roundsLoaded(&s, rounds)
            return []
        case .walkSitesLoaded(let round, let sites, let progress):
            WalkScreen.sitesLoaded(&s, round: round, sites: sites, progress: progress)
            return []
        case .walkSiteLoaded(let round, let site):
            WalkScreen.siteLoaded(&s, round: round, site: site)
            return []
        case .inspected(let key, let result, let cell, let cases):
            return WalkScreen.inspected(&s, key: key, result: result, cell: cell, cases: cases)
        case .paletteApplied(let name):
            s.paletteName = name
            s.message = StatusMessage("配色已切换为 \(name) (palette)")
            return [.redraw]
        }
    }

    /// Live refresh: the board's window, and the screen on show — the browser, the case queue (keeping the selected
    /// case), the case detail, the dashboard's figures and its assessment — and the open cell detail when its cell
    /// changed. Hidden screens are reloaded when shown again (switching screens reloads them).
    static func refresh(_ s: inout AppState, cells: [CellKey]) -> [Effect] {
        var effects = BoardScreen.reloadWindow(&s) + (s.screen == .browser ? BrowserScreen.refresh(s) : [])
            + (s.screen == .dashboard ? DashboardScreen.load(&s) + DashboardScreen.assess(&s) : [])
            + (s.screen == .cases ? CasesScreen.reload(&s, follow: s.cases.selected?.record.number) : [])
            + WalkScreen.refresh(&s)
        if s.screen == .caseDetail, let number = s.caseDetail?.row.record.number { effects.append(.loadCaseDetail(number)) }
        if let d = s.detail, s.screen == .cellDetail, cells.contains(d.key) { effects.append(.loadDetail(d.key)) }
        return effects
    }

    /// A key: the overlay's if one is open, else the binding that holds it on the active screen.
    static func key(_ s: inout AppState, _ key: Key) -> [Effect] {
        if s.isTooSmall {
            guard key == .char("q") || key == .ctrl("c") else { return [] }
            s.quitting = true
            return [.quit]
        }
        if s.overlay != nil { return Overlays.key(&s, key) }
        // Esc followed quickly by a key arrives as Alt+key; where Alt+key means nothing, it was meant as both.
        if case .alt(let c) = key, Bindings.binding(for: key, in: s) == nil {
            return self.key(&s, .escape) + self.key(&s, .char(c))
        }
        guard let binding = Bindings.binding(for: key, in: s) else {
            if case .char(let c) = key { s.message = StatusMessage("“\(c)” 在此无作用，按 ? 查看按键 (no binding; ? for help)") }
            return []
        }
        s.message = nil
        return binding.perform(&s)
    }
}
