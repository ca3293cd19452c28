import Foundation
import GridCore
@testable import GridStore
import GridStoreCopy
import GridStorePostgres

/// The store implementations the contract suite runs against. Every test in `Contract/` takes a `StoreKind` and
/// talks to the store only through GridCore's ports (`GridRepository`) and services (`GridServices`): each kind
/// implements `demoCounty()` and `reopen()`.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    /// `SQLiteStore` on a file in a temporary folder.
    case sqliteFile
    /// `PostgresStore` on a fresh database of the test server (`CIVGRID_TEST_PG`).
    case postgres

    var description: String { rawValue }

    /// The kinds this run tests: PostgreSQL only when a test server is named — or required (CI), so that a missing
    /// server fails its tests with the reason instead of skipping them.
    static var allCases: [StoreKind] {
        PGTestServer.location != nil || PGTestServer.required ? [.sqliteFile, .postgres] : [.sqliteFile]
    }

    /// A fresh store holding the demo county (300 communities, the demo operators, a case ledger) with
    /// `Fixture.admin` as its admin.
    func demoCounty() throws -> StoreUnderTest {
        switch self {
        case .sqliteFile:
            let temp = TempDatabase()
            return StoreUnderTest(store: try Fixture.county(temp), kind: self, keepAlive: temp) {
                try SQLiteStore.open(path: temp.path)
            }
        case .postgres:
            let db = try PGTestDatabase(template: try PGTestServer.demoCountyTemplate())
            let store = try PostgresStore.open(db.location)
            db.stores.append(store)
            return StoreUnderTest(store: store, kind: self, keepAlive: db) {
                let other = try PostgresStore.open(db.location)
                db.stores.append(other)
                return other
            }
        }
    }
}

/// The PostgreSQL server tests use: `CIVGRID_TEST_PG` holds `postgresql:///postgres?host=/socket/dir` (or just
/// `host=/socket/dir`); `.ci/run` starts a throw-away cluster and sets it.
enum PGTestServer {
    /// Whether this run must test PostgreSQL (CI=true or CIVGRID_REQUIRE_PG=1): then a missing server is a failure.
    static var required: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["CI"] == "true" || env["CIVGRID_REQUIRE_PG"] == "1"
    }

    /// The maintenance database tests create their databases from, or nil when none is named.
    static var location: PostgresLocation? {
        guard let text = ProcessInfo.processInfo.environment["CIVGRID_TEST_PG"], !text.isEmpty else { return nil }
        let login = ProcessInfo.processInfo.environment["USER"] ?? "root"
        if PostgresLocation.isPostgres(text) { return try? PostgresLocation(url: text, osUser: login) }
        let dir = text.hasPrefix("host=") ? String(text.dropFirst(5)) : text
        return PostgresLocation(host: dir, user: login, database: "postgres")
    }

    /// Why PostgreSQL tests cannot run, for the failure CI reports.
    static var missingReason: String {
        "no PostgreSQL test server: CIVGRID_TEST_PG is not set (or not a postgres:// address). Run the suite through "
            + "`bash .ci/run`, which starts a throw-away cluster, or set CIVGRID_TEST_PG=host=/socket/dir"
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var template: PGTestDatabase?

    /// The demo county copied (by `StoreCopy`, as `civgrid migrate` does) from an SQLite file into a database made once
    /// per test process; each PostgreSQL test gets its own database created from it (CREATE DATABASE … TEMPLATE, a
    /// file copy on the server), so tests run in parallel without sharing data.
    static func demoCountyTemplate() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let template { return template.name }
        let temp = TempDatabase()
        let source = try Fixture.county(temp)
        defer { source.close() }
        let db = try PGTestDatabase()
        let store = try PostgresStore.create(db.location)
        _ = try StoreCopy.copy(from: source, to: store)
        store.close()
        template = db
        return db.name
    }
}

/// A database of its own on the test server for one test, dropped when the test lets go of it.
final class PGTestDatabase: @unchecked Sendable {
    let name: String
    let server: PostgresLocation
    let location: PostgresLocation
    var stores: [PostgresStore] = []

    /// Creates an empty database, or a copy of `template`.
    init(template: String? = nil) throws {
        guard let server = PGTestServer.location else { throw GridError.database(PGTestServer.missingReason) }
        self.server = server
        name = "civgrid_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        location = server.database(name)
        try PostgresStore.createDatabase(name, on: server, template: template)
    }

    deinit {
        for s in stores { s.close() }
        try? PostgresStore.dropDatabase(name, on: server)
    }
}

/// One store under test, with a way to open a second, independent connection to the same data (another process).
struct StoreUnderTest {
    let store: any GridRepository
    let kind: StoreKind
    /// Whatever must live as long as the store (a temporary folder, a server database).
    let keepAlive: AnyObject
    let reopenStore: () throws -> any GridRepository

    init(store: any GridRepository, kind: StoreKind, keepAlive: AnyObject, reopen: @escaping () throws -> any GridRepository) {
        self.store = store
        self.kind = kind
        self.keepAlive = keepAlive
        reopenStore = reopen
    }

    /// A second connection, as another operator's process would have.
    func reopen() throws -> any GridRepository { try reopenStore() }

    var services: GridServices { GridServices(store) }
    var today: Day { Fixture.today }

    /// Context for `actor` (the admin by default).
    func context(_ actor: Operator = Fixture.admin) -> ChangeContext { Fixture.context(actor) }

    /// Adds an operator through the services, as the admin.
    func addOperator(_ login: String, role: OperatorRole, unit: RowID? = nil) throws -> Operator {
        let account = Operator(login: login, name: login, unitID: unit, role: role)
        _ = try services.saveOperator(account, context: context())
        return account
    }

    /// The first `count` cells (community × theme) in board order with a status from `statuses`.
    func cells(_ statuses: Set<CellStatus>, count: Int = 1) throws -> [CellState] {
        var found: [CellState] = []
        for row in try store.communities(in: .all, filter: .none, offset: 0, limit: 300, today: today) where found.count < count {
            for c in try store.cells(communityID: row.community.id) where found.count < count && statuses.contains(c.cell.status) {
                found.append(c.cell)
            }
        }
        return found
    }

    /// A cell's state now.
    func cell(_ key: CellKey) throws -> CellState? {
        try store.cells(communityIDs: [key.communityID]).first { $0.themeID == key.themeID }
    }

    /// The open cases of a cell.
    func openCases(_ key: CellKey) throws -> [CaseRecord] {
        try store.cases(openOnly: true, communityID: key.communityID, limit: 1_000).filter { $0.themeID == key.themeID }
    }
}

extension CellState {
    var key: CellKey { CellKey(communityID: communityID, themeID: themeID) }
}
