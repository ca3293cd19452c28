import GridCore
import Testing
import TerminalKit
@testable import GridUI

@Suite("Reduce: board navigation and windows")
struct NavigationTests {
    @Test("start loads a window three screens tall (the browser loads when first shown)")
    func start() {
        var s = AppState(width: 80, height: 24, login: "a", role: .admin, databaseName: "g", today: UIFixture.today)
        let effects = Reducer.reduce(&s, .start(themes: UIFixture.themes))
        #expect(effects == [.loadBoard(scope: .all, filter: .none, offset: 0, limit: s.boardVisibleRows * 3, total: nil)])
    }

    @Test("j, k, G, g and PgDn move the cursor and keep it visible")
    func moves() {
        var s = UIFixture.state(total: 200)
        _ = UIFixture.press(&s, [.char("j"), .char("j")], total: 200)
        #expect(s.board.cursorRow == 2)
        _ = UIFixture.press(&s, [.char("G")], total: 200)
        #expect(s.board.cursorRow == 199)
        #expect(s.board.rowOffset == 200 - s.boardVisibleRows)
        #expect(s.board.row(at: 199) != nil, "the window was fetched around the end")
        _ = UIFixture.press(&s, [.char("g"), .pageDown], total: 200)
        #expect(s.board.cursorRow == s.boardVisibleRows)
        _ = UIFixture.press(&s, [.char("k")], total: 200)
        #expect(s.board.cursorRow == s.boardVisibleRows - 1)
    }

    @Test("memory stays bounded by the window however far the board is scrolled")
    func boundedWindow() {
        var s = UIFixture.state(total: 100_000)
        for _ in 0..<50 { _ = UIFixture.press(&s, [.pageDown], total: 100_000) }
        _ = UIFixture.press(&s, [.char("G")], total: 100_000)
        #expect(s.board.rows.count <= s.boardVisibleRows * 3)
    }

    @Test("moving within the fetched window asks the store for nothing")
    func noFetchInsideWindow() {
        var s = UIFixture.state(total: 200)
        let effects = Reducer.reduce(&s, .key(.char("j")))
        #expect(effects.isEmpty)
    }

    @Test("l and h move across themes and stop at the edges")
    func columns() {
        var s = UIFixture.state()
        _ = UIFixture.press(&s, [.char("l"), .char("l"), .char("l"), .char("l")])
        #expect(s.board.cursorColumn == 2)
        _ = UIFixture.press(&s, [.char("^")])
        #expect(s.board.cursorColumn == 0)
    }

    @Test("too small: only q does anything")
    func tooSmall() {
        var s = UIFixture.state()
        _ = Reducer.reduce(&s, .resize(width: 30, height: 10))
        #expect(s.isTooSmall)
        #expect(Reducer.reduce(&s, .key(.char("j"))).isEmpty)
        #expect(Reducer.reduce(&s, .key(.char("q"))) == [.quit])
    }
}

@Suite("Reduce: status changes, marks and undo")
struct ChangeTests {
    @Test("a status key that needs nothing saves at once")
    func oneKey() {
        var s = UIFixture.state()
        let effects = UIFixture.press(&s, [.char("1")])
        #expect(effects == [.saveStatus(targets: [CellKey(communityID: 1, themeID: 1)], request: StatusChangeRequest(status: .ok))])
    }

