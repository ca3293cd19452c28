/// The state of a scrolling, selectable list (ratatui's `ListState`): which row is selected and which is shown
/// first. Every list and table keeps one, so selection clamping and scrolling exist once.
public struct ListState: Hashable, Sendable {
    /// The selected row (0 when the list is empty).
    public var selection: Int
    /// The first row shown.
    public var offset: Int

    /// A list with the first row selected.
    public init(selection: Int = 0, offset: Int = 0) {
        self.selection = selection
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, clamped to the list, and scrolls so it shows in `visible` rows.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        select(selection + delta, count: count, visible: visible)
    }

    /// Selects row `index` (clamped) and scrolls so it shows in `visible` rows.
    public mutating func select(_ index: Int, count: Int, visible: Int) {
        selection = index
        clamp(count: count, visible: visible)
    }

    /// Keeps the selection on a row and the window on the list, after a move, a filter or a reload.
    public mutating func clamp(count: Int, visible: Int) {
        selection = max(0, min(count - 1, selection))
        offset = ListView.offset(selection: selection, offset: offset, visible: visible, count: count)
    }

    /// The rows shown in a window of `visible` rows, as indexes.
    public func window(count: Int, visible: Int) -> Range<Int> {
        let start = max(0, min(offset, count))
        return start..<min(count, start + max(0, visible))
    }
}

/// One column of a table: how narrow it may get, how wide it may grow, and which goes first when space runs out.
public struct ColumnSpec: Hashable, Sendable {
    /// Heading.
    public var title: String
    /// Narrowest useful width; below it the column is dropped instead.
    public var min: Int
    /// Widest it grows (nil: takes whatever is left).
    public var max: Int?
    /// Higher keeps longer: columns are dropped lowest priority first.
    public var priority: Int
    /// Right-aligned (numbers).
    public var trailing: Bool

    /// Creates a column.
    public init(_ title: String, min: Int, max: Int? = nil, priority: Int = 0, trailing: Bool = false) {
        self.title = title
        self.min = min
        self.max = max
        self.priority = priority
        self.trailing = trailing
    }
}

/// The one layout rule for every table on screen: each column gets its minimum; when the minimums do not fit,
/// columns are dropped lowest priority first; what is left is shared out in column order up to each maximum,
/// and a column without a maximum takes the rest. So columns widen with the terminal and shrink in a known order.
public enum ColumnRule {
    /// Widths for `columns` in `width` cells with `gap` between columns; 0 means the column is dropped.
    public static func widths(_ columns: [ColumnSpec], width: Int, gap: Int = 1) -> [Int] {
        var kept = Set(columns.indices)
        func need() -> Int { kept.map { columns[$0].min }.reduce(0, +) + max(0, kept.count - 1) * gap }
        let byPriority = columns.indices.sorted { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }
        for i in byPriority where need() > width && kept.count > 1 { kept.remove(i) }
        var widths = columns.indices.map { kept.contains($0) ? columns[$0].min : 0 }
        var spare = max(0, width - need())
        // Bounded columns first, in order; then the unbounded ones share the rest equally.
        for i in columns.indices where kept.contains(i) {
            guard let m = columns[i].max else { continue }
            let add = Swift.min(spare, Swift.max(0, m - widths[i]))
            widths[i] += add
            spare -= add
        }
        let open = columns.indices.filter { kept.contains($0) && columns[$0].max == nil }
        for (n, i) in open.enumerated() {
            let share = spare / (open.count - n)
            widths[i] += share
            spare -= share
        }
        return widths
    }
}

/// A table drawn from rows of styled cells in the widths `ColumnRule` gives, with a header row and a selected row
/// (ratatui's `Table` + `TableState`).
public struct Table {
    /// The columns.
    public var columns: [ColumnSpec]
    /// Gap between columns.
    public var gap: Int

    /// Creates a table.
    public init(_ columns: [ColumnSpec], gap: Int = 1) {
        self.columns = columns
        self.gap = gap
    }

    /// The x and width of each kept column in `rect` (dropped columns have width 0).
    public func layout(in rect: Rect) -> [(x: Int, width: Int)] {
        var x = rect.x
        return ColumnRule.widths(columns, width: rect.width, gap: gap).map { w in
            defer { if w > 0 { x += w + gap } }
            return (x, w)
        }
    }

    /// Draws the header and the rows in the list state's window; `cells(i)` gives row i's texts and styles.
    /// The selected row is drawn whole in `selected` (a full-width bar, so it shows without colour).
    public func render(rowCount: Int, state: ListState, in rect: Rect, header: Style, selected: Style?,
                       into buffer: inout Buffer, cells: (Int) -> [(String, Style)]) {
        let slots = layout(in: rect)
        for (slot, column) in zip(slots, columns) where slot.width > 0 {
            buffer.put(column.title, x: slot.x, y: rect.y, width: slot.width, style: header,
                       alignment: column.trailing ? .trailing : .leading)
        }
        let visible = rect.height - 1
        for (line, index) in state.window(count: rowCount, visible: visible).enumerated() {
            let y = rect.y + 1 + line
            let isSelected = index == state.selection && selected != nil
            if isSelected, let selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: selected) }
            for (k, cell) in cells(index).enumerated() where k < slots.count && slots[k].width > 0 {
                buffer.put(cell.0, x: slots[k].x, y: y, width: slots[k].width, style: isSelected ? selected! : cell.1,
                           alignment: columns[k].trailing ? .trailing : .leading)
            }
        }
    }
}
