/// Resolves a range of board rows to the cells in it, whether or not the console has fetched those rows.
public protocol BoardRangeReading {
    /// The cells of `themeIDs` at rows `rows` (board order: `OfficeOrder`) of `scope`'s communities that
    /// pass `filter`, row by row. A theme that does not apply to a community (it has no such cell) is left out.
    func cellKeys(in scope: CommunityScope, filter: CommunityFilter, rows: Range<Int>, themeIDs: [RowID],
                  today: Day) throws(GridError) -> [CellKey]
}
