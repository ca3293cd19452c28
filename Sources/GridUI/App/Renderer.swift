import GridCore
import GridPalette
import TerminalKit

/// The pure view: state + palette → buffer. Nothing here reads a clock, a file or the terminal. The frame (title,
/// status and key-hint bars) is drawn here; the screen and the overlay draw themselves.
public enum Renderer {
    /// Draws the whole screen.
    public static func render(_ s: AppState, palette: Palette, measure: DisplayWidth = .standard) -> Buffer {
        var b = Buffer(width: s.width, height: s.height, measure: measure)
        guard !s.isTooSmall else {
            tooSmall(s, palette, &b)
            return b
        }
        b.fill(b.area, style: palette[.text])
        title(s, palette, &b)
        let content = Rect(x: 0, y: 1, width: s.width, height: s.contentHeight)
        Screens.module(s.screen).view(s, palette, content, &b)
        statusBar(s, palette, &b)
        if !longError(s, b.measure) { hintBar(s, palette, &b) }
        Overlays.view(s, palette, &b)
        return b
    }

    /// The notice below the smallest size: what is needed, what there is, and how to quit.
    static func tooSmallLines(_ s: AppState) -> [String] {
        let need = AppState.minimumSize
        return ["终端太小 terminal too small", "need \(need.width)×\(need.height), have \(s.width)×\(s.height)", "q 退出 quit"]
    }

    static func tooSmall(_ s: AppState, _ p: Palette, _ b: inout Buffer) {
        b.fill(b.area, style: p[.text])
        for (i, line) in tooSmallLines(s).enumerated() where i < s.height {
            let w = b.measure.of(line)
            b.put(line, x: max(0, (s.width - w) / 2), y: max(0, s.height / 2 - 2) + i, width: s.width,
                  style: i == 0 ? p[.error] : p[.text])
        }
    }

    static func title(_ s: AppState, _ p: Palette, _ b: inout Buffer) {
        let where_ = Screens.module(s.screen).title(s)
        Bars.status(left: " civgrid 创城网格 │ \(where_)", right: "\(s.today) ", in: Rect(x: 0, y: 0, width: s.width, height: 1),
                    style: p[.title], into: &b)
    }

    static func statusBar(_ s: AppState, _ p: Palette, _ b: inout Buffer) {
        let y = s.height - 2
        let context = Screens.module(s.screen).statusContext(s)
        var left = "\(s.login)(\(s.role.zh)) · \(s.session.databaseName)" + (context.isEmpty ? "" : " · " + context)
        if let job = s.importing {
            let pct = job.total == 0 ? 0 : job.done * 100 / job.total
            left = "导入中 \(job.file) \(pct)% (Esc 取消) · " + left
        }
        let rect = Rect(x: 0, y: y, width: s.width, height: 1)
        guard let message = s.message else {
            Bars.status(left: left, right: "", in: rect, style: p[.statusBar], into: &b)
            return
        }
        if longError(s, b.measure) {
            // A refusal too long for the bar takes both bottom lines, so its advice (who may act, which keys move the
            // cases) is read, not cut; the key hints return with the next key.
            var (head, rest) = b.measure.split(" " + message.text, at: s.width)
            // Break at the last space when the cut falls inside a word (English parts of a message),
            // when what moves down still fits the second line.
            if let first = rest.first, first != " ", let space = head.lastIndex(of: " "), head.distance(from: space, to: head.endIndex) < 20,
               b.measure.of(head[head.index(after: space)...]) + b.measure.of(rest) + 1 <= s.width {
                rest = String(head[head.index(after: space)...]) + rest
                head = String(head[..<space])
            }
            b.put(head, x: 0, y: y, width: s.width, style: p[.error])
            b.put(" " + String(rest.drop { $0 == " " }), x: 0, y: y + 1, width: s.width, style: p[.error])
            return
        }
        // The message takes the room it needs (up to most of the bar); the context yields.
        let room = min(b.measure.of(message.text) + 2, s.width * 3 / 4)
        Bars.status(left: left, right: "", in: Rect(x: 0, y: y, width: s.width - room, height: 1), style: p[.statusBar], into: &b)
        b.put(" " + message.text, x: s.width - room, y: y, width: room, style: message.isError ? p[.error] : p[.info])
    }

    /// Whether the message is an error too long for three quarters of the status bar (it then takes two lines).
    static func longError(_ s: AppState, _ measure: DisplayWidth) -> Bool {
        guard let message = s.message, message.isError else { return false }
        return measure.of(message.text) + 2 > s.width * 3 / 4
    }

    /// The key hints of the bindings that run on this screen (so the bar never names a key that does nothing).
    static func hintBar(_ s: AppState, _ p: Palette, _ b: inout Buffer) {
        let hints = Bindings.active(s).compactMap { binding in
            binding.hint.map { (key: binding.hintKey ?? KeyLabel.of(binding.keys[0]), label: $0) }
        }
        Bars.hints(hints, in: Rect(x: 0, y: s.height - 1, width: s.width, height: 1), keyStyle: p[.keyHintKey],
                   labelStyle: p[.keyHint], into: &b)
    }

    /// Draws roll-up badges from x up to maxX, most important (逾 overdue) first; `…` shows that some were left out.
    @discardableResult
    static func badges(_ counts: StatusCounts, compact: Bool, x: Int, y: Int, maxX: Int, palette p: Palette, _ b: inout Buffer) -> Int {
        var col = x
        let all = Labels.badges(counts, compact: compact)
        for (i, (text, role)) in all.enumerated() {
            let last = i == all.count - 1
            // Room for the badge, and for the `…` after it unless it is the last one.
            guard col + b.measure.of(text) + (last ? 0 : 2) <= maxX else {
                if col < maxX { b.put("…", x: col, y: y, style: p[.muted], maxX: maxX) }
                return col + 1
            }
            col = b.put(text, x: col, y: y, style: p[role], maxX: maxX) + 1
        }
        return col
    }
}
