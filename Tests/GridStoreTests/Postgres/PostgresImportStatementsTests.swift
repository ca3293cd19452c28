import GridCore
@testable import GridStorePostgres
import Testing

/// A sheet imported into PostgreSQL costs two statements per new community and link (their inserts, for their ids):
/// cells and audit rows are written many rows per statement, links find their rows from the name index, and a new
/// community's links are known without reading them back.
@Suite("PostgreSQL import statements")
struct PostgresImportStatementsTests {
    /// The statements an import of `count` new communities (each with an order and a lead unit) costs, and the store.
    func statements(importing count: Int) throws -> (Int, StoreUnderTest) {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let office = try #require(try store.offices().first).name
        var batch = ImportBatch(source: "包保责任表.csv", update: false)
        batch.units.append(ImportRecord(line: 2, UnitFields(office: office, name: "县城市管理综合执法局", kind: .department)))
        for i in 0..<count {
            let name = ["幸福里", "阳光花园东区", "桥", "老城区第三居民小组"][i % 4] + "\(i)号"
            var community = CommunityFields(office: office, street: "新建街道", name: name)
            community.order = i + 1
            batch.communities.append(ImportRecord(line: i + 2, community))
            batch.links.append(ImportRecord(line: i + 2, LinkFields(office: office, street: "新建街道", community: name,
                                                                  unit: "县城市管理综合执法局", role: .lead, property: nil)))
        }
        let before = store.statementCount
        let outcome = try s.services.importBatch(batch, into: s.store, dryRun: false, context: s.context())
        #expect(outcome.rejected.isEmpty, "\(outcome.rejected)")
        return (store.statementCount - before, s)
    }

    @Test("an import's statements grow by two per new row (the community and its link, for their ids), not with cells or audit rows",
          .enabled(if: PGTestServer.location != nil))
    func perRow() throws {
        let (few, _) = try statements(importing: 20)
        let (many, s) = try statements(importing: 80)
        let store = try #require(s.store as? PostgresStore)
        let perRow = Double(many - few) / 60
        #expect(perRow <= 2.1, "\(few) statements for 20 rows, \(many) for 80: \(perRow) per row")
        #expect(try store.check() == [])
        let orders = try store.read { s throws(GridError) in
            try s.int("SELECT count(*) FROM community WHERE office_order IS NOT NULL AND name LIKE '%号'")
        }
        #expect(orders == 80, "every new community has its order")
    }

    @Test("a community new in the sheet and linked twice as lead keeps the second lead, the first ended, on both stores",
          arguments: StoreKind.allCases)
    func newCommunityRelinked(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let office = try #require(try s.store.offices().first).name
        var batch = ImportBatch(source: "包保责任表.csv", update: true)
        for (line, unit) in [(2, "县城市管理综合执法局"), (3, "县住房和城乡建设局")] {
            batch.units.append(ImportRecord(line: line, UnitFields(office: office, name: unit, kind: .department)))
        }
        batch.communities.append(ImportRecord(line: 2, CommunityFields(office: office, street: "新建街道", name: "锦绣华庭")))
        for (line, unit) in [(2, "县城市管理综合执法局"), (3, "县住房和城乡建设局")] {
            batch.links.append(ImportRecord(line: line, LinkFields(office: office, street: "新建街道", community: "锦绣华庭", unit: unit,
                                                                  role: .lead, property: nil)))
        }
        let outcome = try s.services.importBatch(batch, into: s.store, dryRun: false, context: s.context())
        #expect(outcome.rejected.isEmpty, "\(outcome.rejected)")
        let id = try #require(try s.store.communities(in: .all, filter: .none, offset: 0, limit: 10_000, today: s.today)
            .first { $0.community.name == "锦绣华庭" }?.community.id)
        let inForce = try s.store.chain(communityID: id, on: s.today).map(\.unit.name)
        #expect(inForce == ["县住房和城乡建设局"], "\(inForce)")
        #expect(try s.store.assignmentHistory(communityID: id).count == 2)
    }
}
