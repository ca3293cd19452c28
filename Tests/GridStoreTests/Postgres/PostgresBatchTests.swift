import GridCore
@testable import GridStorePostgres
import Testing

/// A change to many cells on PostgreSQL reads and writes in a fixed number of statements (each one a round trip to the
/// server), and still chains exactly what the SQLite store chains for the same change.
@Suite("PostgreSQL batches")
struct PostgresBatchTests {
    /// Statements one bulk change of `count` free cells costs, on a fresh demo county.
    func statements(changing count: Int) throws -> Int {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let keys = try s.cells([.unchecked, .ok], count: count).map(\.key)
        #expect(keys.count == count)
        let before = store.statementCount
        _ = try s.services.setStatus(keys, StatusChangeRequest(status: .notApplicable, note: "整治中暂不适用"), context: s.context())
        return store.statementCount - before
    }

    @Test("a bulk change costs as many statements for 400 cells as for 12", .enabled(if: PGTestServer.location != nil))
    func fixedStatements() throws {
        let few = try statements(changing: 12), many = try statements(changing: 400)
        #expect(few == many, "12 cells: \(few) statements; 400 cells: \(many)")
        #expect(many < 20, "\(many)")
    }

    @Test("the same bulk change, and one moving open cases, chain to the same hash on both stores and check clean",
          .enabled(if: PGTestServer.location != nil))
    func sameChain() throws {
        let sqlite = try StoreKind.sqliteFile.demoCounty(), pg = try StoreKind.postgres.demoCounty()
        let free = try sqlite.cells([.unchecked, .ok], count: 150).map(\.key)
        let withCases = try sqlite.cells([.rectifying], count: 6).map(\.key)
        #expect(withCases.count == 6)
        for s in [sqlite, pg] {
            _ = try s.services.setStatus(free, StatusChangeRequest(status: .notApplicable, note: "拆迁范围，暂不适用"), context: s.context())
            let moved = try s.services.setStatus(withCases, StatusChangeRequest(status: .recheck, note: "已整改，申请复核"), context: s.context())
            #expect(moved.allSatisfy { !$0.cases.isEmpty }, "each cell moved its case")
            for key in withCases { #expect(try s.cell(key)?.status == .recheck) }
        }
        let a = try sqlite.store.auditChainHead(), b = try pg.store.auditChainHead()
        #expect(a == b, "SQLite \(a.anchor), PostgreSQL \(b.anchor)")
        #expect(try (pg.store as? PostgresStore)?.check() == [])
        for key in free { #expect(try pg.cell(key)?.status == .notApplicable) }
    }
}
