import Testing
@testable import GridCore

@Suite("Roll-ups and the chain")
struct RollupTests {
    let today = Day("2026-11-30")!

    func cell(_ community: RowID, _ status: CellStatus, due: Int? = nil) -> CellState {
        CellState(communityID: community, themeID: 1, status: status, dueOn: due.map { today.adding(days: $0) })
    }

    @Test("counts by status and overdue; totals add up")
    func counts() {
        let cells = [cell(1, .ok), cell(1, .ok), cell(1, .problem, due: -1), cell(2, .rectifying, due: 2), cell(2, .recheck, due: -3)]
        let c = Rollup.counts(of: cells, today: today)
        #expect(c[.ok] == 2)
        #expect(c[.problem] == 1)
        #expect(c.total == 5)
        #expect(c.overdue == 1)
        #expect(c.open == 3)
    }

    @Test("grouped roll-ups count a community under each of its groups")
    func grouped() {
        let cells = [cell(1, .ok), cell(2, .problem, due: -1)]
        let unitsOf: [RowID: [String]] = [1: ["住建局"], 2: ["住建局", "城管局"]]
        let g = Rollup.grouped(cells, today: today) { unitsOf[$0.communityID] ?? [] }
        #expect(g["住建局"]?.total == 2)
        #expect(g["城管局"]?.overdue == 1)
        var sum = StatusCounts()
        sum.add(g["住建局"]!)
        sum.add(g["城管局"]!)
        #expect(sum.total == 3)
    }

    @Test("an assignment is in force from its first day until the day before it ends")
    func inForce() {
        let a = Assignment(id: 1, communityID: 1, unitID: 1, role: .lead, propertyID: nil,
                           validFrom: today.adding(days: -10), validTo: today)
        #expect(a.isInForce(on: today.adding(days: -10)))
        #expect(a.isInForce(on: today.adding(days: -1)))
        #expect(!a.isInForce(on: today))
        #expect(!a.isInForce(on: today.adding(days: -11)))
    }
}
