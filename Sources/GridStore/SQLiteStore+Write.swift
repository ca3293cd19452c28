import GRDB
import GridCore

extension SQLiteStore {
    /// `阳光小区 · 环境卫生`, for messages about a cell.
    static func cellLabel(_ db: Database, _ key: CellKey) throws -> String {
        let row = try Row.fetchOne(db, sql: """
            SELECT c.name AS c, th.name_zh AS t FROM community c, theme th WHERE c.id = ? AND th.id = ?
            """, arguments: [key.communityID, key.themeID])
        return row.map { "\($0["c"] as String) · \($0["t"] as String)" } ?? "#\(key.communityID)/\(key.themeID)"
    }

    public func changeMarker() throws(GridError) -> Int {
        // data_version is per connection and changes when another connection commits, so it must be read
        // on one fixed connection: the writer (a read could land on any pooled reader).
        do {
            return try db.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw StoreError.map(error, path: path)
        }
    }

    func fetchOperator(_ db: Database, login: String) throws -> Operator {
        try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [login]).map(Decode.operatorAccount)
            ?? .unknown(login: login)
    }

    public func operatorAccount(login: String) throws(GridError) -> Operator {
        try read { db in try fetchOperator(db, login: login) }
    }

    public func operators() throws(GridError) -> [Operator] {
        try read { try Row.fetchAll($0, sql: "SELECT * FROM operator ORDER BY login").map(Decode.operatorAccount) }
    }

}
