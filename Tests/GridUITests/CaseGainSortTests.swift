import GridCore
import GridPalette
import Testing
import TerminalKit
@testable import GridUI

@Suite("Reduce: :sort gain orders the case queue by the points fixing each case gains")
struct CaseGainSortTests {
    /// Answers the gain order and its windows as the effect runner would (the gain of a cell from `gains`), the rest
    /// through the fake queue; counts the rows read by number.
    final class GainAnswers {
        let fake: FakeCaseQueue
        var gains: [CellKey: Double]
        var rowsRead = 0
        var closed: Set<CaseNumber> = []

        init(_ fake: FakeCaseQueue, gains: [CellKey: Double]) {
            self.fake = fake
            self.gains = gains
        }

        func answer(_ s: inout AppState, _ effects: [Effect]) {
            var queue = effects
            while !queue.isEmpty {
                switch queue.removeFirst() {
                case .loadCaseGainOrder(let q, let follow):
                    let keys = fake.filtered(q, today: s.today).filter { !closed.contains($0.record.number) }.map {
                        CaseQueueKey(number: $0.record.number, cell: CellKey(communityID: $0.record.communityID, themeID: $0.record.themeID))
                    }
                    let (order, byCase) = CaseGainOrder.order(keys, gains: gains)
                    queue += Reducer.reduce(&s, .caseGainOrderLoaded(query: q, order: order, gains: byCase, follow: follow))
                case .loadCaseRows(let q, let offset, let numbers):
                    let rows = numbers.compactMap { n in fake.rows.first { $0.record.number == n && !closed.contains(n) } }
                    rowsRead += rows.count
                    queue += Reducer.reduce(&s, .caseGainRowsLoaded(query: q, offset: offset, requested: numbers, rows: rows))
                case let e:
                    fake.answer(&s, [e])
                }
            }
        }

        func press(_ s: inout AppState, _ keys: [Key]) {
            for k in keys { answer(&s, Reducer.reduce(&s, .key(k))) }
        }

        func command(_ s: inout AppState, _ text: String) {
            press(&s, [.char(":")] + text.map { .char($0) } + [.enter])
        }
    }

    /// 300 cases; community 250's cell gains most, then 7's, then 120's; the rest gain nothing.
    static func answers() -> GainAnswers {
        let gains: [CellKey: Double] = [CellKey(communityID: 250, themeID: 1): 0.8, CellKey(communityID: 7, themeID: 1): 0.31,
                                        CellKey(communityID: 120, themeID: 1): 0.05]
        return GainAnswers(FakeCaseQueue(CaseQueueScrollTests.cases(300)), gains: gains)
    }

    @Test("the cases that gain most come first with their gain shown; the rest keep deadline order")
    func ordersByGain() {
        let a = CaseGainSortTests.answers()
        var s = UIFixture.state()
        a.press(&s, [.tab])
        let byDeadline = a.fake.filtered(CaseQueueQuery(), today: s.today).map(\.record.number)
        a.command(&s, "sort gain")
        #expect(s.screen == .cases && s.cases.sort == .gain)
        let order = try? #require(s.cases.gainOrder)
        #expect(order?.prefix(3).map(\.sequence) == [250, 7, 120])
        #expect(Array(order?.dropFirst(3) ?? []) == byDeadline.filter { ![250, 7, 120].contains($0.sequence) })
        #expect(s.cases.total == 300 && s.cases.selected?.record.number.sequence == 250)
        #expect(a.rowsRead <= s.boardVisibleRows * 3, "a window read by number, not every case")
        let screen = Renderer.render(s, palette: BuiltinPalettes.default)
        let text = (0..<screen.height).map { screen.rowText($0) }.joined(separator: "\n")
        #expect(text.contains("按挽回分排序") && text.contains("挽回分") && text.contains("+0.80") && text.contains("+0.31"))

        a.command(&s, "sort due")
        #expect(s.cases.sort == .deadline && s.cases.gainOrder == nil)
        #expect(s.cases.selected?.record.number == byDeadline.first)
    }

    @Test("paging to the end reads each window by number; a filter keeps the gain order")
    func pagingAndFilter() {
        let a = CaseGainSortTests.answers()
        var s = UIFixture.state()
        a.press(&s, [.tab])
        a.command(&s, "sort gain")
        a.press(&s, [.char("G")])
        #expect(s.cases.selection == 299 && s.cases.selected?.record.number == s.cases.gainOrder?.last)
        a.press(&s, [.char("!")])
        #expect(s.cases.total == 30 && s.cases.sort == .gain)
        #expect(s.cases.gainOrder?.allSatisfy { ($0.sequence - 1) % 10 == 0 } == true, "escalated only: every tenth case")
        #expect(s.cases.selected != nil)
    }

    @Test("a case closed since the order was computed: the order is computed again, no row out of place")
    func closedMeanwhile() {
        let a = CaseGainSortTests.answers()
        var s = UIFixture.state()
        a.press(&s, [.tab])
        a.command(&s, "sort gain")
        let second = s.cases.gainOrder![1]
        a.closed.insert(second)
        // The next window read misses the closed case: the order comes again without it.
        s.cases.rows = []
        a.answer(&s, CasesScreen.ensureWindow(&s))
        #expect(s.cases.gainOrder?.contains(second) == false)
        #expect(s.cases.total == 299)
        #expect(s.cases.rows.map(\.record.number) == Array(s.cases.gainOrder!.prefix(s.cases.rows.count)))
    }

    @Test("stale replies are dropped: a deadline window after :sort gain, a gain order after :sort due")
    func staleReplies() {
        let a = CaseGainSortTests.answers()
        var s = UIFixture.state()
        a.press(&s, [.tab])
        let deadlineRows = s.cases.rows
        a.command(&s, "sort gain")
        let gainRows = s.cases.rows
        _ = Reducer.reduce(&s, .caseQueueLoaded(query: s.cases.query, total: 300, offset: 0, rows: deadlineRows))
        #expect(s.cases.rows == gainRows)
        a.press(&s, [.char(":")] + "sort due".map { .char($0) } + [.enter])
        _ = Reducer.reduce(&s, .caseGainOrderLoaded(query: s.cases.query, order: [], gains: [:], follow: nil))
        #expect(s.cases.sort == .deadline && s.cases.total == 300)
    }

    @Test("a wrong :sort word is a usage message and changes nothing")
    func usage() {
        let a = CaseGainSortTests.answers()
        var s = UIFixture.state()
        a.press(&s, [.tab])
        a.command(&s, "sort 随便")
        #expect(s.message?.isError == true && s.message?.text.contains("sort gain|due") == true)
        #expect(s.cases.sort == .deadline)
    }

    @Test("CaseGainOrder: most gain first, ties and zero gains in queue order, gains reported per case")
    func orderTable() {
        let k = { (n: Int, c: RowID) in CaseQueueKey(number: CaseNumber(year: 2026, sequence: n), cell: CellKey(communityID: c, themeID: 1)) }
        let keys = [k(1, 10), k(2, 20), k(3, 10), k(4, 30), k(5, 40)]
        let (order, gains) = CaseGainOrder.order(keys, gains: [CellKey(communityID: 10, themeID: 1): 0.5,
                                                               CellKey(communityID: 30, themeID: 1): 0.9])
        #expect(order.map(\.sequence) == [4, 1, 3, 2, 5])
        #expect(gains.count == 3 && gains[CaseNumber(year: 2026, sequence: 3)] == 0.5)
        #expect(CaseGainOrder.order([], gains: [:]).numbers.isEmpty)
    }
}
