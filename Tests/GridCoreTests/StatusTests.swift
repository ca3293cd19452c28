import Testing
@testable import GridCore

@Suite("Cell statuses")
struct StatusTests {
    @Test("every status parses from its key, code, English and Chinese spelling", arguments: CellStatus.allCases)
    func spellings(status: CellStatus) {
        #expect(CellStatus.parse(String(status.key)) == status)
        #expect(CellStatus.parse(status.rawValue) == status)
        #expect(CellStatus.parse(status.zh) == status)
        #expect(CellStatus.parse(status.en.uppercased()) == status)
    }

    @Test("one-key codes are distinct single keys")
    func keysDistinct() {
        #expect(Set(CellStatus.allCases.map(\.key)).count == CellStatus.allCases.count)
    }

    @Test("nonsense is not a status")
    func nonsense() {
        #expect(CellStatus.parse("maybe") == nil)
        #expect(CellStatus.parse("") == nil)
        #expect(CellStatus.parse("9") == nil)
    }

    @Test("overdue is derived: an open status past its deadline, never 待复核 or a closed status")
    func overdue() throws {
        let today = try #require(Day("2026-11-30"))
        func cell(_ s: CellStatus, _ due: String?) -> CellState {
            CellState(communityID: 1, themeID: 1, status: s, dueOn: due.flatMap { Day($0) })
        }
        #expect(cell(.problem, "2026-11-29").isOverdue(today: today))
        #expect(!cell(.problem, "2026-11-30").isOverdue(today: today))
        #expect(cell(.rectifying, "2026-11-01").isOverdue(today: today))
        #expect(cell(.parked, "2026-11-01").isOverdue(today: today))
        #expect(!cell(.recheck, "2026-11-01").isOverdue(today: today))
        #expect(!cell(.ok, "2026-11-01").isOverdue(today: today))
        #expect(!cell(.problem, nil).isOverdue(today: today))
    }
}