    @Test("有问题 opens the problem form naming the cell; the description is required; deadline class and source go with the case")
    func problemForm() {
        var s = UIFixture.state()
        _ = UIFixture.press(&s, [.char("2")])
        guard case .problemForm(let first)? = s.overlay else { Issue.record("no form"); return }
        #expect(first.names == ["\(UIFixture.rows(offset: 0, count: 1, total: 1)[0].community.name)·\(UIFixture.themes[0].zh)"])
        #expect(UIFixture.press(&s, [.enter]).isEmpty, "empty note is refused in the form")
        guard case .problemForm(let f)? = s.overlay else { Issue.record("form closed"); return }
        #expect(f.error != nil)
        for ch in "楼道堆物" { _ = UIFixture.press(&s, [.char(ch)]) }
        _ = UIFixture.press(&s, [.tab, .right, .tab, .right, .right])
        let effects = UIFixture.press(&s, [.enter])
        #expect(effects == [.recordCases(targets: [CellKey(communityID: 1, themeID: 1)], description: "楼道堆物", deadlineClass: .sevenDays,
                                         source: .gridWorker)],
                "a problem found on site is recorded as a case")
        #expect(s.overlay == nil)
    }

    @Test("挂账 asks for a plan date after today")
    func parkedForm() {
        var s = UIFixture.state()
        _ = UIFixture.press(&s, [.char("6"), .char("需"), .char("改"), .char("造"), .tab])
        for _ in 0..<10 { _ = UIFixture.press(&s, [.backspace]) }
        for ch in "2026-01-01" { _ = UIFixture.press(&s, [.char(ch)]) }
        #expect(UIFixture.press(&s, [.enter]).isEmpty)
        guard case .parkForm(let f)? = s.overlay else { Issue.record("form closed"); return }
        #expect(f.error?.contains("plan date") == true)
    }

    @Test("marks, a range and a column; one status key asks to confirm the count, then saves them all")
    func bulk() {
        var s = UIFixture.state()
        _ = UIFixture.press(&s, [.char(" "), .char("j"), .char("j"), .char("v")])
        #expect(s.board.marks.count == 4, "rows 0–3 of column 0: the toggled cell and the range")
        _ = UIFixture.press(&s, [.char("l"), .char("V")])
        let visible = min(40, s.boardVisibleRows)
        #expect(s.board.marks.count == 4 + visible)
        _ = UIFixture.press(&s, [.char("1")])
        guard case .confirm(let c)? = s.overlay, case .saveStatus(let targets, let request)? = c.effects.first else {
            Issue.record("no confirmation"); return
        }
        #expect(targets.count == s.board.marks.count)
        #expect(request == StatusChangeRequest(status: .ok))
        #expect(c.names.count == targets.count, "the confirmation names every cell")
        let effects = UIFixture.press(&s, [.char("y")])
        #expect(effects == [.saveStatus(targets: targets, request: request)])
        _ = UIFixture.press(&s, [.char("c")])
        #expect(s.board.marks.isEmpty)
    }

    @Test("n cancels a bulk change and nothing is saved")
    func bulkCancel() {
        var s = UIFixture.state()
        _ = UIFixture.press(&s, [.char(" "), .char(" "), .char("7")])
        #expect(UIFixture.press(&s, [.char("n")]).isEmpty)
        #expect(s.overlay == nil)
    }

    @Test("a saved change updates the board, is undoable, and undo restores the earlier state")
    func undo() {
        var s = UIFixture.state()
        let before = s.board.rows[0].cells[1]!
        var after = before
        after.status = .rectifying
        _ = Reducer.reduce(&s, .changesSaved(before: [before], after: [after], isUndo: false))
        #expect(s.board.rows[0].cells[1]?.status == .rectifying)
        #expect(s.message?.text.contains("已保存") == true)
        #expect(UIFixture.press(&s, [.char("u")]) == [.restore([before], expecting: [after])])
        _ = Reducer.reduce(&s, .changesSaved(before: [], after: [before], isUndo: true))
        #expect(s.board.rows[0].cells[1]?.status == before.status)
        #expect(s.undo.isEmpty)
        #expect(UIFixture.press(&s, [.char("u")]).isEmpty)
    }

    @Test("a failed write shows the error and leaves the board as the store has it")
    func failure() {
        var s = UIFixture.state()
        let cells = s.board.rows[0].cells
        _ = Reducer.reduce(&s, .changeFailed("未保存: database is busy"))
        #expect(s.message?.isError == true)
        #expect(s.board.rows[0].cells == cells)
    }

    @Test("a viewer is told at once that they may not change cells")
    func viewer() {
        var s = UIFixture.state(role: .viewer)
        #expect(UIFixture.press(&s, [.char("1")]).isEmpty)
        #expect(s.message?.isError == true)
    }
}

