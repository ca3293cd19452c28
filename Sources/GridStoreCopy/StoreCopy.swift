import GRDB
import GridCore
import GridStore
import GridStorePostgres

/// Copies an office from an SQLite file into an empty PostgreSQL database: every table row for row with its ids, the
/// audit log and case events with their chain entries unchanged, then proves the copy — the same row counts on both
/// sides, the same chain head, and the chain recomputed on the server from the copied rows.
public enum StoreCopy {
    /// What a copy moved and found.
    public struct Report: Sendable {
        /// Rows per table, as copied (equal on both sides).
        public var counts: [(table: String, rows: Int64)] = []
        /// The chain head on both sides after the copy.
        public var head: AuditChainHead
    }

    /// SQLite's own tables and derived ones (the tally is rebuilt by the server's triggers as cells arrive).
    static let derived: Set<String> = ["grdb_migrations", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4", "tally"]

    /// Copies `source` into `target`, which must be empty. Refuses — changing nothing — when the target holds data, the
    /// source's chain does not verify, or the source has a table or column this civgrid's PostgreSQL schema lacks.
    public static func copy(from source: SQLiteStore, to target: PostgresStore) throws(GridError) -> Report {
        guard try target.isEmpty() else {
            throw .invalidInput("\(target.location.display) already holds an office; civgrid copies only into an empty database "
                + "(rerunning a copy never duplicates it). Nothing was changed")
        }
        let broken = try source.verifyAuditChain()
        guard broken.isEmpty else {
            throw .database("\(source.path)'s audit chain does not verify, so it is not copied (the copy would carry the break):\n  "
                + broken.prefix(5).joined(separator: "\n  "))
        }
        let layout = try source.readDatabase { db in try tableLayout(db) }
        let targetColumns = try target.columns()
        for (table, columns) in layout {
            guard let known = targetColumns[table], PostgresLoader.tables.contains(table) else {
                throw .database("\(source.path) has a table “\(table)” that this civgrid's PostgreSQL schema lacks; "
                    + "nothing was copied. Upgrade civgrid (both stores need the same schema version)")
            }
            if let missing = columns.first(where: { !known.contains($0) }) {
                throw .database("\(source.path) has a column \(table).\(missing) that this civgrid's PostgreSQL schema lacks; nothing was copied")
            }
        }
        var report = Report(head: AuditChainHead(seq: 0, hash: ""))
        try target.load { loader in
            for table in PostgresLoader.tables {
                guard let columns = layout[table] else { continue }
                let binary = binaryColumns[table] ?? []
                try source.readDatabase { db in
                    let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table)")
                    var batch: [[SQLValue]] = []
                    while let row = try cursor.next() {
                        batch.append((0..<columns.count).map { value(row[$0], bytes: binary.contains(columns[$0])) })
                        if batch.count == 20_000 {
                            try loader.insert(table, columns: columns, rows: batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    try loader.insert(table, columns: columns, rows: batch)
                }
            }
        }
        for table in PostgresLoader.tables where layout[table] != nil {
            let here = try source.readDatabase { db in try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
            let there = try target.count(table)
            guard here == there else {
                throw .database("the copy of \(table) has \(there) rows but \(source.path) has \(here); check the server's log")
            }
            report.counts.append((table, here))
        }
        let sourceHead = try source.auditChainHead(), targetHead = try target.auditChainHead()
        guard sourceHead == targetHead else {
            throw .database("the chain head differs after the copy: \(sourceHead.anchor) in \(source.path), \(targetHead.anchor) on the server")
        }
        let problems = try target.verifyAuditChain()
        guard problems.isEmpty else {
            throw .database("the copied chain does not verify on the server:\n  " + problems.prefix(5).joined(separator: "\n  "))
        }
        report.head = targetHead
        // The copy is one bulk load: the server plans well only once it has counted what arrived.
        try target.analyze()
        return report
    }

    /// Every table worth copying with its columns in schema order.
    static func tableLayout(_ db: Database) throws -> [String: [String]] {
        var layout: [String: [String]] = [:]
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        where !derived.contains(table) && !table.hasPrefix("sqlite_") {
            layout[table] = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
        }
        return layout
    }

    /// Columns that hold bytes (`bytea` on the server); any other blob SQLite holds is text stored as a blob.
    static let binaryColumns: [String: Set<String>] = ["attachment_blob": ["bytes"]]

    static func value(_ v: DatabaseValue, bytes: Bool = false) -> SQLValue {
        switch v.storage {
        case .null: .null
        case .int64(let i): .int(i)
        case .double(let d): .real(d)
        case .string(let s): bytes ? .bytes(Array(s.utf8)) : .text(s)
        case .blob(let data): bytes ? .bytes([UInt8](data)) : .text(String(decoding: data, as: UTF8.self))
        }
    }
}
