/// Box-drawing glyphs; ASCII for terminals that draw box lines double width or not at all.
public struct BorderGlyphs: Hashable, Sendable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String

    /// Light Unicode box lines.
    public static let unicode = BorderGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                             bottomLeft: "└", bottomRight: "┘")
    /// Plain ASCII.
    public static let ascii = BorderGlyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                           bottomLeft: "+", bottomRight: "+")
}

/// A scrolling list: keeps the selection visible.
public enum ListView {
    /// The first visible row so that `selection` is inside a window of `visible` rows.
    public static func offset(selection: Int, offset: Int, visible: Int, count: Int) -> Int {
        guard visible > 0, count > 0 else { return 0 }
        var o = offset
        if selection < o { o = selection }
        if selection >= o + visible { o = selection - visible + 1 }
        return max(0, min(o, max(0, count - visible)))
    }
}

/// Columns of a table: fixed widths laid out left to right with a gap.
public enum TableLayout {
    /// The x of each column, given widths and the gap, clipped to `width`; columns that do not fit are dropped.
    public static func positions(widths: [Int], gap: Int, start: Int, width: Int) -> [(x: Int, width: Int)] {
        var x = start
        var result: [(Int, Int)] = []
        for w in widths {
            guard x + w <= start + width else { break }
            result.append((x, w))
            x += w + gap
        }
        return result
    }
}

/// A one-line text field whose cursor moves by grapheme and is placed by display width.
public struct TextField: Hashable, Sendable {
    public private(set) var text: String
    /// Cursor position in graphemes from the start.
    public private(set) var cursor: Int

    /// A field holding `text` with the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Inserts typed text at the cursor.
    public mutating func insert(_ s: String) {
        let i = text.index(text.startIndex, offsetBy: cursor)
        let end = text[..<i].utf8.count + s.utf8.count
        text.insert(contentsOf: s, at: i)
        // A typed character may join the grapheme before it (a combining mark, a second regional indicator): the
        // cursor is what the text before it now counts, not the old count plus what was typed.
        cursor = min(text.count, text[..<text.utf8.index(text.utf8.startIndex, offsetBy: end)].count)
    }

    /// Deletes the grapheme before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        let i = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: i)
        cursor -= 1
    }

    /// Deletes the grapheme under the cursor.
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    /// Moves the cursor by `n` graphemes.
    public mutating func move(_ n: Int) { cursor = max(0, min(text.count, cursor + n)) }
    /// Moves the cursor to the start or end.
    public mutating func moveToEnd(_ end: Bool) { cursor = end ? text.count : 0 }

    /// Draws the field in `rect` (one row) and places the buffer's cursor; long text scrolls so the
    /// cursor stays visible.
    public func render(in rect: Rect, style: Style, into buffer: inout Buffer) {
        let m = buffer.measure
        let before = String(text.prefix(cursor))
        var visible = text
        var cursorX = m.of(before)
        if cursorX >= rect.width {
            // Drop graphemes from the left until the cursor fits.
            var dropped = 0
            var shift = 0
            for ch in text {
                if cursorX - shift < rect.width { break }
                shift += m.of(ch)
                dropped += 1
            }
            visible = String(text.dropFirst(dropped))
            cursorX -= shift
        }
        buffer.put(visible, x: rect.x, y: rect.y, width: rect.width, style: style)
        buffer.cursor = (rect.x + min(cursorX, rect.width - 1), rect.y)
    }
}

/// The one-line bars at the bottom of the screen.
public enum Bars {
    /// A status bar: `left` from the left edge, `right` flush right, the rest filled.
    public static func status(left: String, right: String, in rect: Rect, style: Style, into buffer: inout Buffer) {
        buffer.fill(rect, style: style)
        let rightWidth = min(buffer.measure.of(right), rect.width / 2)
        buffer.put(left, x: rect.x, y: rect.y, width: rect.width - rightWidth - 1, style: style)
        if rightWidth > 0 {
            buffer.put(right, x: rect.maxX - rightWidth, y: rect.y, width: rightWidth, style: style, alignment: .trailing)
        }
    }

    /// A key-hint bar: `key label` pairs, as many as fit.
    public static func hints(_ hints: [(key: String, label: String)], in rect: Rect, keyStyle: Style, labelStyle: Style,
                             into buffer: inout Buffer) {
        buffer.fill(rect, style: labelStyle)
        var x = rect.x
        for h in hints {
            let need = buffer.measure.of(h.key) + 1 + buffer.measure.of(h.label) + 2
            guard x + need - 2 <= rect.maxX else { break }
            x = buffer.put(h.key, x: x, y: rect.y, style: keyStyle, maxX: rect.maxX)
            x = buffer.put(" " + h.label, x: x, y: rect.y, style: labelStyle, maxX: rect.maxX) + 2
        }
    }
}

/// A framed box drawn over the screen (forms, confirmations, help).
public enum Modal {
    /// A rectangle of the given size centred in `area`, shrunk to fit.
    public static func centered(width: Int, height: Int, in area: Rect) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    /// Clears `rect`, draws its border and title, and returns the inner area.
    @discardableResult
    public static func frame(_ rect: Rect, title: String, glyphs: BorderGlyphs, border: Style, body: Style,
                             into buffer: inout Buffer) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        buffer.fill(rect, style: body)
        for x in rect.x + 1..<rect.maxX - 1 {
            buffer.put(glyphs.horizontal, x: x, y: rect.y, style: border)
            buffer.put(glyphs.horizontal, x: x, y: rect.maxY - 1, style: border)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            buffer.put(glyphs.vertical, x: rect.x, y: y, style: border)
            buffer.put(glyphs.vertical, x: rect.maxX - 1, y: y, style: border)
        }
        buffer.put(glyphs.topLeft, x: rect.x, y: rect.y, style: border)
        buffer.put(glyphs.topRight, x: rect.maxX - 1, y: rect.y, style: border)
        buffer.put(glyphs.bottomLeft, x: rect.x, y: rect.maxY - 1, style: border)
        buffer.put(glyphs.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: border)
        if !title.isEmpty, rect.width > 4 {
            buffer.put(" \(title) ", x: rect.x + 2, y: rect.y, width: min(rect.width - 4, buffer.measure.of(title) + 2), style: border)
        }
        return rect.inset(1)
    }
}
