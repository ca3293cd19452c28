import GridCore
import GridTheme
import TerminalKit

/// Forms, confirmations, prompts and menus drawn over the screen.
enum OverlayView {
    static func render(_ s: AppState, _ theme: Theme, _ b: inout Buffer) {
        guard let overlay = s.overlay else { return }
        switch overlay {
        case .form(let form): self.form(s, form, theme, &b)
        case .confirm(let targets, let status):
            let rect = Modal.centered(width: 44, height: 5, in: b.area)
            let inner = Modal.frame(rect, title: "确认 confirm", glyphs: theme.glyphs, border: theme[.border], body: theme[.text], into: &b)
            b.put("将 \(targets.count) 格设为 \(status.zh)？", x: inner.x + 1, y: inner.y, width: inner.width - 2, style: theme[.header])
            b.put("y/Enter 确认   n/Esc 取消", x: inner.x + 1, y: inner.y + 2, width: inner.width - 2, style: theme[.muted])
        case .command(let field):
            prompt(":", field, s, theme, &b)
        case .search(let field):
            results(s, theme, &b)
            prompt("/", field, s, theme, &b)
        case .filterMenu:
            filterMenu(s, theme, &b)
        }
    }

    /// A one-line prompt in place of the key-hint bar.
    static func prompt(_ sigil: String, _ field: TextField, _ s: AppState, _ theme: Theme, _ b: inout Buffer) {
        let y = s.height - 1
        b.fill(Rect(x: 0, y: y, width: s.width, height: 1), style: theme[.text])
        b.put(sigil, x: 0, y: y, style: theme[.header])
        field.render(in: Rect(x: 1, y: y, width: s.width - 1, height: 1), style: theme[.text], into: &b)
    }

    static func results(_ s: AppState, _ theme: Theme, _ b: inout Buffer) {
        let hits = s.search.hits.prefix(min(8, max(0, s.height - 6)))
        guard !hits.isEmpty else { return }
        let top = s.height - 2 - hits.count
        for (i, hit) in hits.enumerated() {
            let style = i == s.search.index ? theme[.selection] : theme[.text]
            b.fill(Rect(x: 0, y: top + i, width: s.width, height: 1), style: style)
            b.put("\(hit.name)  [\(hit.node.levelZH)] \(hit.path)", x: 1, y: top + i, width: s.width - 2, style: style)
        }
    }

    static func form(_ s: AppState, _ form: StatusForm, _ theme: Theme, _ b: inout Buffer) {
        let rect = Modal.centered(width: 60, height: 8, in: b.area)
        let title = (form.status == .problem ? "上报问题 有问题" : "设为 \(form.status.zh)") + (form.targets.count > 1 ? "（\(form.targets.count) 格）" : "")
        let inner = Modal.frame(rect, title: title, glyphs: theme.glyphs, border: theme[.border], body: theme[.text], into: &b)
        let labelWidth = 11
        let fieldX = inner.x + labelWidth
        let fieldWidth = max(1, inner.maxX - fieldX - 1)
        b.put("说明 note", x: inner.x + 1, y: inner.y, width: labelWidth - 1, style: form.focus == 0 ? theme[.header] : theme[.muted])
        b.put("期限 due", x: inner.x + 1, y: inner.y + 2, width: labelWidth - 1, style: form.focus == 1 ? theme[.header] : theme[.muted])
        if form.status == .parked {
            b.put("计划日期 plan", x: inner.x + 1, y: inner.y + 2, width: labelWidth - 1, style: form.focus == 1 ? theme[.header] : theme[.muted])
        }
        var cursor: (x: Int, y: Int)?
        form.note.render(in: Rect(x: fieldX, y: inner.y, width: fieldWidth, height: 1), style: theme[.selectionUnfocused], into: &b)
        if form.focus == 0 { cursor = b.cursor }
        if form.status == .parked {
            form.plan.render(in: Rect(x: fieldX, y: inner.y + 2, width: 12, height: 1), style: theme[.selectionUnfocused], into: &b)
            if form.focus == 1 { cursor = b.cursor }
        } else {
            let label = "‹ \(form.deadline.zh) ›  交办起算"
            b.put(label, x: fieldX, y: inner.y + 2, width: fieldWidth, style: form.focus == 1 ? theme[.selection] : theme[.text])
        }
        b.cursor = cursor
        if let error = form.error {
            b.put(error, x: inner.x + 1, y: inner.y + 3, width: inner.width - 2, style: theme[.error])
        }
        b.put("Enter 保存  Tab 切换  ←→ 期限  Esc 取消", x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: theme[.muted])
    }

    static func filterMenu(_ s: AppState, _ theme: Theme, _ b: inout Buffer) {
        let f = s.board.filter
        var lines = CellStatus.allCases.map { status in
            ("\(status.key)", "\(f.statuses.contains(status) ? "[x]" : "[ ]") \(status.zh)", Role.status(status))
        }
        lines.append(("o", "\(f.overdueOnly ? "[x]" : "[ ]") 只看逾期 overdue only", .overdue))
        lines.append(("d", "\(f.declaredOnly ? "[x]" : "[ ]") 只看申报点位 declared sites", .text))
        lines.append(("x", "清除筛选 clear", .text))
        let rect = Modal.centered(width: 40, height: lines.count + 3, in: b.area)
        let inner = Modal.frame(rect, title: "筛选 filter", glyphs: theme.glyphs, border: theme[.border], body: theme[.text], into: &b)
        for (i, line) in lines.enumerated() where inner.y + i < inner.maxY - 1 {
            b.put(line.0, x: inner.x + 1, y: inner.y + i, style: theme[.keyHintKey])
            b.put(line.1, x: inner.x + 3, y: inner.y + i, width: inner.width - 4, style: theme[line.2])
        }
        b.put("Enter/Esc 完成", x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: theme[.muted])
    }
}
