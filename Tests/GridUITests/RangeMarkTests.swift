import GridCore
import Testing
import TerminalKit
@testable import GridUI

@Suite("Reduce: a range mark covers rows that are not fetched")
struct RangeMarkTests {
    @Test("Space on the first row, G, v asks the store for every row of the range; its answer marks them")
    func rangeBeyondWindow() {
        var s = UIFixture.state(total: 200)
        _ = UIFixture.press(&s, [.char(" "), .char("G")], total: 200)
        #expect(s.board.row(at: 0) == nil, "the first rows are no longer fetched")
        let effects = UIFixture.press(&s, [.char("v")], total: 200)
        #expect(effects == [.loadRangeMarks(scope: .all, filter: .none, rows: 0..<200, themeIDs: [UIFixture.themes[0].id])])
        let keys = (0..<200).map { CellKey(communityID: RowID($0 + 1), themeID: UIFixture.themes[0].id) }
        #expect(Reducer.reduce(&s, .rangeMarksLoaded(scope: .all, filter: .none, keys: keys)).isEmpty)
        #expect(s.board.marks.count == 200)
        _ = UIFixture.press(&s, [.char("1")], total: 200)
        guard case .confirm(let c)? = s.overlay, case .saveStatus(let targets, let request)? = c.effects.first else {
            Issue.record("no confirmation"); return
        }
        #expect(targets.count == 200)
        #expect(c.question.contains("200"))
        #expect(UIFixture.press(&s, [.char("y")], total: 200) == [.saveStatus(targets: targets, request: request)])
    }

    @Test("a range across columns asks for each column's theme; an answer for another scope or filter is dropped")
    func columnsAndStaleAnswers() {
        var s = UIFixture.state(total: 200)
        _ = UIFixture.press(&s, [.char(" "), .char("G"), .char("l"), .char("l")], total: 200)
        let effects = UIFixture.press(&s, [.char("v")], total: 200)
        #expect(effects == [.loadRangeMarks(scope: .all, filter: .none, rows: 0..<200, themeIDs: UIFixture.themes.map(\.id))])
        let marked = s.board.marks
        let stale = [CellKey(communityID: 1, themeID: 2)]
        _ = Reducer.reduce(&s, .rangeMarksLoaded(scope: .street(1), filter: .none, keys: stale))
        _ = Reducer.reduce(&s, .rangeMarksLoaded(scope: .all, filter: CommunityFilter(overdueOnly: true), keys: stale))
        #expect(s.board.marks == marked)
    }

    @Test("a range within the fetched rows is marked at once, without asking the store")
    func rangeWithinWindow() {
        var s = UIFixture.state(total: 200)
        #expect(UIFixture.press(&s, [.char(" "), .char("j"), .char("j"), .char("v")], total: 200).isEmpty)
        #expect(s.board.marks.count == 4)
    }
}
