import Crypto
import GridCore

/// The audit chain (账本) on PostgreSQL, computed exactly as the SQLite store computes it (`GridStore/AuditChain.swift`,
/// a frozen format): entry `seq` holds `SHA-256(hash of entry seq−1 ‖ canonical content)` as 64 hex digits, the first
/// chaining from 64 zeros; the canonical content is the JSON array `[seq, "table", id, …every other column in schema
/// order]`, integers as digits, text quoted with `"`, `\`, C0 controls and DEL escaped, NULL as `null`. Both stores
/// hold the same values in the same columns, so a chain copied from SQLite verifies here and `check` means the same.
enum PGChain {
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

        var label: String { self == .audit ? "audit" : "case event" }
    }

    /// The newest entry, or the genesis (seq 0) of an empty chain.
    static func head(_ s: PGSession) throws(GridError) -> AuditChainHead {
        guard let row = try s.query("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1").first else {
            return AuditChainHead(seq: 0, hash: genesis)
        }
        return AuditChainHead(seq: row.int("seq"), hash: row.text("hash"))
    }

    /// `[seq,"table",v1,v2,…]` as UTF-8 bytes.
    static func canonical(seq: Int64, table: Table, values: [SQLValue]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        bytes.append(UInt8(ascii: "["))
        bytes += String(seq).utf8
        bytes.append(UInt8(ascii: ","))
        appendString(table.rawValue, to: &bytes)
        for v in values {
            bytes.append(UInt8(ascii: ","))
            switch v {
            case .null: bytes += "null".utf8
            case .int(let i): bytes += String(i).utf8
            case .real(let d): bytes += "{\"real\":\"\(d)\"}".utf8
            case .text(let t): appendString(t, to: &bytes)
            case .bytes(let b): // as SQLite's chain encodes a blob (never in a chained column today)
                bytes += "{\"blob\":\"".utf8
                for x in b { bytes.append(digits[Int(x >> 4)]); bytes.append(digits[Int(x & 0x0F)]) }
                bytes += "\"}".utf8
            }
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    static func appendString(_ s: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            if b == 0 { break } // as SQLite stores a bound string: up to its first NUL (PostgreSQL text holds none)
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(b)
            case 0..<0x20, 0x7F:
                bytes += "\\u00".utf8
                bytes.append(digits[Int(b >> 4)])
                bytes.append(digits[Int(b & 0x0F)])
            default:
                bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// SHA-256 over the previous hash (64 hex digits) and a canonical text, as 64 lowercase hex digits.
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
}

/// Appends chain entries inside one write transaction: reads the head once, then chains in memory. The change
/// marker's row lock (taken first by every write transaction) keeps a second writer from reading the same head.
struct PGChainAppender {
    private(set) var seq: Int64
    private var previous: [UInt8]

    init(_ s: PGSession) throws(GridError) {
        let head = try PGChain.head(s)
        seq = head.seq
        previous = Array(head.hash.utf8)
    }

    /// Inserts a row (`values`: every column but `id`, in canonical order) and chains it; returns the row's id.
    @discardableResult
    mutating func insert(_ table: PGChain.Table, values: [SQLValue], _ s: PGSession) throws(GridError) -> Int64 {
        let columns = table.columns.dropFirst()
        // The id is the next after the largest, not the identity sequence's next value: a sequence is not rolled back, so
        // a transaction that failed, was rolled back (a dry run) or whose writer was killed would leave a gap in the ids,
        // which `check` reads as deleted rows; and SQLite's ids have no such gaps, so the same changes hash the same on
        // both stores. Safe because writers queue on the change marker (`PostgresStore.write`) before they get here.
        guard let id = try s.int("INSERT INTO \(table.rawValue) (id, \(columns.joined(separator: ", "))) VALUES "
                                    + "((SELECT coalesce(max(id), 0) + 1 FROM \(table.rawValue)), \(PGSQL.marks(values.count))) RETURNING id",
                                 values) else {
            throw .database("the database did not return the new \(table.label)'s id")
        }
        let hash = PGChain.hash(previous: previous, canonical: PGChain.canonical(seq: seq + 1, table: table, values: [.int(id)] + values))
        seq += 1
        try s.query("INSERT INTO chain (seq, tbl, row_id, hash) VALUES (?, ?, ?, ?)", [seq, table.rawValue, id, String(decoding: hash, as: UTF8.self)])
        previous = hash
        return id
    }

    /// Inserts many rows (each: every column but `id`, in canonical order) and chains them in order: the ids are read
    /// once and counted on, the hashes computed here, and the rows and their chain entries written by a few many-row
    /// statements, so a change to a thousand cells costs a handful of round trips rather than two per row.
    mutating func insert(_ table: PGChain.Table, rows: [[SQLValue]], _ s: PGSession) throws(GridError) {
        guard rows.count > 1 else {
            if let only = rows.first { try insert(table, values: only, s) }
            return
        }
        // As for one row: the next ids after the largest (see `insert(_:values:_:)`), safe under the change marker's lock.
        let first = (try s.int("SELECT coalesce(max(id), 0) FROM \(table.rawValue)") ?? 0) + 1
        var withIDs: [[SQLValue]] = [], chained: [[SQLValue]] = []
        withIDs.reserveCapacity(rows.count)
        chained.reserveCapacity(rows.count)
        for (i, values) in rows.enumerated() {
            let id = first + Int64(i)
            let row = [SQLValue.int(id)] + values
            let hash = PGChain.hash(previous: previous, canonical: PGChain.canonical(seq: seq + 1, table: table, values: row))
            seq += 1
            withIDs.append(row)
            chained.append([.int(seq), .text(table.rawValue), .int(id), .text(String(decoding: hash, as: UTF8.self))])
            previous = hash
        }
        try s.insertMany(table.rawValue, columns: table.columns, rows: withIDs)
        try s.insertMany("chain", columns: ["seq", "tbl", "row_id", "hash"], rows: chained)
    }
}

extension PGSession {
    /// `INSERT INTO table (columns) VALUES (…), (…), …` in chunks that keep each statement under the protocol's
    /// 65,535 parameters.
    func insertMany(_ table: String, columns: [String], rows: [[SQLValue]]) throws(GridError) {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, 30_000 / max(1, columns.count))
        let tuple = "(" + PGSQL.marks(columns.count) + ")"
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            let values = Array(repeating: tuple, count: chunk.count).joined(separator: ",")
            try query("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(values)", chunk.flatMap { $0 })
        }
    }
}
