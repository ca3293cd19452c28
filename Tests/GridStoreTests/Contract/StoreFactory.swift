import GridCore
@testable import GridStore

/// The store implementations the contract suite runs against. Every test in `Contract/` takes a `StoreKind` and
/// talks to the store only through GridCore's ports (`GridRepository`) and services (`GridServices`), so a second
/// store (PostgreSQL) joins by adding a case here and implementing `demoCounty()` and `reopen()` for it.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    /// `SQLiteStore` on a file in a temporary folder.
    case sqliteFile

    var description: String { rawValue }

    /// A fresh store holding the demo county (300 communities, the demo operators, a case ledger) with
    /// `Fixture.admin` as its admin.
    func demoCounty() throws -> StoreUnderTest {
        switch self {
        case .sqliteFile:
            let temp = TempDatabase()
            return StoreUnderTest(store: try Fixture.county(temp), kind: self, keepAlive: temp) {
                try SQLiteStore.open(path: temp.path)
            }
        }
    }
}

/// One store under test, with a way to open a second, independent connection to the same data (another process).
struct StoreUnderTest {
    let store: any GridRepository
    let kind: StoreKind
    /// Whatever must live as long as the store (a temporary folder, a server schema).
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
