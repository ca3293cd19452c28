import GridPalette
import TerminalKit

/// A form's rows: labels in a column as wide as the widest label (so a label is never cut and `…` only ever
/// belongs to a value), values after it.
struct FormLayout {
    var labelWidth: Int
    var valueX: Int
    var valueWidth: Int

    /// Frames a form titled `title` in the middle of the buffer, names the cells it is for (`位置 at 阳光小区·环境卫生`, or
    /// the first and the count) and lays out its labelled rows below; returns the inside of the frame and the layout.
    static func frame(title: String, height: Int, names: [String], labels: [String], focus: Int, _ p: Palette,
                      _ b: inout Buffer) -> (inner: Rect, layout: FormLayout) {
        let rect = Modal.centered(width: 64, height: height, in: b.area)
        let place = names.count == 1 ? names[0] : "\(names.first ?? "") 等 \(names.count) 格"
        let inner = Modal.frame(rect, title: title, glyphs: p.glyphs, border: p[.border], body: p[.text], into: &b)
        b.put("位置 at " + place, x: inner.x + 1, y: inner.y, width: inner.width - 2, style: p[.header])
        let layout = FormLayout(labels: labels, inner: inner, measure: b.measure)
        for (i, label) in labels.enumerated() {
            layout.label(label, y: inner.y + 2 + i, inner: inner, focused: focus == i, p, &b)
        }
        return (inner, layout)
    }

    init(labels: [String], inner: Rect, measure: DisplayWidth) {
        labelWidth = (labels.map { measure.of($0) }.max() ?? 0) + 1
        valueX = inner.x + 1 + labelWidth
        valueWidth = max(1, inner.maxX - valueX - 1)
    }

    /// Draws a label, highlighted when its field has focus.
    func label(_ text: String, y: Int, inner: Rect, focused: Bool, _ p: Palette, _ b: inout Buffer) {
        b.put(text, x: inner.x + 1, y: y, width: labelWidth, style: focused ? p[.header] : p[.muted])
    }

    /// Draws a choice as `‹ value ›`.
    func choice(_ text: String, y: Int, focused: Bool, _ p: Palette, _ b: inout Buffer) {
        b.put("‹ \(text) ›", x: valueX, y: y, width: valueWidth, style: focused ? p[.selection] : p[.text])
    }
}

extension Array where Element: Equatable {
    /// The element `step` places after `current`, wrapping round.
    func cycled(from current: Element, by step: Int) -> Element {
        let i = firstIndex(of: current) ?? 0
        return self[(i + step + count) % count]
    }
}