@Suite("Reduce: filter, search, command line, help, live refresh")
struct FindTests {
    @Test("the filter menu toggles statuses and overdue and reloads from row 0")
    func filter() {
        var s = UIFixture.state()
        _ = UIFixture.press(&s, [.char("j"), .char("f")])
        let effects = Reducer.reduce(&s, .key(.char("o")))
        #expect(s.board.filter.overdueOnly)
        #expect(s.board.cursorRow == 0)
        #expect(effects.contains { if case .loadBoard(_, let f, 0, _, nil, _) = $0 { f.overdueOnly } else { false } })
        _ = Reducer.reduce(&s, .key(.char("2")))
        #expect(s.board.filter.statuses == [.problem])
        #expect(s.board.filter.label == "有问题 · 逾期")
        _ = Reducer.reduce(&s, .key(.char("x")))
        #expect(!s.board.filter.isActive)
    }

    @Test("search is incremental; Enter jumps to the hit; n and N cycle; late answers are ignored")
    func search() {
        var s = UIFixture.state()
        #expect(UIFixture.press(&s, [.char("/"), .char("阳")]) == [.search("阳")])
        let hits = [SearchHit(ref: NodeRef(node: .community(4), name: "阳光小区", path: "城关镇")),
                    SearchHit(ref: NodeRef(node: .unit(9), name: "阳光物业", path: ""))]
        _ = Reducer.reduce(&s, .searchResults(query: "旧", hits: []))
        #expect(s.search.hits.isEmpty)
        _ = Reducer.reduce(&s, .searchResults(query: "阳", hits: hits))
        #expect(UIFixture.press(&s, [.enter]) == [.locate(communityID: 4, scope: .all, filter: .none)])
        _ = UIFixture.answer(&s, Reducer.reduce(&s, .located(communityID: 4, row: 3)))
        #expect(s.board.cursorRow == 3)
        _ = UIFixture.press(&s, [.char("n")])
        #expect(s.board.scope == .unit(9))
        #expect(s.board.scopeLabel == "阳光物业")
    }

    @Test(":goto a community outside the board's scope widens it and fetches the board anew, whatever the old scope held")
    func gotoOutsideScope() {
        var s = UIFixture.state()
        _ = UIFixture.press(&s, [.char(":")] + "filter overdue".map { .char($0) } + [.enter], total: 40)
        #expect(s.board.filter.overdueOnly && s.board.total == 40)
        // Not in the filtered board: widened to every community, the filtered rows dropped at once.
        let widen = Reducer.reduce(&s, .located(communityID: 77, row: nil))
        #expect(widen == [.locate(communityID: 77, scope: .all, filter: .none)])
        #expect(s.board.rows.isEmpty && !s.board.filter.isActive)
        // Its row in the whole board is below the old scope's count: still fetched in the new scope.
        let effects = Reducer.reduce(&s, .located(communityID: 77, row: 12))
        #expect(effects.contains { if case .loadBoard(.all, .none, _, _, nil, _) = $0 { true } else { false } }, "\(effects)")
        _ = UIFixture.answer(&s, effects, total: 300)
        #expect(s.board.cursorRow == 12 && s.board.total == 300)
        #expect(s.board.rows.contains { $0.community.id == s.board.cursorKey?.communityID })
    }

    @Test(":goto searches and jumps to the first hit; :filter, :palette and :theme work; unknown commands say so")
    func commandLine() {
        var s = UIFixture.state()
        var effects = UIFixture.press(&s, [.char(":")] + "goto 桂".map { .char($0) } + [.enter])
        #expect(effects == [.search("桂")])
        effects = Reducer.reduce(&s, .searchResults(query: "桂", hits: [SearchHit(ref: NodeRef(node: .community(4), name: "桂苑", path: ""))]))
        #expect(effects == [.locate(communityID: 4, scope: .all, filter: .none)])
        _ = UIFixture.press(&s, [.char(":")] + "filter overdue".map { .char($0) } + [.enter])
        #expect(s.board.filter.overdueOnly)
        effects = UIFixture.press(&s, [.char(":")] + "theme light".map { .char($0) } + [.enter])
        #expect(effects == [.applyPalette("light")])
        effects = UIFixture.press(&s, [.char(":")] + "palette light".map { .char($0) } + [.enter])
        #expect(effects == [.applyPalette("light")])
        _ = UIFixture.press(&s, [.char(":")] + "frob".map { .char($0) } + [.enter])
        #expect(s.message?.isError == true)
        _ = UIFixture.press(&s, [.char(":"), .char("t"), .char("h"), .tab])
        #expect(s.overlay == .command(TextField("theme ")))
    }

