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

    /// The canonical text of a chained row: `[seq, "table", id, …]` as JSON.
    static func canonical(seq: Int64, table: Table, values: [DatabaseValue]) -> String {
        var out = "[\(seq),\"\(table.rawValue)\""
        out.reserveCapacity(160)
        for value in values {
            out.append(",")
            switch value.storage {
            case .null: out.append("null")
            case .int64(let i): out.append(String(i))
            case .double(let d): out.append("{\"real\":\"\(d)\"}")
            case .string(let s): appendJSONString(s, to: &out)
            case .blob(let data): out.append("{\"blob\":\"\(hex(data))\"}")
            }
        }
        out.append("]")
        return out
    }

    /// SHA-256 over the previous entry's hash and this row's canonical text, as 64 lowercase hex digits.
    static func hash(previous: String, canonical: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(previous.utf8))
        hasher.update(data: Data(canonical.utf8))
        return hex(hasher.finalize())
    }

    static func appendJSONString(_ s: String, to out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let h = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - h.count) + h)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }

    static let digits = Array("0123456789abcdef".utf8)

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        var chars: [UInt8] = []
        chars.reserveCapacity(64)
        for b in bytes {
            chars.append(digits[Int(b >> 4)])
            chars.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: chars, as: UTF8.self)
    }

    /// Hashes every row already present (audit by id, then case events by id) onto the chain: migration v4.
    static func anchorExisting(_ db: Database) throws {
        var appender = try ChainAppender(db)
        for table in Table.allCases {
            let rows = try Row.fetchCursor(db, sql: "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.rawValue) ORDER BY id")
            while let row = try rows.next() {
                let values = Array(row.databaseValues)
                guard case .int64(let id) = values[0].storage else { continue }
                try appender.append(table, rowID: id, values: values)
            }
        }
    }
}

/// Appends chain entries inside one write transaction: reads the head once, then chains in memory.
struct ChainAppender {
    private(set) var head: AuditChainHead
    private let insert: Statement

    /// Reads the current head; use within the write transaction that adds the rows.
    init(_ db: Database) throws {
        head = try AuditChain.head(db)
        insert = try db.cachedStatement(sql: "INSERT INTO chain (seq, tbl, row_id, hash) VALUES (?, ?, ?, ?)")
    }

    /// Chains one just-inserted row; `values` are its columns in `table.columns` order, `id` first, as stored.
    mutating func append(_ table: AuditChain.Table, rowID: Int64, values: [DatabaseValue]) throws {
        let seq = head.seq + 1
        let hash = AuditChain.hash(previous: head.hash, canonical: AuditChain.canonical(seq: seq, table: table, values: values))
        try insert.execute(arguments: [seq, table.rawValue, rowID, hash])
        head = AuditChainHead(seq: seq, hash: hash)
    }

    /// Inserts a row with `statement` (binding `values`, every column but `id` in canonical order) and chains it.
    mutating func insert(_ table: AuditChain.Table, with statement: Statement, values: [DatabaseValue], _ db: Database) throws {
        try statement.execute(arguments: StatementArguments(values))
        let id = db.lastInsertedRowID
        try append(table, rowID: id, values: [id.databaseValue] + values)
    }
}

extension SQLiteStore {
    public func auditChainHead() throws(GridError) -> AuditChainHead {
        try read { try AuditChain.head($0) }
    }
}

extension AuditChain {
    /// `value` as the database will store it (`nil` as NULL).
    static func stored(_ value: (any DatabaseValueConvertible)?) -> DatabaseValue {
        value?.databaseValue ?? .null
    }
}
