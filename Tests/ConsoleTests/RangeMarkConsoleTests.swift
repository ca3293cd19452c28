import Foundation
import GridCore
import GridUI
import Testing
import TerminalKit
@testable import GridApp

@Suite("Range marks over the real store", .serialized)
struct RangeMarkConsoleTests {
    @Test("Space on the first row, G, v marks the whole column of the demo county; a bulk change is all or none")
    func wholeColumn() throws {
        let h = try ConsoleHarness()
        let theme = h.console.state.board.themes[0]
        let communities = try h.store.communities(in: .all, filter: .none, offset: 0, limit: 1_000, today: ConsoleHarness.clock.today)
        #expect(communities.count == 300)
        let cells = try h.store.cells(communityIDs: communities.map(\.community.id)).filter { $0.themeID == theme.id }
        #expect(cells.count > 73, "more cells than one fetched window")
        h.press([.char(" "), .char("G"), .char("v")])
        #expect(h.console.state.board.row(at: 0) == nil, "the first rows are no longer fetched")
        #expect(h.console.state.board.marks.count == cells.count)
        #expect(h.console.state.board.marks == Set(cells.map { CellKey(communityID: $0.communityID, themeID: $0.themeID) }))
        #expect(h.rows[h.rows.count - 2].contains("已标记 \(cells.count) 格"))

        let before = try h.store.latestAuditID()
        h.press([.char("7")])
        guard case .confirm(let c)? = h.console.state.overlay, case .saveStatus(let targets, let request)? = c.effects.first,
              request.status == .notApplicable else {
            Issue.record("no confirmation: \(String(describing: h.console.state.overlay))")
            return
        }
        #expect(targets.count == cells.count)
        h.press([.char("y")])
        let after = try h.store.cells(communityIDs: communities.map(\.community.id)).filter { $0.themeID == theme.id }
        let audit = try h.store.auditTrail(AuditQuery(afterID: before, limit: 10_000))
        if cells.contains(where: { [.problem, .rectifying, .recheck, .parked].contains($0.status) }) {
            // Some of the column has open cases, whose cells follow them: the whole change is refused, none written.
            #expect(h.console.state.message?.isError == true)
            #expect(h.console.state.message?.text.contains("open case") == true, "\(h.console.state.message?.text ?? "")")
            #expect(Set(after) == Set(cells))
            #expect(audit.isEmpty)
        } else {
            #expect(h.console.state.message?.isError != true, "\(h.console.state.message?.text ?? "")")
            #expect(after.allSatisfy { $0.status == .notApplicable })
            let changed = cells.filter { $0.status != .notApplicable }.count
            #expect(Set(audit.map(\.record.entry.communityID)).count == changed)
            #expect(h.console.state.board.marks.isEmpty)
        }
    }
}
