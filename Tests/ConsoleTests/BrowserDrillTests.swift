import Foundation
import GridCore
import GridUI
import Testing
import TerminalKit
@testable import GridApp

@Suite("Browser drill-down over the real store", .serialized)
struct BrowserDrillTests {
    /// The open column, its selected item and no error in the status line.
    func expectColumn(_ h: ConsoleHarness, depth: Int, _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> BrowserItem {
        let state = h.console.state
        #expect(state.message?.isError != true, "\(what): \(state.message?.text ?? "")", sourceLocation: sourceLocation)
        #expect(state.browser.count == depth, "\(what): \(state.browser.count) columns open", sourceLocation: sourceLocation)
        let column = try #require(state.browser.last, sourceLocation: sourceLocation)
        #expect(!column.items.isEmpty, "\(what) has no children", sourceLocation: sourceLocation)
        let item = try #require(column.selected, sourceLocation: sourceLocation)
        #expect(!item.details.isEmpty, "\(what): no detail", sourceLocation: sourceLocation)
        let screen = h.rows.joined(separator: "\n")
        let shown = String(item.label.prefix(4))
        #expect(screen.contains(shown), "\(what): \(shown) not drawn", sourceLocation: sourceLocation)
        return item
    }

    @Test("office → street → community → unit → property company drills with Enter and l, each showing its children")
    func drillToProperty() throws {
        let h = try ConsoleHarness()
        h.press([.tab, .tab, .tab])
        #expect(try expectColumn(h, depth: 1, "offices").ref?.node.grouping == .office)
        h.press([.enter])
        #expect(try expectColumn(h, depth: 2, "streets").ref?.node.grouping == .street)
        h.press([.char("l")])
        #expect(try expectColumn(h, depth: 3, "communities").ref?.node.grouping == .community)
        h.press([.enter])
        #expect(try expectColumn(h, depth: 4, "units").ref?.node.grouping == .unit)
        h.press([.char("l")])
        let property = try expectColumn(h, depth: 5, "property companies of a unit")
        #expect(property.counts != nil)
        // A property company has no column of its own; Enter leaves the browser as it is.
        h.press([.enter])
        _ = try expectColumn(h, depth: 5, "Enter on a property company")
        // b opens the board scoped to the property company (or the unit's 无物业 row does nothing).
        if property.ref != nil {
            h.press([.char("b")])
            #expect(h.console.state.screen == .board)
            #expect(h.console.state.message?.isError != true, "\(h.console.state.message?.text ?? "")")
            #expect(h.console.state.board.total > 0)
        }
    }

    @Test("every unit of a community opens its property companies")
    func everyUnitOfACommunity() throws {
        let h = try ConsoleHarness()
        h.press([.tab, .tab, .tab, .enter, .enter])
        // A community served by more than one unit, so the walk covers lead and support units.
        let communities = try #require(h.console.state.browser.last).items
        let index = try #require(communities.firstIndex { $0.details.filter { $0.hasPrefix("配合") }.count >= 1 })
        h.press(Array(repeating: .char("j"), count: index) + [.enter])
        let units = try #require(h.console.state.browser.last).items
        #expect(units.count >= 2)
        for (i, unit) in units.enumerated() {
            #expect(h.console.state.browser.last?.selection == i)
            h.press([.enter])
            let item = try expectColumn(h, depth: 5, "properties of \(unit.label)")
            #expect(item.counts.map { $0.total > 0 } == true, "\(unit.label)")
            h.press([.char("h"), .char("j")])
        }
    }
}
