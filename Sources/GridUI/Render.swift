import GridCore
import GridTheme
import TerminalKit

/// The pure view: state + theme → buffer. Nothing here reads a clock, a file or the terminal.
public enum Renderer {
    /// Draws the whole screen.
    public static func render(_ s: AppState, theme: Theme, measure: DisplayWidth = .standard) -> Buffer {
        var b = Buffer(width: s.width, height: s.height, measure: measure)
        guard !s.isTooSmall else {
            tooSmall(s, theme, &b)
            return b
        }
        b.fill(b.area, style: theme[.text])
        title(s, theme, &b)
        let content = Rect(x: 0, y: 1, width: s.width, height: s.contentHeight)
        switch s.screen {
        case .browser: BrowserView.render(s, theme, content, &b)
        case .board: BoardView.render(s, theme, content, &b)
        case .detail: DetailView.render(s, theme, content, &b)
        case .help: HelpView.render(s, theme, content, &b)
        case .cases: CaseView.render(s, theme, content, &b)
        case .dashboard: DashboardView.render(s, theme, content, &b)
        }
        statusBar(s, theme, &b)
        hintBar(s, theme, &b)
        OverlayView.render(s, theme, &b)
        return b
    }

    /// Below 40×12: a notice that still says how to quit.
    static func tooSmall(_ s: AppState, _ theme: Theme, _ b: inout Buffer) {
        b.fill(b.area, style: theme[.text])
        let lines = ["终端太小", "terminal too small", "\(s.width)×\(s.height) < 40×12", "q 退出"]
        for (i, line) in lines.enumerated() where i < s.height {
            let w = b.measure.of(line)
            b.put(line, x: max(0, (s.width - w) / 2), y: max(0, s.height / 2 - 2) + i, style: i == 0 ? theme[.error] : theme[.text])
        }
    }

    static func title(_ s: AppState, _ theme: Theme, _ b: inout Buffer) {
        let where_: String
        switch s.screen {
        case .browser: where_ = "浏览 " + Browser.breadcrumbs(s)
        case .board: where_ = "网格 · \(s.board.scopeLabel)"
        case .detail: where_ = "单元详情"
        case .help: where_ = "帮助"
        case .dashboard: where_ = "统计与排名"
        case .cases: where_ = s.cases.detail.map { "案件 \($0.row.record.number)" }
            ?? "案件队列 (\(s.cases.rows.count))\(s.cases.filterLabel)\(s.cases.marks.isEmpty ? "" : " 标记\(s.cases.marks.count)")"
        }
        Bars.status(left: " civgrid 创城网格 │ \(where_)", right: "\(s.today) ", in: Rect(x: 0, y: 0, width: s.width, height: 1),
                    style: theme[.title], into: &b)
    }

    static func statusBar(_ s: AppState, _ theme: Theme, _ b: inout Buffer) {
        let y = s.height - 2
        let position = s.board.total == 0 ? "0/0" : "\(s.board.cursorRow + 1)/\(s.board.total)"
        var left = "\(s.login)(\(s.role.zh)) · \(s.databaseName) · 范围:\(s.board.scopeLabel) · 筛选:\(s.board.filter.label) · \(position)"
        if let job = s.importing {
            let pct = job.total == 0 ? 0 : job.done * 100 / job.total
            left = "导入中 \(job.file) \(pct)% (Esc 取消) · " + left
        }
        if !s.board.marks.isEmpty { left += " · 标记\(s.board.marks.count)" }
        let rect = Rect(x: 0, y: y, width: s.width, height: 1)
        guard let message = s.message else {
            Bars.status(left: left, right: "", in: rect, style: theme[.statusBar], into: &b)
            return
        }
        // The message takes the room it needs (up to most of the bar); the context yields.
        let room = min(b.measure.of(message.text) + 2, s.width * 3 / 4)
        Bars.status(left: left, right: "", in: Rect(x: 0, y: y, width: s.width - room, height: 1), style: theme[.statusBar], into: &b)
        b.put(" " + message.text, x: s.width - room, y: y, width: room, style: message.isError ? theme[.error] : theme[.info])
    }

    static func hintBar(_ s: AppState, _ theme: Theme, _ b: inout Buffer) {
        let hints = KeyMaps.bindings(for: s.screen).compactMap { binding in
            binding.hint.map { (key: binding.hintKey ?? KeyMaps.label(binding.keys[0]), label: $0) }
        }
        Bars.hints(hints, in: Rect(x: 0, y: s.height - 1, width: s.width, height: 1), keyStyle: theme[.keyHintKey],
                   labelStyle: theme[.keyHint], into: &b)
    }

    /// Draws roll-up badges from x, returns the column after them.
    @discardableResult
    static func badges(_ counts: StatusCounts, compact: Bool, x: Int, y: Int, maxX: Int, theme: Theme, _ b: inout Buffer) -> Int {
        var col = x
        for (text, role) in Labels.badges(counts, compact: compact) {
            guard col + b.measure.of(text) < maxX else { break }
            col = b.put(text, x: col, y: y, style: theme[role], maxX: maxX) + 1
        }
        return col
    }
}
