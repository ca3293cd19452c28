import Foundation
import GridCore
import Testing
import TerminalKit
import GridUI
@testable import GridApp

/// Every screen at 80×24 and 40×12, driven by key scripts over the demo county.
@Suite("Screen snapshots", .serialized)
struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (40, 12)]

    /// (name, key script) for each screen and overlay.
    static let scripts: [(String, [Key])] = [
        ("board", []),
        ("board-moved", [.char("j"), .char("j"), .char("l"), .char("l")]),
        ("form-problem", [.char("l"), .char("l"), .char("l"), .char("2")] + "楼道堆物".map { .char($0) }),
        ("saved", [.char("l"), .char("l"), .char("l"), .char("2")] + "楼道堆物".map { .char($0) } + [.enter]),
        ("confirm-bulk", [.char(" "), .char(" "), .char("1")]),
        ("filter-menu", [.char("f"), .char("o")]),
        ("cell-detail", [.char("j"), .enter]),
        ("browser", [.tab, .tab, .tab]),
        ("browser-drilled", [.tab, .tab, .tab, .enter, .enter]),
        ("dashboard", [.tab, .tab]),
        ("dashboard-drill", [.tab, .tab, .enter]),
        ("dashboard-fixes", [.tab, .tab, .char("f"), .char("j")]),
        ("help", [.char("?")]),
        ("search", [.char("/"), .char("云")]),
        ("command-line", [.char(":"), .char("t"), .char("h"), .tab]),
        ("case-queue", [.tab]),
        ("case-detail", [.tab, .enter]),
        // 退回 (send back) on a dispatched case: the reason prompt.
        ("case-reason", [.tab, .char("j"), .char("j"), .char("j"), .char("d")]),
        ("form-master-add", [.tab, .tab, .tab, .enter, .char("a")] + "滨江壹号院".map { .char($0) }),
        ("form-master-unit", [.tab, .tab, .tab, .enter, .enter, .enter, .char("e")]),
    ]

    @Test("screens match their reviewed snapshots", arguments: scripts.map(\.0))
    func screen(name: String) throws {
        let keys = ScreenSnapshotTests.scripts.first { $0.0 == name }!.1
        for (w, h) in ScreenSnapshotTests.sizes {
            let harness = try ConsoleHarness(width: w, height: h)
            harness.press(keys)
            Snapshot.assert(harness.backend, named: name)
        }
    }

    /// The screens whose columns widen with the terminal, at every size of the layout rule.
    static let wide: [(String, [Key])] = [
        ("board", []), ("browser-drilled", [.tab, .tab, .tab, .enter, .enter]), ("case-queue", [.tab]),
        ("case-detail", [.tab, .enter]), ("dashboard", [.tab, .tab]),
    ]

    @Test("columns widen with the terminal at 120×40 and 200×60", arguments: wide.map(\.0))
    func widened(name: String) throws {
        let keys = ScreenSnapshotTests.wide.first { $0.0 == name }!.1
        for (w, h) in [(120, 40), (200, 60)] {
            let harness = try ConsoleHarness(width: w, height: h)
            harness.press(keys)
            Snapshot.assert(harness.backend, named: name)
        }
    }

    /// Help on every screen, generated from the bindings that run there.
    static let helps: [(String, [Key])] = [
        ("help-board", [.char("?")]), ("help-cases", [.tab, .char("?")]), ("help-dashboard", [.tab, .tab, .char("?")]),
        ("help-browser", [.tab, .tab, .tab, .char("?")]), ("help-cell-detail", [.char("j"), .enter, .char("?")]),
        ("help-case-detail", [.tab, .enter, .char("?")]),
    ]

    @Test("help of every screen lists its running bindings", arguments: helps.map(\.0))
    func help(name: String) throws {
        let harness = try ConsoleHarness(width: 100, height: 40)
        harness.press(ScreenSnapshotTests.helps.first { $0.0 == name }!.1)
        #expect(harness.console.state.screen == .help)
        Snapshot.assert(harness.backend, named: name)
    }

    @Test("on a terminal without colours (TERM=vt100/linux, monochrome) the selected row is reverse video")
    func monochromeSelection() throws {
        for (name, keys) in [("board-mono", [Key]()), ("case-queue-mono", [.tab]), ("dashboard-mono", [.tab, .tab])] {
            let harness = try ConsoleHarness(colors: 1)
            harness.press(keys + [.char("j")])
            Snapshot.assert(harness.backend, named: name)
            #expect(harness.console.palette[.selection].reverse)
        }
    }

    @Test("below 40×12 a notice says the terminal is too small, and q still quits")
    func tooSmall() throws {
        let harness = try ConsoleHarness(width: 39, height: 11)
        Snapshot.assert(harness.backend, named: "too-small")
        #expect(harness.rows.contains { $0.contains("终端太小") })
        #expect(harness.rows.contains { $0.contains("need 40×12, have 39×11") })
        harness.press([.char("q")])
        #expect(harness.console.state.quitting)
    }
}

