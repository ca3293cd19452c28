import GridPalette
import TerminalKit

/// A form's rows: labels in a column as wide as the widest label (so a label is never cut and `…` only ever
/// belongs to a value), values after it.
struct FormLayout {
    var labelWidth: Int
    var valueX: Int
    var valueWidth: Int

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
