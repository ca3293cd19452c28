import Foundation
import GRDB
import GridCore
import Testing
@testable import GridStore

/// The import's structure at scale, guarded without timing it: reads that do not grow with the sheet, audit rows
/// written in batches that chain exactly as row-by-row appends would, and the in-memory view of links kept current
/// when one import changes the same community's chain several times.
@Suite("Import at scale: reads per sheet, batched audit chain, links kept current")
struct ImportScaleTests {
    static let streets = ["城关街道", "始丰街道", "福溪街道办事处"]
    static let units = ["县住建局", "县城投集团", "县市场监督管理局"]
    static let properties = ["丽景物业", "台州市锦绣城市服务有限公司"]

    /// A chain sheet as the mapper makes it: `count` communities over three streets, each with a lead unit and, on
    /// most rows, a property company.
    static func chainBatch(_ count: Int, source: String = "包保责任表.csv", update: Bool = false) -> ImportBatch {
        var b = ImportBatch(source: source, update: update)
        b.units = units.enumerated().map { i, name in
            ImportRecord(line: 2 + i, UnitFields(office: "", name: name, head: Contact(name: ["王建国", "李红", "欧阳明轩"][i], phone: "1395761234\(i)")))
        }
        b.properties = properties.enumerated().map { i, name in
            ImportRecord(line: 2 + i, PropertyFields(office: "", name: name, manager: Contact(name: "周芳", phone: "0576-8778123\(i)")))
        }
        for i in 0..<count {
            let street = streets[i % streets.count], name = "\(["阳光", "锦绣华庭", "丽"][i % 3])小区\(i)号院"
            b.communities.append(ImportRecord(line: 2 + i, CommunityFields(office: "", street: street, name: name, households: i)))
            b.links.append(ImportRecord(line: 2 + i, LinkFields(office: "", street: street, community: name, unit: units[i % units.count],
                                                              role: .lead, property: i % 5 == 0 ? nil : properties[i % 2])))
        }
        b.fileRows = count
        return b
    }

    func selects(_ count: Int) throws -> (first: Int, again: Int) {
        let temp = TempDatabase()
        let (store, counter) = try ImportWritesTests.tracedStore(temp)
        let before = counter.selects
        let first = try store.importBatch(ImportScaleTests.chainBatch(count), dryRun: false, context: Fixture.context())
        #expect(first.rejected.isEmpty, "\(first.rejected.prefix(3))")
        #expect(first.count(.new) == count * 2 + 5)
        let middle = counter.selects
        let again = try store.importBatch(ImportScaleTests.chainBatch(count), dryRun: false, context: Fixture.context())
        #expect(again.count(.unchanged) == count * 2 + 5 && again.count(.new) == 0 && again.count(.changed) == 0)
        return (middle - before, counter.selects - middle)
    }

    @Test("an import's reads do not grow with its rows: per office and street, not per row (first import and re-import)")
    func readsPerSheet() throws {
        let small = try selects(30), large = try selects(600)
        #expect(small.first == large.first, "first import: \(small.first) reads for 30 rows, \(large.first) for 600")
        #expect(small.again == large.again, "re-import: \(small.again) reads for 30 rows, \(large.again) for 600")
        #expect(large.first < 40 && large.again < 40, "\(large)")
    }

    @Test("audit rows past one batch are written in queue order and the chain verifies")
    func batchedAuditChain() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        let headBefore = try store.auditChainHead().seq, auditBefore = try store.latestAuditID()
        let count = ImportAudit.batch / 2 + 50 // two audit rows per row: past one batch
        let outcome = try store.importBatch(ImportScaleTests.chainBatch(count), dryRun: false, context: Fixture.context())
        #expect(outcome.count(.new) == count * 2 + 5)
        #expect(try store.verifyAuditChain().isEmpty)
        #expect(try store.check().isEmpty)
        let rows = try store.db.read { db in
            try Row.fetchAll(db, sql: "SELECT entity, field, new_value FROM audit WHERE id > ? ORDER BY id", arguments: [auditBefore])
        }
        let streets = ImportScaleTests.streets.count
        #expect(rows.count == 5 + streets + count * 2, "units, properties, streets, communities, links")
        #expect(try store.auditChainHead().seq - headBefore == Int64(rows.count))
        // Queue order: the units first, then properties; the last row is the last community's link.
        try #require(rows.count > 3)
        #expect(rows.prefix(3).map { $0["new_value"] as String } == ImportScaleTests.units)
        #expect((rows[3]["new_value"] as String) == ImportScaleTests.properties[0])
        let last = try #require(rows.last)
        #expect((last["entity"] as String) == "assignment" && (last["new_value"] as String).hasPrefix(ImportScaleTests.units[(count - 1) % 3]))
        // A dry run of the same size writes nothing and leaves the chain's head where it was.
        let head = try store.auditChainHead()
        _ = try store.importBatch(ImportScaleTests.chainBatch(count, source: "另一份.csv"), dryRun: true, context: Fixture.context())
        #expect(try store.auditChainHead() == head)
    }

    @Test("one import changing a community's chain several times (with --update) ends each link once and leaves what the rows say")
    func linksKeptCurrent() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        _ = try store.importBatch(ImportScaleTests.chainBatch(3), dryRun: false, context: Fixture.context())
        var b = ImportBatch(source: "调整.csv", update: true)
        let street = ImportScaleTests.streets[0], name = "阳光小区0号院"
        for (line, unit, role) in [(2, "县城投集团", AssignmentRole.lead), (3, "县市场监督管理局", .support), (4, "县住建局", .lead),
                                   (5, "县市场监督管理局", .support)] {
            b.links.append(ImportRecord(line: line, LinkFields(office: "", street: street, community: name, unit: unit, role: role, property: nil)))
        }
        let outcome = try store.importBatch(b, dryRun: false, context: Fixture.context())
        #expect(outcome.changes.map(\.kind) == [.changed, .new, .changed, .unchanged])
        let links = try store.db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT u.name, a.role, a.valid_to FROM assignment a JOIN unit u ON u.id = a.unit_id
                JOIN community c ON c.id = a.community_id WHERE c.name = ? ORDER BY a.id
                """, arguments: [name]).map { "\($0[0] as String) \($0[1] as String) \(($0[2] as String?) == nil ? "在" : "止")" }
        }
        #expect(links == ["县住建局 lead 止", "县城投集团 lead 止", "县市场监督管理局 support 在", "县住建局 lead 在"])
        #expect(try store.verifyAuditChain().isEmpty)
    }
}