@Suite("Console behaviour over the real store", .serialized)
struct ConsoleBehaviourTests {
    @Test("a status change takes one key, is saved with its audit row, and the board shows it")
    func oneKeyChange() throws {
        let h = try ConsoleHarness()
        let before = try h.store.latestAuditID()
        let row = try #require(h.console.state.board.row(at: 0))
        let theme = h.console.state.board.themes[0]
        h.press([.char("7")])
        let stored = try h.store.cells(communityID: row.community.id).first { $0.theme.id == theme.id }
        #expect(stored?.cell.status == .notApplicable)
        let audit = try h.store.auditTrail(AuditQuery(afterID: before, limit: 10))
        #expect(audit.count == 1)
        #expect(audit.first?.record.source == .console)
        #expect(audit.first?.record.operatorLogin == "admin")
        #expect(h.rows[h.rows.count - 2].contains("已保存"))
        h.press([.char("u")])
        #expect(try h.store.cells(communityID: row.community.id).first { $0.theme.id == theme.id }?.cell.status == row.cells[theme.id]?.status)
        #expect(try h.store.auditTrail(AuditQuery(afterID: before, limit: 10)).first?.record.entry.note.contains("撤销") == true)
    }

    @Test("bulk change of marked cells is one transaction with one audit row per cell")
    func bulk() throws {
        let h = try ConsoleHarness()
        let before = try h.store.latestAuditID()
        // A column whose first three cells have no open cases (a key on a cell with cases moves the cases instead).
        let free: Set<CellStatus> = [.unchecked, .ok, .fixedOnSite]
        let rows = (0..<3).compactMap { h.console.state.board.row(at: $0) }
        let column = try #require(h.console.state.board.themes.firstIndex { t in rows.allSatisfy { free.contains($0.cells[t.id]?.status ?? .problem) } })
        h.press(Array(repeating: .char("l"), count: column))
        h.press([.char(" "), .char(" "), .char(" "), .char("7"), .char("y")])
        let audit = try h.store.auditTrail(AuditQuery(afterID: before, limit: 10))
        #expect(Set(audit.filter { $0.record.entry.field == "status" }.map(\.record.entry.entityID)).count == 3)
        #expect(Set(audit.map(\.record.at)).count == 1, "one transaction, one timestamp")
    }

    @Test("a refused change shows the error and leaves the board consistent with the store")
    func refused() throws {
        let h = try ConsoleHarness(login: "lina") // a clerk
        let cell = h.console.state.board.row(at: 0)?.cells[h.console.state.board.themes[0].id]
        h.press([.char("7")])
        #expect(h.console.state.message?.isError == true)
        #expect(h.console.state.board.row(at: 0)?.cells[h.console.state.board.themes[0].id] == cell)
    }

    @Test("moving the cursor one row sends a few cells, not a screen")
    func cursorMoveIsSmall() throws {
        let h = try ConsoleHarness()
        h.press([.char("j")])
        let sent = h.press([.char("j")])
        #expect(sent > 0)
        #expect(sent <= 40, "two gutter cells, two board cells and the position: \(sent) cells")
    }

    @Test("another process's change appears on the next tick, highlighted")
    func liveRefresh() throws {
        let h = try ConsoleHarness()
        let row = try #require(h.console.state.board.row(at: 0))
        // A cell without open cases: on one with cases a status key would move the cases instead.
        let theme = try #require(h.console.state.board.themes.first { [.unchecked, .ok, .fixedOnSite].contains(row.cells[$0.id]?.status) })
        let other = try GridStoreOpen.open(h.store.path)
        let ctx = ChangeContext(actor: ConsoleHarness.admin, osUser: "other", source: .cli, clock: ConsoleHarness.clock)
        _ = try GridServices(other).setStatus(CellKey(communityID: row.community.id, themeID: theme.id),
                                              StatusChangeRequest(status: .notApplicable), context: ctx)
        h.console.dispatch(.tick)
        h.console.pollExternalChanges()
        h.console.draw()
        #expect(h.console.state.board.row(at: 0)?.cells[theme.id]?.status == .notApplicable)
        #expect(h.console.state.highlights[CellKey(communityID: row.community.id, themeID: theme.id)] != nil)
    }

    @Test("resizing repeatedly never leaves garbage: each frame equals a fresh render")
    func resizeStorm() throws {
        let h = try ConsoleHarness()
        for (w, h2) in [(100, 30), (40, 12), (20, 8), (80, 24), (41, 13), (132, 50), (80, 24)] {
            h.resize(width: w, height: h2)
            let fresh = Renderer.render(h.console.state, palette: h.console.palette)
            #expect((0..<h2).allSatisfy { h.backend.screen.rowText($0) == fresh.rowText($0) }, "\(w)x\(h2)")
        }
    }
}

