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

    static func auditCount(_ store: SQLiteStore) throws -> Int {
        try store.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit") ?? 0 }
    }
}
