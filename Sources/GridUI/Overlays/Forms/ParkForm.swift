import GridCore
import GridPalette
import TerminalKit

/// The form for parking cells (挂账): why, and the day it is planned to be fixed.
public struct ParkForm: Hashable, Sendable {
    public var targets: [CellKey]
    public var names: [String]
    public var note = TextField()
    public var plan: TextField
    /// 0 = note, 1 = plan date.
    public var focus = 0
    public var error: String?

    /// A form for `targets`; the plan date defaults to 30 days out.
    public init(targets: [CellKey], names: [String], today: Day) {
        self.targets = targets
        self.names = names
        plan = TextField(today.adding(days: 30).description)
    }
}

/// Keys and view of the park form.
enum ParkFormOverlay {
    static let labels = ["说明 note", "计划日期 plan"]

    static func key(_ s: inout AppState, _ form: ParkForm, _ key: Key) -> [Effect] {
        var f = form
        switch key {
        case .escape:
            return Overlays.cancel(&s)
        case .enter:
            let note = f.note.text.trimmingWhitespace()
            guard !note.isEmpty else {
                f.error = "请填写说明 (a note is required for 挂账)"
                f.focus = 0
                s.overlay = .parkForm(f)
                return []
            }
            guard let plan = Day(f.plan.text), plan > s.today else {
                f.error = "计划日期须为今天之后的 YYYY-MM-DD (plan date must be after today)"
                f.focus = 1
                s.overlay = .parkForm(f)
                return []
            }
            s.overlay = nil
            var request = StatusChangeRequest(status: .parked, note: note)
            request.plan = plan
            return [.saveStatus(targets: f.targets, request: request)]
        case .tab, .backTab, .down, .up:
            f.focus = f.focus == 0 ? 1 : 0
        default:
            if f.focus == 0 { _ = Overlays.edit(&f.note, key) } else { _ = Overlays.edit(&f.plan, key) }
        }
        f.error = nil
        s.overlay = .parkForm(f)
        return []
    }

    static func view(_ f: ParkForm, _ p: Palette, _ b: inout Buffer) {
        let (inner, layout) = FormLayout.frame(title: "设为 挂账 park", height: 9, names: f.names, labels: labels, focus: f.focus, p, &b)
        if let error = f.error { b.put(error, x: inner.x + 1, y: inner.y + 4, width: inner.width - 2, style: p[.error]) }
        b.put("Enter 保存  Tab 切换  Esc 取消", x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: p[.muted])
        var cursor: (x: Int, y: Int)?
        f.note.render(in: Rect(x: layout.valueX, y: inner.y + 2, width: layout.valueWidth, height: 1), style: p[.selectionUnfocused], into: &b)
        if f.focus == 0 { cursor = b.cursor }
        f.plan.render(in: Rect(x: layout.valueX, y: inner.y + 3, width: 12, height: 1), style: p[.selectionUnfocused], into: &b)
        if f.focus == 1 { cursor = b.cursor }
        b.cursor = cursor
    }
}
