import GridCore
import TerminalKit

/// The pure update: `reduce(&state, action) -> [Effect]`. No I/O happens here; effects are returned as data
/// and their results come back as actions.
public enum Reducer {
    /// Applies one action to the state and returns the effects to run.
    public static func reduce(_ s: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .start(let themes):
            s.board.themes = themes
            // The board is the first screen; the browser loads when it is first shown.
            return Board.reload(&s, resetCursor: true)
        case .resize(let w, let h):
            s.width = w
            s.height = h
            return Board.scrollToCursor(&s)
        case .tick:
            s.tick += 1
            s.highlights = s.highlights.filter { $0.value > s.tick }
            return []
        case .key(let key):
            return Input.key(&s, key)
        case .mouse(let m):
            return Input.mouse(&s, m)
        case .browserLoaded(let depth, let level):
            Browser.loaded(&s, depth: depth, level: level)
            return []
        case .boardLoaded(let total, let offset, let rows):
            return Board.loaded(&s, total: total, offset: offset, rows: rows)
        case .changesSaved(let before, let after, let isUndo):
            return Changes.saved(&s, before: before, after: after, isUndo: isUndo)
        case .casesRecorded(let numbers, let cells):
            for cell in cells { Changes.apply(&s, cell) }
            s.board.marks = []
            let list = numbers.count > 3 ? "\(numbers.prefix(3).joined(separator: ", ")) 等 \(numbers.count) 件" : numbers.joined(separator: ", ")
            s.message = StatusMessage("已上报案件 \(list)（撤销请作废案件 civgrid case move … void）")
            return []
        case .caseQueueLoaded(let rows):
            // The selection follows its case when a move reorders the queue (its deadline changed).
            let keep = s.cases.selected?.record.number
            s.cases.today = s.today
            s.cases.all = rows
            s.cases.marks = s.cases.marks.filter { n in rows.contains { $0.record.number.description == n } }
            s.cases.loaded = true
            // Indexes are into the filtered rows, which the filter may have narrowed further than `rows`.
            if let i = s.cases.rows.firstIndex(where: { $0.record.number == keep }) { s.cases.selection = i }
            CaseQueue.clamp(&s)
            return []
        case .rangeMarksLoaded(let scope, let filter, let keys):
            return Board.rangeMarked(&s, scope: scope, filter: filter, keys: keys)
        case .dashboardLoaded(let d):
            s.dashboard.data = d
            s.dashboard.selection = max(0, min(s.dashboard.selection, d.league.count - 1))
            return []
        case .caseDetailLoaded(let d):
            s.cases.detail = d
            return []
        case .caseMoved(let summary):
            s.message = StatusMessage(summary)
            s.cases.marks = []
            var effects: [Effect] = [.loadCaseQueue]
            if let d = s.cases.detail { effects.append(.loadCaseDetail(d.row.record.number.description)) }
            return effects + Board.reloadWindow(&s)
        case .changeFailed(let text), .failed(let text):
            s.message = StatusMessage(text, isError: true)
            // A window request that failed is no longer outstanding: the next move may ask again.
            s.board.loading = false
            return []
        case .detailLoaded(let detail):
            s.detail = detail
            if s.screen != .detail { s.returnScreen = s.screen == .help ? .board : s.screen }
            s.screen = .detail
            return []
        case .searchResults(let query, let hits):
            return Search.results(&s, query: query, hits: hits)
        case .located(let id, let row):
            return Search.located(&s, communityID: id, row: row)
        case .externalChange(let cells):
            for key in cells { s.highlights[key] = s.tick + 8 }
            // A hidden browser is refreshed when it is shown again (switching screens reloads it).
            var effects = Board.reloadWindow(&s) + (s.screen == .browser ? Browser.refresh(s) : [])
            if let d = s.detail, s.screen == .detail, cells.contains(d.key) { effects.append(.loadDetail(d.key)) }
            return effects
        case .importProgress(let done, let total):
            s.importing?.done = done
            s.importing?.total = total
            return []
        case .importFinished(let summary, let failed):
            s.importing = nil
            s.message = StatusMessage(summary, isError: failed)
            return failed ? [] : Board.reloadWindow(&s) + (s.screen == .browser ? Browser.refresh(s) : [])
        case .themeApplied(let name):
            s.themeName = name
            s.message = StatusMessage("主题已切换为 \(name)")
            return [.redraw]
        }
    }
}

