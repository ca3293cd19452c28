import Foundation
import GridCore
import GridStore
import Testing
import TerminalKit
@testable import GridApp

/// `u` undoes this console's last change only while nobody has changed those cells since: otherwise it is refused,
/// naming who changed the cell, and their change stays (a review found undo silently overwriting a colleague's work).
@Suite("Undo after someone else's change", .serialized)
struct UndoConflictTests {
    /// The cell under the board cursor.
    func cursorCell(_ h: ConsoleHarness) throws -> CellKey {
        try #require(h.console.state.board.cursorKey)
    }

    /// Whether the cell has open cases (then status keys move cases instead).
    func hasOpenCases(_ h: ConsoleHarness, _ key: CellKey) throws -> Bool {
        try !h.store.cases(CaseQuery(communityID: key.communityID, themeID: key.themeID)).isEmpty
    }

    /// The stored state of a cell.
    func stored(_ h: ConsoleHarness, _ key: CellKey) throws -> CellState? {
        try h.store.cells(communityIDs: [key.communityID]).first { $0.themeID == key.themeID }
    }

    @Test("undo is refused when another operator changed the cell since; their change stays")
    func refusedAfterAnotherChange() throws {
        let h = try ConsoleHarness()
        // A cell without open cases: 7 (不适用) and back are plain changes.
        var key = try cursorCell(h)
        for _ in 0..<40 where try hasOpenCases(h, key) {
            h.press([.char("j")])
            key = try cursorCell(h)
        }
        h.press([.char("0")])
        #expect(try stored(h, key)?.status == .unchecked)

        let inspector = try #require(try h.store.operatorAccount(login: "zhangwei"))
        let other = ChangeContext(actor: inspector, osUser: "zhangwei", source: .cli, clock: ConsoleHarness.clock)
        _ = try GridServices(h.store).setStatus([key], StatusChangeRequest(status: .notApplicable, note: "已拆除"), context: other)

        h.press([.char("u")])
        let message = try #require(h.console.state.message)
        #expect(message.isError, "\(message.text)")
        #expect(message.text.contains("was changed since by zhangwei"), "\(message.text)")
        #expect(try stored(h, key)?.status == .notApplicable, "the colleague's change stays")
    }

    @Test("undo still works when nobody touched the cell")
    func undoesOwnChange() throws {
        let h = try ConsoleHarness()
        var key = try cursorCell(h)
        for _ in 0..<40 where try hasOpenCases(h, key) {
            h.press([.char("j")])
            key = try cursorCell(h)
        }
        let before = try #require(try stored(h, key)?.status)
        h.press([.char("0")])
        h.press([.char("u")])
        #expect(try stored(h, key)?.status == before)
    }
}
