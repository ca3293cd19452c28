import GridCore
import GridPalette
import TerminalKit

/// A question before effects run: the count and the names of what will change, and the effects themselves as data.
public struct Confirmation: Hashable, Sendable {
    /// The question, with the count (`将 3 格设为 达标？`).
    public var question: String
    /// What will change, one name a line.
    public var names: [String]
    /// What runs on yes.
    public var effects: [Effect]

    /// Creates a confirmation.
    public init(question: String, names: [String], effects: [Effect]) {
        self.question = question
        self.names = names
        self.effects = effects
    }
}

/// A case transition waiting for its reason (作废, 返工, 重新打开, 退回), for one case or several.
public struct ReasonPrompt: Hashable, Sendable {
    /// The step waiting for its reason.
    public var action: CaseAction
    public var numbers: [CaseNumber]
    /// `number community·theme` for each case.
    public var names: [String]
    public var field = TextField()
    public var error: String?

    /// Creates a prompt.
    public init(action: CaseAction, numbers: [CaseNumber], names: [String]) {
        self.action = action
        self.numbers = numbers
        self.names = names
    }
}

/// Confirmations and reason prompts: a framed box in the middle of the screen that cannot be missed.
enum ConfirmOverlay {
    static func key(_ s: inout AppState, _ c: Confirmation, _ key: Key) -> [Effect] {
        switch key {
        case .char("y"), .char("Y"), .enter:
            s.overlay = nil
            return c.effects
        case .char("n"), .char("N"), .escape:
            return Overlays.cancel(&s)
        default: break
        }
        return []
    }

    static func reasonKey(_ s: inout AppState, _ r: ReasonPrompt, _ key: Key) -> [Effect] {
        var r = r
        switch key {
        case .escape:
            return Overlays.cancel(&s)
        case .enter:
            let reason = r.field.text.trimmingWhitespace()
            guard !reason.isEmpty else {
                r.error = "请填写原因 (a reason is required)"
                s.overlay = .reason(r)
                return []
            }
            s.overlay = nil
            return [.moveCases(r.numbers, action: r.action, reason: reason)]
        default:
            if Overlays.edit(&r.field, key) { r.error = nil }
            s.overlay = .reason(r)
            return []
        }
    }

    /// The names, as many as fit, then `… 等 N 件` for the rest.
    static func names(_ names: [String], room: Int) -> [String] {
        guard names.count > room else { return names }
        return Array(names.prefix(max(0, room - 1))) + ["… 共 \(names.count) 项 (\(names.count) in all)"]
    }

    static func view(_ c: Confirmation, _ p: Palette, _ b: inout Buffer) {
        let shown = names(c.names, room: max(1, b.area.height - 8))
        let rect = Modal.centered(width: 64, height: shown.count + 5, in: b.area)
        let inner = Modal.frame(rect, title: "确认 confirm", glyphs: p.glyphs, border: p[.border], body: p[.text], into: &b)
        b.put(c.question, x: inner.x + 1, y: inner.y, width: inner.width - 2, style: p[.header])
        for (i, name) in shown.enumerated() where inner.y + 1 + i < inner.maxY - 1 {
            b.put(name, x: inner.x + 2, y: inner.y + 1 + i, width: inner.width - 3, style: p[.text])
        }
        b.put("y/Enter 确认   n/Esc 取消", x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: p[.muted])
    }

    static func reasonView(_ r: ReasonPrompt, _ p: Palette, _ b: inout Buffer) {
        let shown = names(r.names, room: max(1, b.area.height - 10))
        let rect = Modal.centered(width: 64, height: shown.count + 7, in: b.area)
        let title = "\(r.action.zh) \(r.numbers.count) 件 — 须填原因 reason required"
        let inner = Modal.frame(rect, title: title, glyphs: p.glyphs, border: p[.border], body: p[.text], into: &b)
        for (i, name) in shown.enumerated() where inner.y + i < inner.maxY - 3 {
            b.put(name, x: inner.x + 1, y: inner.y + i, width: inner.width - 2, style: p[.text])
        }
        let y = inner.y + shown.count + 1
        let x = b.put("原因 reason ", x: inner.x + 1, y: y, style: p[.header])
        if let error = r.error { b.put(error, x: inner.x + 1, y: y + 1, width: inner.width - 2, style: p[.error]) }
        b.put("Enter 确认   Esc 取消", x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: p[.muted])
        r.field.render(in: Rect(x: x, y: y, width: max(1, inner.maxX - x - 1), height: 1), style: p[.selectionUnfocused], into: &b)
    }
}
