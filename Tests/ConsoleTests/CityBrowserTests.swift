import Foundation
import GridCore
import GridUI
import Testing
import TerminalKit
@testable import GridApp

@Suite("Browser: a city's office over its counties", .serialized)
struct CityBrowserTests {
    @Test("the browser opens on the city, whose count sums its counties; Enter lists the counties, and each drills to its streets")
    func drillFromCity() throws {
        let h = try ConsoleHarness()
        let services = GridServices(h.store)
        let setup = ChangeContext(actor: ConsoleHarness.admin, osUser: "tester", source: .cli, clock: ConsoleHarness.clock)
        let demo = try #require(try h.store.offices().first)
        let city = try services.addOffice(name: "江州市创城办", parentID: nil, context: setup).id
        _ = try services.setOfficeParent(id: demo.id, parentID: city, context: setup)
        let west = try services.addOffice(name: "西城县创城办", parentID: city, context: setup).id
        let street = try services.addStreet(officeID: west, name: "西关街道", context: setup)
        _ = try services.addCommunity(CommunityDraft(streetID: street.id, name: "西关新村"), context: setup)
        let today = ConsoleHarness.clock.today
        let eastTotal = try h.store.rollup(of: .office(demo.id), today: today).total
        let westTotal = try h.store.rollup(of: .office(west), today: today).total

        h.press([.tab, .tab, .tab])
        let top = try #require(h.console.state.browser.last)
        #expect(top.items.map { $0.ref?.name } == ["江州市创城办"])
        #expect(top.items.first?.counts?.total == eastTotal + westTotal)
        h.press([.enter])
        let counties = try #require(h.console.state.browser.last)
        #expect(h.console.state.browser.count == 2)
        #expect(Set(counties.items.compactMap { $0.ref?.name }) == [demo.name, "西城县创城办"])
        #expect(counties.items.allSatisfy { $0.ref?.node.grouping == .office })
        #expect(counties.items.first { $0.ref?.name == "西城县创城办" }?.counts?.total == westTotal)
        let screen = h.rows.joined(separator: "\n")
        #expect(screen.contains("西城县"), "\(screen)")
        // Into the county that is selected first, then its streets.
        let first = try #require(counties.selected?.ref)
        h.press([.enter])
        let streets = try #require(h.console.state.browser.last)
        #expect(h.console.state.browser.count == 3 && !streets.items.isEmpty)
        #expect(streets.items.allSatisfy { $0.ref?.node.grouping == .street })
        if first.name == "西城县创城办" { #expect(streets.items.map { $0.ref?.name } == ["西关街道"]) }
        #expect(h.console.state.message?.isError != true, "\(h.console.state.message?.text ?? "")")
    }
}