@Suite("Console background import", .serialized)
struct ConsoleImportTests {
    func waitForImport(_ h: ConsoleHarness, seconds: Double = 60) {
        let deadline = Date().addingTimeInterval(seconds)
        while h.console.state.importing != nil && Date() < deadline {
            usleep(20_000)
            h.console.pollImport()
            h.console.draw()
        }
    }

    @Test(":import runs in the background, shows progress, then reloads the board with a summary")
    func importInBackground() throws {
        let h = try ConsoleHarness()
        let file = h.folder.appendingPathComponent("新小区.csv")
        try "小区名称,所属街道,户数\n新建小区,城关镇,120\n".write(to: file, atomically: true, encoding: .utf8)
        h.press([.char(":")] + "import \(file.path)".map { .char($0) } + [.enter])
        #expect(h.console.state.importing != nil)
        #expect(h.rows[h.rows.count - 2].contains("导入中"))
        waitForImport(h)
        #expect(h.console.state.importing == nil)
        #expect(h.console.state.message?.text.contains("新增 1") == true, "\(String(describing: h.console.state.message))")
        #expect(try h.store.findNodes("新建小区", levels: [.community]).count == 1)
    }

    @Test("Esc cancels a running import and nothing is written")
    func cancel() throws {
        let h = try ConsoleHarness()
        let file = h.folder.appendingPathComponent("大名单.csv")
        var text = "小区名称,所属街道,户数\n"
        for i in 0..<30_000 { text += "批量小区\(i),批量街道\(i % 50),\(i % 900)\n" }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let before = try h.store.communityCount(in: .all, filter: .none, today: ConsoleHarness.clock.today)
        h.press([.char(":")] + "import \(file.path)".map { .char($0) } + [.enter])
        h.press([.escape])
        waitForImport(h)
        #expect(h.console.state.message?.text.contains("取消") == true, "\(String(describing: h.console.state.message))")
        #expect(try h.store.communityCount(in: .all, filter: .none, today: ConsoleHarness.clock.today) == before)
    }
}

@Suite("Console case ledger", .serialized)
struct ConsoleCaseTests {
    @Test("record a problem with 2, then walk its case to closed from the queue; the cell follows")
    func walkCase() throws {
        let h = try ConsoleHarness()
        let row = try #require(h.console.state.board.row(at: 1))
        let theme = h.console.state.board.themes[0]
        h.press([.char("j"), .char("2")] + "垃圾桶满溢".map { .char($0) } + [.enter])
        #expect(h.console.state.message?.text.contains("已上报案件") == true, "\(String(describing: h.console.state.message))")
        func cellStatus() throws -> CellStatus? {
            try h.store.cells(communityID: row.community.id).first { $0.theme.id == theme.id }?.cell.status
        }
        #expect(try cellStatus() == .problem)
        h.press([.tab, .char("G")])
        #expect(h.console.state.screen == .cases)
        let selected = try #require(h.console.state.cases.selected)
        #expect(selected.record.description == "垃圾桶满溢")
        for key in ["r", "a", "w", "t"] { h.press([.char(Character(key))]) }
        #expect(try cellStatus() == .recheck)
        h.press([.enter])
        #expect(h.console.state.caseDetail?.row.record.state == .submitted)
        #expect(h.rows.contains { $0.contains("当前责任链") })
        h.press([.char("v")])
        #expect(try cellStatus() == .ok)
        #expect(try h.store.caseRecord(selected.record.number)?.state == .closed)
        // 作废 on a closed case is refused at once, naming what is possible, without a reason prompt.
        h.press([.char("x")])
        #expect(h.console.state.overlay == nil)
        #expect(h.console.state.message?.text.contains("not possible from there") == true)
    }

    @Test("actions that need a reason ask for one; Esc cancels without moving the case")
    func reasons() throws {
        let h = try ConsoleHarness()
        h.press([.char("2")] + "井盖破损".map { .char($0) } + [.enter, .tab, .char("G")])
        let first = try #require(h.console.state.cases.selected)
        #expect(first.record.state == .reported)
        h.press([.char("x")])
        guard case .reason(let prompt)? = h.console.state.overlay else { Issue.record("no reason prompt"); return }
        #expect(prompt.action == .void)
        h.press([.escape])
        #expect(try h.store.caseRecord(first.record.number)?.state == first.record.state)
        h.press([.char("x")] + "重复上报".map { .char($0) } + [.enter])
        #expect(try h.store.caseRecord(first.record.number)?.state == .void)
    }
}
