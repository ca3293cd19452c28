import GridCore
import Testing
@testable import GridStore

@Suite("Cells of a range of board rows")
struct BoardRangeStoreTests {
    @Test("the cells of rows a..<b are those of the same rows read as a window, in any scope and filter")
    func matchesWindow() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let today = Fixture.today
        let themeIDs = try store.themes().prefix(3).map(\.id)
        let unit = try #require(try store.rollups(groupedBy: .unit, within: .all, today: today).first?.node?.node)
        for (scope, filter, rows) in [(CommunityScope.all, CommunityFilter.none, 0..<300), (.all, .none, 50..<120),
                                      (.all, CommunityFilter(statuses: [.problem]), 3..<40), (CommunityScope(unit), .none, 0..<1_000)] {
            let window = try store.communities(in: scope, filter: filter, offset: rows.lowerBound, limit: rows.count, today: today)
            let cells = try store.cells(communityIDs: window.map(\.community.id))
            let order = Dictionary(uniqueKeysWithValues: window.enumerated().map { ($0.element.community.id, $0.offset) })
            let expected = cells.filter { themeIDs.contains($0.themeID) }
                .sorted { (order[$0.communityID]!, themeIDs.firstIndex(of: $0.themeID)!) < (order[$1.communityID]!, themeIDs.firstIndex(of: $1.themeID)!) }
                .map { CellKey(communityID: $0.communityID, themeID: $0.themeID) }
            #expect(!expected.isEmpty)
            #expect(try store.cellKeys(in: scope, filter: filter, rows: rows, themeIDs: themeIDs, today: today) == expected, "\(scope) \(rows)")
        }
    }
}
