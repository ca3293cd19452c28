import Foundation
import GRDB
import GridCore
@testable import GridStore

/// A fresh database file in a temporary folder, removed when the test's fixture is released.
final class TempDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("grid.sqlite").path }

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("civgrid-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

enum Fixture {
    static let now = Timestamp(iso: "2026-11-30T02:00:00.000Z")!
    static let clock = GridClock.fixed(now, utcOffsetSeconds: 8 * 3600)
    static var today: Day { clock.today }
    static let admin = Operator(login: "admin", name: "管理员", role: .admin)

    static func context(_ actor: Operator = admin, at clock: GridClock = clock) -> ChangeContext {
        ChangeContext(actor: actor, osUser: "tester", source: .cli, clock: clock)
    }

    /// A bootstrapped, empty office database.
    static func office(_ temp: TempDatabase) throws -> SQLiteStore {
        let store = try SQLiteStore.create(path: temp.path)
        try store.bootstrap(kind: .office, officeName: "城关县三创办", admin: admin, context: context())
        return store
    }

    /// The demo county (300 communities) with the demo operators.
    static func county(_ temp: TempDatabase) throws -> SQLiteStore {
        let store = try SQLiteStore.create(path: temp.path)
        try store.bootstrap(kind: .demo, officeName: nil, admin: admin, context: context())
        try DemoLoader(store: store).load(DemoGenerator(scale: .county, seed: 2026, today: today, now: now),
                                          context: context())
        return store
    }

    /// The first community in board order with its first cell of the given status.
    static func cell(_ store: SQLiteStore, status: CellStatus) throws -> (CommunityRow, CellRow) {
        for row in try store.communities(in: .all, filter: .none, offset: 0, limit: 400, today: today) {
            if let cell = try store.cells(communityID: row.community.id).first(where: { $0.cell.status == status }) {
                return (row, cell)
            }
        }
        throw GridError.notFound("no \(status) cell in the fixture")
    }

    /// Inserts `count` open cases in one transaction, spread over the county's cells, numbered from 2099-0001
    /// (clear of the demo's ledger): every third without a deadline, the rest due from 30 days ago to 30 ahead,
    /// every other one handled by the community's lead unit.
    static func addOpenCases(_ store: SQLiteStore, count: Int) throws {
        try store.db.write { db in
            let cells = try Row.fetchAll(db, sql: "SELECT community_id, theme_id FROM cell ORDER BY community_id, theme_id")
            var chains: [Int64: (ChainSnapshot, String)] = [:]
            for i in 0..<count {
                let cell = cells[(i * 7) % cells.count]
                let communityID: Int64 = cell["community_id"]
                if chains[communityID] == nil {
                    let links = try store.fetchChain(db, where: "a.community_id = :c AND \(SQL.inForce)",
                                                     arguments: ["c": communityID, "day": Fixture.today.description])
                    let snapshot = ChainSnapshot(chain: links)
                    chains[communityID] = (snapshot, try CaseRows.chainJSON(snapshot))
                }
                let (chain, text) = chains[communityID]!
                var c = CaseRecord(number: CaseNumber(year: 2099, sequence: i + 1), source: .gridWorker, communityID: communityID,
                                   themeID: cell["theme_id"], description: "批量问题 \(i)", deadlineClass: .threeDays,
                                   foundAt: Fixture.now, foundBy: Fixture.admin.login, chain: chain)
                c.state = [CaseState.reported, .registered, .assigned, .rectifying, .submitted][i % 5]
                c.dueOn = i % 3 == 0 ? nil : Day(ordinal: Fixture.today.ordinal + (i % 61) - 30)
                c.handlingUnitID = i % 2 == 0 ? chain.unitID : nil
                try CaseRows.insert(db, c, chainText: text)
            }
        }
    }

    static func auditCount(_ store: SQLiteStore) throws -> Int {
        try store.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit") ?? 0 }
    }
}
