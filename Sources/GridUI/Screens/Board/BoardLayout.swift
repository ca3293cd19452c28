/// Where the board's columns go at the current size: computed the same way by the update (to keep the cursor
/// visible) and by the view. The rule: below 60 columns one-character cells and a 10-column name; from 60 two-character
/// cells and a 16-column name; from 100 a street column. What is left once every theme fits goes to the name (up to
/// 30), then the street (up to 16), then wider cells that show whole theme names (up to 10).
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

    /// The layout for a screen width and a number of themes.
    public init(width: Int, themes: Int = 0) {
        narrow = width < 60
        streetWidth = width >= 100 ? 10 : 0
        nameWidth = narrow ? 10 : (width >= 100 ? 18 : 16)
        cellWidth = narrow ? 3 : 6
        if !narrow, themes > 0 {
            var spare = width - (nameWidth + 1 + (streetWidth > 0 ? streetWidth + 1 : 0) + themes * cellWidth)
            func grow(_ value: inout Int, to limit: Int, per step: Int = 1) {
                let add = max(0, min(spare / step, limit - value))
                value += add
                spare -= add * step
            }
            grow(&nameWidth, to: 30)
            if streetWidth > 0 { grow(&streetWidth, to: 16) }
            grow(&cellWidth, to: 10, per: themes)
        }
        firstCellX = nameWidth + 1 + (streetWidth > 0 ? streetWidth + 1 : 0)
        visibleColumns = max(1, (width - firstCellX) / cellWidth)
    }
}
