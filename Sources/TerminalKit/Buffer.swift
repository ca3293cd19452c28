/// A rectangle of screen cells.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Creates a rectangle.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// One past the right edge.
    public var maxX: Int { x + width }
    /// One past the bottom edge.
    public var maxY: Int { y + height }

    /// The rectangle shrunk by `n` on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
}

/// One screen cell: a grapheme and its style. A wide grapheme occupies its lead cell and a following
/// continuation cell, which holds no text and is never drawn on its own.
public struct Cell: Hashable, Sendable {
    /// The grapheme; empty for a continuation cell.
    public var text: String
    public var style: Style
    /// Whether this cell is the right half of the wide grapheme to its left.
    public var isContinuation: Bool

    /// Creates a cell.
    public init(_ text: String, style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A space in the default style.
    public static let blank = Cell(" ")
}

/// A screen's worth of cells that pure render functions draw into; the `Terminal` diffs two buffers and
/// sends only what changed.
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (text fields), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set {
            cursorX = newValue?.x
            cursorY = newValue?.y ?? 0
        }
    }
    private var cursorX: Int?
    private var cursorY = 0
    /// The width function used to lay text out.
    public let measure: DisplayWidth

    /// A blank buffer.
    public init(width: Int, height: Int, measure: DisplayWidth = .standard) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.measure = measure
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); a blank outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Sets one cell, clearing any wide grapheme it would cut in half (as a terminal does: writing over
    /// either half of a wide character erases the whole character).
    mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation, !cell.isContinuation, x > 0, !cells[i - 1].isContinuation {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        if !old.isContinuation, x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// Writes `text` from (x, y), clipped at `maxX` (default: the right edge). Returns the column after the
    /// last written cell. A wide grapheme that would not fit whole is replaced by padding, never split;
    /// control characters and bidi overrides are shown visibly by `Sanitiser` (ESC as `␛`, U+009B as
    /// `\u{9B}`), so they can neither move the real cursor nor reach the terminal.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil) -> Int {
        let limit = min(maxX ?? width, width)
        var col = x
        for ch in Sanitiser.clean(text) {
            guard col < limit else { break }
            let grapheme = String(ch)
            let w = measure.of(ch)
            if w == 0 { continue } // a lone combining mark or format character: nothing to place
            if col + w > limit {
                while col < limit {
                    set(col, y, Cell(" ", style: style))
                    col += 1
                }
                break
            }
            if col >= 0 { set(col, y, Cell(grapheme, style: style)) }
            if w == 2, col + 1 >= 0 { set(col + 1, y, Cell("", style: style, isContinuation: true)) }
            col += w
        }
        return col
    }

    /// Writes `text` fitted to exactly `width` columns (truncated with `…` or padded).
    public mutating func put(_ text: String, x: Int, y: Int, width columns: Int, style: Style = .plain,
                             alignment: TextAlignment = .leading) {
        guard columns > 0 else { return }
        put(measure.pad(Sanitiser.clean(text), to: columns, alignment: alignment), x: x, y: y, style: style, maxX: x + columns)
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { set(x, y, Cell(" ", style: style)) }
        }
    }

    /// Changes the style of the cells in a rectangle, keeping their text (selection bars).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { cells[y * width + x].style = transform(cells[y * width + x].style) }
        }
    }

    /// The text of row `y`, continuation cells skipped (so a wide grapheme appears once).
    public func rowText(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        return (0..<width).map { self[$0, y] }.filter { !$0.isContinuation }.map(\.text).joined()
    }
}
