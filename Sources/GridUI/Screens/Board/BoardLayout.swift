import TerminalKit

/// Where the board's columns go at the current size: computed the same way by the update (to keep the cursor
/// visible) and by the view, through TerminalKit's one `ColumnRule` like every other table.
///
/// The board is three column groups: the frozen community name, the street, and the theme cells (which scroll
/// sideways when they do not all fit). Minimums: below 60 columns one-character cells and a 10-column name; from 60
/// two-character cells (6 columns) and a 16-column name; the street needs 10. Shrinking order: the street goes first,
/// then theme cells beyond the first scroll out of view; the name stays. Growing order (what is left once every theme
/// fits): the name up to 30, then the street up to 16, then wider cells that show whole theme names (up to 10).
public struct BoardLayout: Hashable, Sendable {
    /// Width of the frozen community-name column.
    public var nameWidth: Int
    /// Width of the street column (0 when hidden).
    public var streetWidth: Int
    /// Width of one theme cell.
    public var cellWidth: Int
    /// x of the first theme cell.
    public var firstCellX: Int
    /// Theme columns that fit.
    public var visibleColumns: Int
    /// One-character labels.
    public var narrow: Bool

    /// The column groups as `ColumnRule` specs (name, street, theme cells) for a screen width and a number of themes.
    static func columns(width: Int, themes: Int) -> [ColumnSpec] {
        let narrow = width < 60
        let cellMin = narrow ? 3 : 6
        let nameMin = narrow ? 10 : 16
        let count = max(1, themes)
        // Every theme at its minimum when that fits beside the name; otherwise as many whole cells as fit (the rest
        // scroll), so the theme group never pushes the name out.
        let fitting = max(1, (width - nameMin - 1) / cellMin)
        let themeMin = min(count, fitting) * cellMin
        return [
            ColumnSpec("name", min: nameMin, max: narrow ? nameMin : 30, priority: 3),
            // Below 60 columns the street is never shown: its minimum is made wider than the screen, so the rule
            // drops it as the lowest priority.
            ColumnSpec("street", min: narrow ? width + 1 : 10, max: 16, priority: 1),
            ColumnSpec("themes", min: themeMin, max: narrow ? themeMin : count * 10, priority: 2),
        ]
    }

    /// The layout for a screen width and a number of themes.
    public init(width: Int, themes: Int = 0) {
        narrow = width < 60
        let widths = ColumnRule.widths(Self.columns(width: width, themes: themes), width: width, gap: 1)
        nameWidth = widths[0]
        streetWidth = widths[1]
        let count = max(1, themes)
        let cellMin = narrow ? 3 : 6
        // The theme group's width is shared out evenly when every theme fits; otherwise cells keep their minimum.
        cellWidth = min(narrow ? 3 : 10, max(cellMin, widths[2] / count))
        if widths[2] < count * cellMin { cellWidth = cellMin }
        firstCellX = nameWidth + 1 + (streetWidth > 0 ? streetWidth + 1 : 0)
        visibleColumns = max(1, (width - firstCellX) / cellWidth)
    }
}
