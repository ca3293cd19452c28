/// Where the board's columns go at the current size: computed the same way by reduce (to keep the cursor
/// visible) and by render.
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

    /// The layout for a screen width.
    public init(width: Int) {
        narrow = width < 60
        streetWidth = width >= 100 ? 10 : 0
        nameWidth = narrow ? 10 : (width >= 100 ? 18 : 16)
        cellWidth = narrow ? 3 : 6
        firstCellX = nameWidth + 1 + (streetWidth > 0 ? streetWidth + 1 : 0)
        visibleColumns = max(1, (width - firstCellX) / cellWidth)
    }
}
