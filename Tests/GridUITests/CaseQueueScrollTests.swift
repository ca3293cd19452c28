import GridCore
import GridPalette
import Testing
import TerminalKit
@testable import GridUI

@Suite("Reduce: the case queue keeps its rows in view when they shrink")
struct CaseQueueScrollTests {
    /// `count` open cases: the first `overdue` past their deadline, every tenth escalated, every fourth at 桂苑.
    static func cases(_ count: Int, overdue: Int = 100) -> [CaseRow] {
        (0..<count).map { i in
            var c = CaseRecord(number: CaseNumber(year: 2026, sequence: i + 1), source: .supervision, communityID: RowID(i + 1),
                               themeID: 1, description: "问题 \(i)", deadlineClass: .threeDays,
                               foundAt: Timestamp(millis: 0), foundBy: "zhangwei", chain: ChainSnapshot(chain: []))
            c.state = .rectifying
            c.dueOn = UIFixture.today.adding(days: i < overdue ? -1 : 3)
            c.escalated = i % 10 == 0
            return CaseRow(record: c, communityName: i % 4 == 0 ? "桂苑" : "阳光小区", themeName: "环境卫生", unitName: "城关住建局",
                           streetName: "城关镇")
        }
    }

    /// The board with the case queue open on `rows`, the selection at the end (G).
    static func queueAtEnd(_ fake: FakeCaseQueue) -> AppState {
        var s = UIFixture.state()
        fake.press(&s, [.tab])
        #expect(s.cases.total == fake.rows.count)
        #expect(s.cases.rows.count < fake.rows.count, "a window, not every case")
        fake.press(&s, [.char("G")])
        #expect(s.cases.selection == fake.rows.count - 1)
        #expect(s.cases.offset > 0)
        #expect(s.cases.selected?.record.number == fake.rows.last?.record.number)
        return s
    }

    /// The selection and scroll are on the rows, and the screen draws as many case rows as fit.
    func expectRowsDrawn(_ s: AppState, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let count = s.cases.total
        #expect(count > 0, "\(what): the filter left rows", sourceLocation: sourceLocation)
        #expect(s.cases.selected != nil, "\(what): selection \(s.cases.selection) of \(count)", sourceLocation: sourceLocation)
        #expect(s.cases.offset <= s.cases.selection, "\(what)", sourceLocation: sourceLocation)
        #expect(s.cases.offset + s.boardVisibleRows > s.cases.selection, "\(what)", sourceLocation: sourceLocation)
        let screen = Renderer.render(s, palette: BuiltinPalettes.default)
        let text = (0..<screen.height).map { screen.rowText($0) }
        let drawn = s.cases.rows.filter { row in text.contains { $0.contains(row.record.number.description) } }.count
        // The filter prompt is an overlay on the key-hint bar: every list row stays visible while it is typed.
        let shown = min(count, s.boardVisibleRows)
        #expect(drawn == shown, "\(what): \(drawn) rows drawn of \(count)", sourceLocation: sourceLocation)
    }

    @Test("G then ! (escalated), O (overdue) or a typed filter shows the remaining rows at once")
    func filters() {
        let fake = FakeCaseQueue(CaseQueueScrollTests.cases(300))
        var s = CaseQueueScrollTests.queueAtEnd(fake)
        fake.press(&s, [.char("!")])
        #expect(s.cases.total == 30)
        expectRowsDrawn(s, "! after G")

        s = CaseQueueScrollTests.queueAtEnd(fake)
        fake.press(&s, [.char("O")])
        #expect(s.cases.total == 100)
        expectRowsDrawn(s, "O after G")

        s = CaseQueueScrollTests.queueAtEnd(fake)
        fake.press(&s, [.char("/")] + "桂苑".map { .char($0) })
        #expect(s.cases.total == 75)
        expectRowsDrawn(s, "/桂苑 after G, while typing")
        fake.press(&s, [.enter, .char("G"), .char("!")])
        #expect(s.cases.total == 15)
        expectRowsDrawn(s, "G then ! within /桂苑")
    }

    @Test("G then a bulk move that empties most of a filtered queue shows the rest at once")
    func bulkMove() {
        let rows = CaseQueueScrollTests.cases(300)
        var s = CaseQueueScrollTests.queueAtEnd(FakeCaseQueue(rows))
        FakeCaseQueue(rows).press(&s, [.char("O"), .char("G")])
        #expect(s.cases.selection == 99)
        // The move closed 90 of the overdue cases: the reload has fewer rows, the filter fewer still.
        let effects = Reducer.reduce(&s, .caseMoved(number: CaseNumber(year: 2026, sequence: 1), from: .assigned, to: .submitted, dueOn: nil))
        #expect(effects.contains { if case .loadCaseQueue(_, _, _, nil, _, _) = $0 { true } else { false } }, "the queue is counted again")
        FakeCaseQueue(Array(rows.dropFirst(90))).answer(&s, effects)
        #expect(s.cases.total == 10)
        expectRowsDrawn(s, "after the bulk move")
    }
}

@Suite("Reduce: the case queue is fetched by window")
struct CaseQueueWindowTests {
    @Test("every window asked for is at most three screens; moves inside the window ask for nothing; G reaches the last")
    func windows() {
        let fake = FakeCaseQueue(CaseQueueScrollTests.cases(3_000, overdue: 1_000))
        var s = UIFixture.state()
        fake.press(&s, [.tab])
        let visible = CasesScreen.visibleRows(s)
        #expect(s.cases.total == 3_000)
        let asked = fake.log.windows.count
        fake.press(&s, [.char("j"), .char("j"), .char("k")])
        #expect(fake.log.windows.count == asked, "moves inside the fetched window ask the store for nothing")
        fake.press(&s, Array(repeating: .pageDown, count: 40) + [.char("G"), .pageUp, .char("g"), .char("O"), .char("G"), .char("!")])
        #expect(fake.log.windows.allSatisfy { $0.limit <= 3 * visible })
        #expect(s.cases.rows.count <= 3 * visible)
        fake.press(&s, [.char("!"), .char("O"), .char("G")])
        #expect(s.cases.selected?.record.number == fake.filtered(CaseQueueQuery(), today: s.today).last?.record.number)
    }

    @Test("a reply for a filter no longer asked for is dropped")
    func staleReply() {
        let fake = FakeCaseQueue(CaseQueueScrollTests.cases(300))
        var s = UIFixture.state()
        fake.press(&s, [.tab, .char("O")])
        #expect(s.cases.total == 100)
        let rows = fake.filtered(CaseQueueQuery(), today: s.today)
        _ = Reducer.reduce(&s, .caseQueueLoaded(query: CaseQueueQuery(), total: rows.count, offset: 0, rows: Array(rows.prefix(10))))
        #expect(s.cases.total == 100, "the unfiltered reply came after O was pressed")
    }
}
