import Foundation
import GridCore
import Testing
@testable import GridExchange

@Suite("排序 / 序号 / 顺序 / order columns")
struct OrderColumnTests {
    func map(_ csv: String) throws -> MappedImport {
        let mapper = ImportMapper(file: "t.csv", kind: nil, overrides: [], update: false, today: Day("2026-11-30")!)
        return try mapper.map(try CSV.parse(csv, file: "t.csv"))
    }

    @Test("each spelling carries the community's office order; 街道排序 carries the street's", arguments: ["排序", "序号", "顺序", "order", "排序（号）"])
    func spellings(header: String) throws {
        let m = try map("小区名称,所属街道,\(header),街道排序\n阳光小区,城关镇,3,1\n锦绣华庭,城关镇,,1\n")
        #expect(m.rejected.isEmpty, "\(m.rejected.map(\.reason))")
        #expect(m.batch.communities.map(\.fields.order) == [3, nil], "an empty cell leaves the order as it is")
        #expect(m.batch.communities.map(\.fields.streetOrder) == [1, 1])
        #expect(m.unusedColumns.isEmpty)
    }

    @Test("an order that is not a whole number 0…999999 rejects the row, naming the column and the value; full-width digits are read")
    func badOrders() throws {
        let m = try map("小区名称,所属街道,排序,街道排序\n甲小区,城关镇,-1,\n乙小区,城关镇,2.5,\n丙小区,城关镇,一,\n丁小区,城关镇,1000000,\n戊小区,城关镇,１２,\n己小区,城关镇,,x\n")
        #expect(m.rejected.map(\.line) == [2, 3, 4, 5, 7])
        #expect(m.rejected.allSatisfy { $0.reason.contains("排序") && $0.reason.contains("999999") }, "\(m.rejected.map(\.reason))")
        #expect(m.batch.communities.map(\.fields.name) == ["戊小区"])
        #expect(m.batch.communities.first?.fields.order == 12)
    }
}
