import Crypto
import Foundation
import GRDB
import GridCore

/// The audit chain (账本): one hash chain over the `audit` and `case_event` tables, kept in the append-only `chain`
/// table (`seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl, row_id, hash`).
///
/// Every audit row and every case event gets one chain entry, written in the same transaction as the row. Entry
/// `seq` holds `SHA-256(hash of entry seq−1 ‖ canonical content)` as 64 hex digits, the first entry chaining from 64
/// zeros. The canonical content is a JSON array: `[seq, table, id, …every other column in schema order]`, each value
/// by its SQLite storage class (integer digits, quoted and escaped text, `null`), so no two rows (or one row
/// renumbered, re-timed or moved) share a text. One chain for both tables keeps a single head to print on documents
/// and a single order to verify. This format is frozen: migration v4 and every later check rely on it.
///
/// Rows present when v4 ran (every audit row by id, then every case event by id) were hashed then: history before the
/// migration is anchored from that moment, not from when it was written.
enum AuditChain {
    /// The hash the first entry chains from.
    static let genesis = String(repeating: "0", count: 64)

    /// The chained tables.
    enum Table: String, CaseIterable {
        case audit
        case caseEvent = "case_event"

        /// The columns in canonical order, `id` first.
        var columns: [String] {
            switch self {
            case .audit: ["id", "at", "operator", "os_user", "source", "entity", "entity_id", "community_id", "field", "old_value",
                          "new_value", "note"]
            case .caseEvent: ["id", "case_id", "at", "action", "from_state", "to_state", "actor", "os_user", "reason", "due_on"]
            }
        }

        /// How many columns `columns` lists.
        var columnCount: Int { self == .audit ? 12 : 10 }

        /// Whether the column at `index` (in `columns`) is INTEGER (id, community_id, case_id); the rest are TEXT.
        func isInteger(_ index: Int) -> Bool { index == 0 || index == (self == .audit ? 7 : 1) }

        /// What an entry of this table is called in messages.
        var label: String { self == .audit ? "audit" : "case event" }
    }

    /// The newest entry, or the genesis (seq 0) of an empty chain.
    static func head(_ db: Database) throws -> AuditChainHead {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1")) else {
            return AuditChainHead(seq: 0, hash: genesis)
        }
        return AuditChainHead(seq: row[0], hash: row[1])
    }

    /// The canonical text of a row being written: `[seq, "table", id, …]` as JSON, from the values bound to its insert.
    static func canonical(seq: Int64, table: Table, values: [DatabaseValue]) -> [UInt8] {
        var c = Canonical(seq: seq, table: table)
        for value in values { c.value(value) }
        return c.finished()
    }

    /// The canonical text of a stored row whose columns (in `table.columns` order) start at `offset` in `row`. Integer
    /// columns are encoded by their storage class; text columns (which SQLite keeps as text, blob or NULL) by their bytes.
    static func canonical(seq: Int64, table: Table, row: Row, offset: Int) throws -> [UInt8] {
        var c = Canonical(seq: seq, table: table)
        for index in 0..<table.columnCount {
            if table.isInteger(index) {
                c.value(row[offset + index] as DatabaseValue)
            } else {
                try row.withUnsafeData(atIndex: offset + index) { data in
                    guard let data else { return c.null() }
                    data.withUnsafeBytes { c.text(UnsafeRawBufferPointer($0)) }
                }
            }
        }
        return c.finished()
    }

    /// SHA-256 over the previous entry's hash (64 hex digits) and a row's canonical text, as 64 lowercase hex digits.
    static func hash(previous: [UInt8], canonical: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: canonical)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in hasher.finalize() {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return out
    }

    static let digits = Array("0123456789abcdef".utf8)

    /// Hashes every row already present (audit by id, then case events by id) onto the chain: migration v4.
    static func anchorExisting(_ db: Database) throws {
        var appender = try ChainAppender(db)
        for table in Table.allCases {
            let rows = try Row.fetchCursor(db, sql: "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.rawValue) ORDER BY id")
            while let row = try rows.next() {
                let seq = appender.seq + 1
                try appender.append(table, rowID: row[0], canonical: try canonical(seq: seq, table: table, row: row, offset: 0))
            }
        }
    }
}