    @Test("help lists the board's keys from the bindings that run there and filters them")
    func help() {
        var s = UIFixture.state()
        _ = UIFixture.press(&s, [.char("?")])
        #expect(s.screen == .help)
        let all = HelpScreen.lines(for: .board, s, filter: "")
        #expect(all.count == Bindings.on(.board, s).count)
        _ = UIFixture.press(&s, [.char("/")] + "撤销".map { .char($0) } + [.enter])
        #expect(HelpScreen.lines(for: .board, s, filter: s.help.filter.text).map(\.keys) == ["u"])
        _ = UIFixture.press(&s, [.escape])
        #expect(s.screen == .board)
    }

    @Test("every key of a screen's own bindings is bound once")
    func noDuplicateKeys() {
        let s = UIFixture.state()
        for screen in Screen.all {
            let keys = Screens.module(screen).bindings(s).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(screen)")
        }
    }

    @Test("changes by others are highlighted for a while and the window reloads")
    func liveRefresh() {
        var s = UIFixture.state()
        let key = CellKey(communityID: 1, themeID: 1)
        let effects = Reducer.reduce(&s, .externalChange(cells: [key]))
        #expect(effects.contains { if case .loadBoard = $0 { true } else { false } })
        #expect(s.highlights[key] != nil)
        for _ in 0..<10 { _ = Reducer.reduce(&s, .tick) }
        #expect(s.highlights.isEmpty)
    }
}

@Suite("Reduce: mouse")
struct MouseTests {
    @Test("a click on a board cell moves the cursor there; the wheel scrolls three rows")
    func board() {
        var s = UIFixture.state(total: 200)
        let layout = BoardLayout(width: s.width, themes: s.board.themes.count)
        _ = UIFixture.answer(&s, Reducer.reduce(&s, .mouse(MouseEvent(kind: .press, x: layout.firstCellX + layout.cellWidth + 1, y: 5))), total: 200)
        #expect(s.board.cursorRow == 3)
        #expect(s.board.cursorColumn == 1)
        _ = UIFixture.answer(&s, Reducer.reduce(&s, .mouse(MouseEvent(kind: .wheelDown, x: 0, y: 5))), total: 200)
        #expect(s.board.cursorRow == 6)
        _ = Reducer.reduce(&s, .mouse(MouseEvent(kind: .press, x: 0, y: 0)))
        #expect(s.board.cursorRow == 6, "a click on the title bar does nothing")
    }
}

@Suite("Reduce: bounds behind the speed budgets")
struct BoundsTests {
    @Test("every window asked for is at most three screens, whatever the keys")
    func fetchBounded() {
        var s = UIFixture.state(total: 100_000)
        var limits: [Int] = []
        for key in [Key.pageDown, .pageDown, .char("G"), .char("g"), .char("j"), .pageUp] {
            for e in Reducer.reduce(&s, .key(key)) {
                if case .loadBoard(_, _, let offset, let limit, _, _) = e {
                    limits.append(limit)
                    _ = UIFixture.answer(&s, Reducer.reduce(&s, .boardLoaded(total: 100_000, offset: offset,
                                                                              rows: UIFixture.rows(offset: offset, count: limit, total: 100_000))))
                }
            }
        }
        #expect(!limits.isEmpty)
        #expect(limits.allSatisfy { $0 <= 3 * s.boardVisibleRows })
    }

