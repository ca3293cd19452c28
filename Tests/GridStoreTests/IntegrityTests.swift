import GRDB
import GridCore
import Testing
@testable import GridStore

@Suite("Stored values and cell/case agreement")
struct IntegrityTests {
    @Test("a stored value civgrid cannot read is an error naming the column, never a default")
    func decodeErrors() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        try store.db.write { db in
            try db.execute(sql: "UPDATE cell SET due_on = 'soon' WHERE community_id = ? AND theme_id = ?",
                           arguments: [row.community.id, cell.theme.id])
        }
        let cellError = #expect(throws: GridError.self) { try store.cells(communityID: row.community.id) }
        #expect(cellError?.description.contains("cell.due_on = “soon”") == true, "\(cellError?.description ?? "")")
        #expect(cellError?.exitCode == 4)
        let open = try #require(try store.cases(openOnly: true, communityID: nil, limit: 1).first)
        try store.db.write { try $0.execute(sql: "UPDATE case_record SET found_at = 'yesterday' WHERE year = ? AND seq = ?",
                                            arguments: [open.number.year, open.number.sequence]) }
        let caseError = #expect(throws: GridError.self) { try store.caseRecord(open.number) }
        #expect(caseError?.description.contains("case_record.found_at = “yesterday”") == true)
    }

    @Test("check names every cell that disagrees with its open cases, and cells showing a case's status with none")
    func checkFindsDisagreements() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        #expect(try store.check().isEmpty)
        let (_, okCell) = try Fixture.cell(store, status: .ok)
        let open = try #require(try store.cases(openOnly: true, communityID: nil, limit: 1).first)
        try store.db.write { db in
            // Behind the services' back: a cell with an open case set to 达标, and a 达标 cell set to 有问题 with no case.
            try db.execute(sql: "UPDATE cell SET status = 'ok', due_on = NULL WHERE community_id = ? AND theme_id = ?",
                           arguments: [open.communityID, open.themeID])
            try db.execute(sql: "UPDATE cell SET status = 'problem' WHERE community_id = ? AND theme_id = ?",
                           arguments: [okCell.cell.communityID, okCell.theme.id])
        }
        let problems = try store.check().filter { $0.hasPrefix("case/cell:") }
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.contains(open.number.description) && $0.contains("shows 达标") })
        #expect(problems.contains { $0.contains("no open case") && $0.contains("shows 有问题") })
    }
}
