import GRDB
import GRDBSQLite

/// Rows for one table written many per statement (`INSERT … VALUES (…), (…), …`): a bulk import's rows cost one
/// statement (one bind-step-reset, one statement journal) per `perStatement` rows rather than one each. The caller
/// gives every column, ids included, so it knows each row's id without asking; `flush` writes what is queued.
struct RowInserter {
    let table: String
    let columns: [String]
    /// Rows per statement; `perStatement × columns` stays under SQLite's smallest variable limit (999).
    let perStatement: Int
    private var values: [DatabaseValue] = []
    private var full: Statement?

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
        perStatement = max(1, 990 / columns.count)
        values.reserveCapacity(perStatement * columns.count)
    }

    /// Rows queued and not yet written.
    var queued: Int { values.count / columns.count }

    /// Queues one row (every column, in `columns` order); writes a full statement's worth when reached.
    mutating func add(_ row: [DatabaseValue], _ db: Database) throws {
        precondition(row.count == columns.count, "\(table): \(row.count) values for \(columns.count) columns")
        values.append(contentsOf: row)
        if values.count == perStatement * columns.count { try flush(db) }
    }

    /// Writes every queued row.
    mutating func flush(_ db: Database) throws {
        guard !values.isEmpty else { return }
        let rows = queued
        let statement: Statement
        if rows == perStatement {
            if full == nil { full = try db.makeStatement(sql: sql(rows: rows)) }
            statement = full!
        } else {
            statement = try db.makeStatement(sql: sql(rows: rows))
        }
        try RowInserter.run(statement, values, db)
        values.removeAll(keepingCapacity: true)
    }

    /// Binds `values` and steps `statement` once through SQLite's own calls: GRDB's general binding costs more than
    /// the insert at a thousand values a statement. Strings are bound as GRDB binds them (up to a NUL, copied).
    static func run(_ statement: Statement, _ values: [DatabaseValue], _ db: Database) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        for (i, value) in values.enumerated() {
            let index = CInt(i + 1)
            switch value.storage {
            case .null: sqlite3_bind_null(s, index)
            case .int64(let n): sqlite3_bind_int64(s, index, n)
            case .double(let d): sqlite3_bind_double(s, index, d)
            case .string(let text): sqlite3_bind_text(s, index, text, -1, transient)
            case .blob(let data): _ = data.withUnsafeBytes { sqlite3_bind_blob(s, index, $0.baseAddress, CInt($0.count), transient) }
            }
        }
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(s)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(s)
    }

    /// SQLITE_TRANSIENT: SQLite copies the bound bytes.
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    func sql(rows: Int) -> String {
        let one = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES " + Array(repeating: one, count: rows).joined(separator: ", ")
    }
}

/// Communities an import adds, written many per statement with the ids SQLite would give them (one past the
/// largest), then their cells and self-inspection cadences: a community's rows go in before the rows that reference it.
/// Nothing else may flush a community early: a one-row statement is prepared afresh, and preparing an insert into
/// `cell` compiles its tally trigger (a sheet with a 序号 column once flushed every row, four times the import's cost).
struct NewCommunities {
    private(set) var nextID: Int64
    private var rows = RowInserter(table: "community",
                                   columns: ["id", "street_id", "name", "address", "kind", "declared_site", "households", "note",
                                             "site_kind", "office_order", "pinyin_key", "street_rank"])
    private var cells = RowInserter(table: "cell", columns: ["community_id", "theme_id"])
    private var cadences = RowInserter(table: "site_cadence", columns: ["community_id", "days"])
    private var pendingCells: [(Int64, Int64)] = []
    private var pendingCadences: [(Int64, Int)] = []
    /// Each added community's number of cells, for its tally (`ImportTallies`).
    private(set) var cellCounts: [(community: Int64, count: Int)] = []

    init(after lastID: Int64) { nextID = lastID + 1 }

    /// Queues a community (every column, `id` first — `nextID`), the themes it gets a cell for and its cadence.
    mutating func add(_ row: [DatabaseValue], cells themes: [Int64], cadence days: Int?, _ db: Database) throws {
        let id = nextID
        nextID += 1
        for theme in themes { pendingCells.append((id, theme)) }
        cellCounts.append((id, themes.count))
        if let days { pendingCadences.append((id, days)) }
        try rows.add(row, db)
        // `rows` wrote its statement: the cells of the communities it wrote can follow.
        if rows.queued == 0 { try flush(db) }
    }

    /// Writes every queued community, then their cells and cadences.
    mutating func flush(_ db: Database) throws {
        try rows.flush(db)
        for (community, theme) in pendingCells { try cells.add([community.databaseValue, theme.databaseValue], db) }
        try cells.flush(db)
        pendingCells.removeAll(keepingCapacity: true)
        for (community, days) in pendingCadences { try cadences.add([community.databaseValue, days.databaseValue], db) }
        try cadences.flush(db)
        pendingCadences.removeAll(keepingCapacity: true)
    }
}