/// A canonical text being built as UTF-8 bytes: a JSON array whose strings escape `"`, `\\`, C0 controls and DEL.
struct Canonical {
    private var bytes: [UInt8] = []

    init(seq: Int64, table: AuditChain.Table) {
        bytes.reserveCapacity(256)
        bytes.append(UInt8(ascii: "["))
        bytes += String(seq).utf8
        bytes.append(UInt8(ascii: ","))
        append(string: table.rawValue)
    }

    mutating func null() { comma(); bytes += "null".utf8 }

    mutating func value(_ value: DatabaseValue) {
        switch value.storage {
        case .null: null()
        case .int64(let i): comma(); bytes += String(i).utf8
        case .double(let d): comma(); bytes += "{\"real\":\"\(d)\"}".utf8
        case .string(let s): comma(); append(string: s)
        case .blob(let data): comma(); bytes += "{\"blob\":\"\(data.map { String(format: "%02x", $0) }.joined())\"}".utf8
        }
    }

    mutating func text(_ raw: UnsafeRawBufferPointer) {
        comma()
        append(utf8: raw)
    }

    func finished() -> [UInt8] { bytes + [UInt8(ascii: "]")] }

    private mutating func comma() { bytes.append(UInt8(ascii: ",")) }

    /// A string as SQLite stores it when GRDB binds it: up to its first NUL.
    private mutating func append(string: String) {
        var s = string
        s.withUTF8 { utf8 in
            append(utf8: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[..<(utf8.firstIndex(of: 0) ?? utf8.count)])))
        }
    }

    private mutating func append(utf8 raw: UnsafeRawBufferPointer) {
        bytes.append(UInt8(ascii: "\""))
        for b in raw {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(b)
            case 0..<0x20, 0x7F:
                bytes += "\\u00".utf8
                bytes.append(AuditChain.digits[Int(b >> 4)])
                bytes.append(AuditChain.digits[Int(b & 0x0F)])
            default:
                bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// Appends chain entries inside one write transaction: reads the head once, then chains in memory.
struct ChainAppender {
    private(set) var seq: Int64
    private var previous: [UInt8]
    private let insert: Statement

    /// Reads the current head; use within the write transaction that adds the rows.
    init(_ db: Database) throws {
        let head = try AuditChain.head(db)
        seq = head.seq
        previous = Array(head.hash.utf8)
        insert = try db.cachedStatement(sql: "INSERT INTO chain (seq, tbl, row_id, hash) VALUES (?, ?, ?, ?)")
    }

    /// The newest entry written (or read).
    var head: AuditChainHead { AuditChainHead(seq: seq, hash: String(decoding: previous, as: UTF8.self)) }

    /// Chains one just-inserted row given its canonical text for entry `seq + 1`.
    mutating func append(_ table: AuditChain.Table, rowID: Int64, canonical: [UInt8]) throws {
        let hash = AuditChain.hash(previous: previous, canonical: canonical)
        seq += 1
        try insert.execute(arguments: [seq, table.rawValue, rowID, String(decoding: hash, as: UTF8.self)])
        previous = hash
    }

    /// Inserts a row with `statement` (binding `values`, every column but `id` in canonical order) and chains it.
    mutating func insert(_ table: AuditChain.Table, with statement: Statement, values: [DatabaseValue], _ db: Database) throws {
        try statement.execute(arguments: StatementArguments(values))
        let id = db.lastInsertedRowID
        try append(table, rowID: id, canonical: AuditChain.canonical(seq: seq + 1, table: table, values: [id.databaseValue] + values))
    }
}

extension SQLiteStore {
    /// The newest chain entry (`AuditChainReading`), printed on notices, reports and backups.
    public func auditChainHead() throws(GridError) -> AuditChainHead {
        try read { try AuditChain.head($0) }
    }

    /// Verifies the audit chain alone (the part of `check` that recomputes every hash); the benchmark times it.
    public func verifyAuditChain() throws(GridError) -> [String] {
        try read { try AuditChain.verify($0) }
    }
}

extension AuditChain {
    /// `value` as the database will store it (`nil` as NULL).
    static func stored(_ value: (any DatabaseValueConvertible)?) -> DatabaseValue {
        value?.databaseValue ?? .null
    }
}
