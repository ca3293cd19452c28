/// One cell to send to the terminal.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    /// Creates a change.
    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

/// Compares two frames cell by cell, so that moving the cursor one row sends a few cells, not a screen.
public enum BufferDiff {
    /// The cells of `next` that differ from `previous`; every cell when the sizes differ.
    /// A changed wide grapheme is sent as its lead cell; continuation cells are never sent on their own.
    public static func changes(from previous: Buffer?, to next: Buffer) -> [CellChange] {
        var result: [CellChange] = []
        let same = previous.map { $0.width == next.width && $0.height == next.height } ?? false
        for y in 0..<next.height {
            for x in 0..<next.width {
                let cell = next[x, y]
                if same, let previous, previous[x, y] == cell { continue }
                if cell.isContinuation {
                    // The lead cell carries the glyph; if only this half changed, resend the lead.
                    if x > 0, result.last != CellChange(x: x - 1, y: y, cell: next[x - 1, y]) {
                        result.append(CellChange(x: x - 1, y: y, cell: next[x - 1, y]))
                    }
                    continue
                }
                result.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return result
    }
}
