import GridCore
@testable import GridStorePostgres
import Testing

/// A sheet imported into PostgreSQL costs about one statement per new community (its insert, for its id): its cells
/// and every audit row are written many rows per statement, and links find their rows from the name index.
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

    @Test("an import's statements grow by about three per row (community, link and its lookup), not with cells or audit rows",
          .enabled(if: PGTestServer.location != nil))
    func perRow() throws {
        let (few, _) = try statements(importing: 20)
        let (many, s) = try statements(importing: 80)
        let store = try #require(s.store as? PostgresStore)
        let perRow = Double(many - few) / 60
        #expect(perRow <= 3.1, "\(few) statements for 20 rows, \(many) for 80: \(perRow) per row")
        #expect(try store.check() == [])
        let orders = try store.read { s throws(GridError) in
            try s.int("SELECT count(*) FROM community WHERE office_order IS NOT NULL AND name LIKE '%号'")
        }
        #expect(orders == 80, "every new community has its order")
    }
}