    @Test("scrolling past the window asks with the known total and an anchor next to the new window")
    func anchored() {
        var s = UIFixture.state(total: 1000)
        var request: Effect?
        for _ in 0..<10 where request == nil {
            request = Reducer.reduce(&s, .key(.pageDown)).first
        }
        guard case .loadBoard(_, _, let offset, _, let total, let anchor)? = request else {
            Issue.record("expected a window request, got \(String(describing: request))")
            return
        }
        #expect(total == 1000)
        #expect(anchor?.index == offset - 1, "the loaded row just before the new window")
    }
}

@Suite("Reduce: case queue")
struct CaseQueueReduceTests {
    func row(_ seq: Int, community: String, due: Int?, escalated: Bool = false) -> CaseRow {
        var r = CaseRecord(number: CaseNumber(year: 2026, sequence: seq), source: .supervision, communityID: 1, themeID: 1,
                           description: "问题\(seq)", deadlineClass: .threeDays, foundAt: Timestamp(millis: 0), foundBy: "z",
                           chain: ChainSnapshot(chain: []))
        r.state = .assigned
        r.dueOn = due.map { UIFixture.today.adding(days: $0) }
        r.escalated = escalated
        return CaseRow(record: r, communityName: community, themeName: "环境卫生", unitName: seq % 2 == 0 ? "县住建局" : "县城管局", streetName: "城关镇")
    }

    var fake: FakeCaseQueue {
        FakeCaseQueue([row(1, community: "阳光小区", due: -2), row(2, community: "锦绣华庭", due: 3, escalated: true),
                       row(3, community: "东湖农贸市场", due: 0)])
    }

    func state() -> AppState {
        var s = UIFixture.state()
        fake.press(&s, [.tab])
        return s
    }

    @Test("/ filters by any name; O keeps the overdue; ! the escalated")
    func filters() {
        var s = state()
        #expect(s.screen == .cases)
        _ = fake.press(&s, [.char("/")] + "住建".map { .char($0) } + [.enter])
        #expect(s.cases.rows.map(\.record.number.sequence) == [2])
        _ = fake.press(&s, [.char("/"), .escape])
        #expect(s.cases.rows.count == 3)
        _ = fake.press(&s, [.char("O")])
        #expect(s.cases.rows.map(\.record.number.sequence) == [1])
        _ = fake.press(&s, [.char("O"), .char("!")])
        #expect(s.cases.rows.map(\.record.number.sequence) == [2])
    }

    @Test("marked cases move together (bulk dispatch); reasons are asked once for all")
    func bulk() {
        var s = state()
        _ = fake.press(&s, [.char(" "), .char(" ")])
        // Queue order: 1 (overdue), 3 (due today), 2.
        let both = [CaseNumber(year: 2026, sequence: 1), CaseNumber(year: 2026, sequence: 3)]
        #expect(s.cases.marks == Set(both))
        _ = fake.press(&s, [.char("e")])
        guard case .confirm(let c)? = s.overlay else { Issue.record("a bulk move asks first"); return }
        #expect(c.question.contains("2"))
        #expect(c.names.count == 2)
        #expect(fake.press(&s, [.char("y")]) == [.moveCases(both, action: .escalate, reason: "")],
                "one effect for both: the service moves all or none")
        // 作废 is not possible from 已交办: refused at once, before a reason is typed.
        #expect(fake.press(&s, [.char("x")]).isEmpty)
        #expect(s.overlay == nil)
        #expect(s.message?.isError == true && s.message?.text.contains("not possible from there") == true)
        _ = fake.press(&s, [.char("d")])
        guard case .reason(let prompt)? = s.overlay else { Issue.record("no reason prompt"); return }
        #expect(prompt.action == .sendBack)
        #expect(prompt.names.count == 2, "the prompt names both cases")
        #expect(fake.press(&s, [.enter]).isEmpty, "an empty reason is refused")
        let effects = fake.press(&s, "不属本单位".map { .char($0) } + [.enter])
        #expect(effects == [.moveCases(both, action: .sendBack, reason: "不属本单位")])
    }
}
