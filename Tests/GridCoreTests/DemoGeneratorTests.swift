import Testing
@testable import GridCore

@Suite("Demo generator")
struct DemoGeneratorTests {
    let today = Day("2026-11-30")!
    var generator: DemoGenerator {
        DemoGenerator(scale: .county, seed: 2026, today: today, now: Timestamp(millis: Int64(today.ordinal) * 86_400_000))
    }

    func communities(_ g: DemoGenerator) -> [DemoCommunity] {
        var all: [DemoCommunity] = []
        g.forEachCommunity(officeIndex: 0) { all.append($0) }
        return all
    }

    @Test("a county has the brief's shape: 12 streets, 300 communities, 32 declared sites, 80 units, 60 companies")
    func countyShape() {
        let office = generator.offices()[0]
        #expect(office.streets.count == 12)
        #expect(office.units.count == 80)
        #expect(office.properties.count == 60)
        let all = communities(generator)
        #expect(all.count == 300)
        let sites = all.compactMap(\.declaredSite)
        #expect(sites.sorted() == Array(1...32))
        #expect(all.filter { $0.declaredSite != nil }.allSatisfy { !$0.kind.isResidential })
        #expect(all.contains { $0.links.allSatisfy { $0.property == nil } }, "some communities have no property company")
    }

    @Test("names are unique within a street and of varied lengths")
    func names() {
        let all = communities(generator)
        let keys = all.map { "\($0.streetIndex)/\($0.name)" }
        #expect(Set(keys).count == keys.count)
        let lengths = Set(all.map(\.name.count))
        #expect(lengths.count >= 4)
    }

    @Test("the same seed and day give the same grid; another seed another")
    func deterministic() {
        let a = communities(generator).map(\.name)
        let b = communities(generator).map(\.name)
        let c = communities(DemoGenerator(scale: .county, seed: 7, today: today, now: generator.now)).map(\.name)
        #expect(a == b)
        #expect(a != c)
    }

    @Test("statuses look like a campaign: mostly 达标, some open, a few overdue and parked; every lead exists")
    func distribution() {
        let cells = communities(generator).flatMap { c in c.cells.map { CellState(communityID: 0, themeID: 0, status: $0.status, dueOn: $0.dueOn) } }
        let counts = Rollup.counts(of: cells, today: today)
        #expect(Double(counts[.ok]) / Double(counts.total) > 0.6)
        #expect(counts[.problem] > 0 && counts[.rectifying] > 0 && counts[.recheck] > 0 && counts[.parked] > 0)
        #expect(counts.overdue > 0 && counts.overdue < counts.total / 10)
        #expect(communities(generator).allSatisfy { $0.links.filter { $0.role == .lead }.count == 1 })
    }
}
