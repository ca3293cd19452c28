import GridCore
import GridUI
import Testing
import TerminalKit
@testable import GridApp

/// The console obeys the same cell/case rule as the command line: it calls the same services.
@Suite("Console: a cell and its cases", .serialized)
struct CellCaseConsoleTests {
    /// Moves the board cursor to the first loaded cell whose status is `status`; returns its key.
    func goToCell(_ h: ConsoleHarness, status: CellStatus) throws -> CellKey {
        let themes = h.console.state.board.themes
        for rowIndex in 0..<20 {
            guard let row = h.console.state.board.row(at: rowIndex) else { continue }
            if let column = themes.firstIndex(where: { row.cells[$0.id]?.status == status }) {
                h.press(Array(repeating: .char("j"), count: rowIndex) + Array(repeating: .char("l"), count: column))
                return CellKey(communityID: row.community.id, themeID: themes[column].id)
            }
        }
        throw GridError.notFound("no \(status) cell in the first rows")
    }

    @Test("1 on a cell whose case is being rectified is refused with the case number; the cell and the store stay as they were")
    func keyRefusedNamingCase() throws {
        let h = try ConsoleHarness(login: "lina")
        let key = try goToCell(h, status: .rectifying)
        let open = try h.store.cases(openOnly: true, communityID: key.communityID, limit: 100).filter { $0.themeID == key.themeID }
        let before = try h.store.latestAuditID()
        h.press([.char("1")])
        #expect(h.console.state.message?.isError == true)
        let text = h.console.state.message?.text ?? ""
        #expect(open.allSatisfy { text.contains($0.number.description) }, "\(text)")
        #expect(try h.store.latestAuditID() == before)
        #expect(try h.store.cells(communityIDs: [key.communityID]).first { $0.themeID == key.themeID }?.status == .rectifying)
    }

    @Test("1 on a cell awaiting re-check verifies its case for an inspector, and the cell shows 达标")
    func keyVerifiesCase() throws {
        let h = try ConsoleHarness(login: "zhangwei")
        let key = try goToCell(h, status: .recheck)
        let open = try h.store.cases(openOnly: true, communityID: key.communityID, limit: 100).filter { $0.themeID == key.themeID }
        #expect(!open.isEmpty && open.allSatisfy { $0.state == .submitted })
        h.press([.char("1")])
        #expect(h.console.state.message?.isError != true, "\(h.console.state.message?.text ?? "")")
        for c in open { #expect(try h.store.caseRecord(c.number)?.state == .closed) }
        #expect(try h.store.cells(communityIDs: [key.communityID]).first { $0.themeID == key.themeID }?.status == .ok)
    }
}