/// Keys and mouse: overlays first, then the screen's key map.
enum Input {
    static func key(_ s: inout AppState, _ key: Key) -> [Effect] {
        if s.isTooSmall {
            if key == .char("q") || key == .ctrl("c") {
                s.quitting = true
                return [.quit]
            }
            return []
        }
        // Esc followed quickly by a key arrives as Alt+key; where Alt+key means nothing, it was meant as both.
        if case .alt(let c) = key, KeyMaps.command(for: key, on: s.screen) == nil {
            return self.key(&s, .escape) + self.key(&s, .char(c))
        }
        if s.overlay != nil { return Overlays.key(&s, key) }
        if s.importing != nil, key == .escape {
            s.message = StatusMessage("正在取消导入… cancelling the import")
            return [.cancelImport]
        }
        if s.screen == .help, s.helpFiltering { return Help.filterKey(&s, key) }
        if s.screen == .cases, let effects = CaseQueue.key(&s, key) { return effects }
        if s.screen == .dashboard, let effects = DashboardReduce.key(&s, key) { return effects }
        guard let command = KeyMaps.command(for: key, on: s.screen) else {
            if case .char(let c) = key { s.message = StatusMessage("“\(c)” 在此无作用，按 ? 查看按键 (no binding; ? for help)") }
            return []
        }
        s.message = nil
        return perform(&s, command)
    }

    static func perform(_ s: inout AppState, _ command: Command) -> [Effect] {
        switch command {
        case .quit:
            s.quitting = true
            return [.quit]
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .help:
            s.returnScreen = s.screen
            s.screen = .help
            s.helpOffset = 0
            return []
        case .switchScreen:
            // Tab cycles board → cases → dashboard → browser → board.
            let target: Screen = switch s.screen {
            case .board: .cases
            case .cases: .dashboard
            case .dashboard: .browser
            default: .board
            }
            s.screen = target
            switch target {
            case .browser: return Browser.refresh(s)
            case .cases: return [.loadCaseQueue]
            case .dashboard: return [.loadDashboard(byProperty: s.dashboard.byProperty)]
            default: return Board.reloadWindow(&s)
            }
        case .search where s.screen == .help:
            s.helpFiltering = true
            return []
        case .search:
            s.overlay = .search(TextField(s.search.query))
            return []
        case .searchNext: return Search.step(&s, by: 1)
        case .searchPrevious: return Search.step(&s, by: -1)
        case .commandLine:
            s.overlay = .command(TextField())
            return []
        case .filterMenu:
            s.overlay = .filterMenu
            return []
        default:
            switch s.screen {
            case .browser: return Browser.perform(&s, command)
            case .board: return Board.perform(&s, command)
            case .detail: return Detail.perform(&s, command)
            case .help: return Help.perform(&s, command)
            case .cases: return CaseQueue.perform(&s, command)
            case .dashboard: return DashboardReduce.perform(&s, command)
            }
        }
    }

    static func mouse(_ s: inout AppState, _ m: MouseEvent) -> [Effect] {
        guard s.overlay == nil, !s.isTooSmall else { return [] }
        switch (s.screen, m.kind) {
        case (.board, .wheelUp): return Board.move(&s, rows: -3)
        case (.board, .wheelDown): return Board.move(&s, rows: 3)
        case (.board, .press): return Board.click(&s, x: m.x, y: m.y)
        case (.browser, .wheelUp): return Browser.perform(&s, .up)
        case (.browser, .wheelDown): return Browser.perform(&s, .down)
        case (.browser, .press): return Browser.click(&s, y: m.y)
        default: return []
        }
    }
}
