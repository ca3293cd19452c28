import GRDB

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
        try statement.execute(arguments: StatementArguments(values))
        values.removeAll(keepingCapacity: true)
    }

    func sql(rows: Int) -> String {
        let one = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES " + Array(repeating: one, count: rows).joined(separator: ", ")
    }
}

/// Communities an import adds, written many per statement with the ids SQLite would give them (one past the
/// largest), then their cells: a community's rows go in before its cells, which reference it.
struct NewCommunities {
    private(set) var nextID: Int64
    private var rows = RowInserter(table: "community",
                                   columns: ["id", "street_id", "name", "address", "kind", "declared_site", "households", "note"])
    private var cells = RowInserter(table: "cell", columns: ["community_id", "theme_id"])
    private var pendingCells: [(Int64, Int64)] = []

    init(after lastID: Int64) { nextID = lastID + 1 }

    /// Queues a community (every column, `id` first — `nextID`) and the themes it gets a cell for.
    mutating func add(_ row: [DatabaseValue], cells themes: [Int64], _ db: Database) throws {
        let id = nextID
        nextID += 1
        for theme in themes { pendingCells.append((id, theme)) }
        try rows.add(row, db)
        // `rows` wrote its statement: the cells of the communities it wrote can follow.
        if rows.queued == 0 { try flush(db) }
    }

    /// Writes every queued community, then their cells.
    mutating func flush(_ db: Database) throws {
        try rows.flush(db)
        for (community, theme) in pendingCells { try cells.add([community.databaseValue, theme.databaseValue], db) }
        try cells.flush(db)
        pendingCells.removeAll(keepingCapacity: true)
    }
}
