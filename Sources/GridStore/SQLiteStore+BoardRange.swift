import GRDB
import GridCore

extension SQLiteStore {
    public func cellKeys(in scope: CommunityScope, filter: CommunityFilter, rows: Range<Int>, themeIDs: [RowID],
                         today: Day) throws(GridError) -> [CellKey] {
        guard !rows.isEmpty, !themeIDs.isEmpty else { return [] }
        let w = CommunityWhere(scope, filter: filter, today: today)
        let themes = themeIDs.map(String.init).joined(separator: ",")
        return try read { db in
            let ids = try w.windowIDs(db, offset: max(0, rows.lowerBound), limit: rows.count)
            var present: Set<CellKey> = []
            // Chunked to stay under SQLite's bound-parameter limit; (community_id, theme_id) is the cell's key.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(ids.count, start + 500)])
                for r in try Row.fetchAll(db, sql: """
                    SELECT community_id, theme_id FROM cell
                    WHERE community_id IN (\(databaseQuestionMarks(count: chunk.count))) AND theme_id IN (\(themes))
                    """, arguments: StatementArguments(chunk)) {
                    present.insert(CellKey(communityID: r[0], themeID: r[1]))
                }
            }
            return ids.flatMap { id in
                themeIDs.map { CellKey(communityID: id, themeID: $0) }.filter(present.contains)
            }
        }
    }
}
