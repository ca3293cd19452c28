import GRDB
import GridCore

/// Verifying the audit chain (see `AuditChain`): every entry recomputed in order from the rows it names.
extension AuditChain {
    /// The most problems of one kind listed before the rest are counted.
    static let listed = 20

    /// Every break in the chain, named: entries missing or out of order, rows deleted, rows changed (or deleted and
    /// the rest renumbered), rows without an entry, and a chain cut short at its end. Streams the chain once.
    static func verify(_ db: Database) throws -> [String] {
        guard try db.tableExists("chain") else {
            return ["chain: the chain table is missing (dropped), so nothing in the audit log or case events can be verified; "
                + "restore a backup that passes check"]
        }
        let audit = Table.audit.columns.map { "a.\($0)" }.joined(separator: ", ")
        let event = Table.caseEvent.columns.map { "e.\($0)" }.joined(separator: ", ")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT ch.seq, ch.tbl, ch.row_id, ch.hash, \(audit), \(event) FROM chain ch
            LEFT JOIN audit a ON ch.tbl = 'audit' AND a.id = ch.row_id
            LEFT JOIN case_event e ON ch.tbl = 'case_event' AND e.id = ch.row_id
            ORDER BY ch.seq
            """)
        let auditWidth = Table.audit.columns.count
        var report = Findings()
        var expected: Int64 = 1, previous = Array(genesis.utf8)
        var last: [Table: Int64] = [:], chained: [Table: Int64] = [:]
        var changed: ChangedRun?
        while let row = try rows.next() {
            let seq: Int64 = row[0], rowID: Int64 = row[2]
            let stored = try row.withUnsafeData(atIndex: 3) { $0.map { Array($0) } ?? [] }
            defer { previous = stored; expected = seq + 1 }
            let gap = seq != expected
            if gap {
                flush(&changed, into: &report)
                report.add("chain: entr\(seq - expected == 1 ? "y" : "ies") #\(expected)\(seq - expected == 1 ? "" : "–#\(seq - 1)") "
                    + "missing before #\(seq) (chain entries were deleted); restore a backup")
            }
            guard let table = Table(rawValue: row[1] as String? ?? "") else {
                report.add("chain: entry #\(seq) names an unknown table; restore a backup")
                continue
            }
            chained[table, default: 0] += 1
            if rowID <= last[table] ?? 0 {
                report.add("chain: entry #\(seq) names \(table.label) #\(rowID) out of order, after #\(last[table] ?? 0) "
                    + "(entries were renumbered or re-pointed); restore a backup")
            }
            last[table] = max(last[table] ?? 0, rowID)
            let offset = table == .audit ? 4 : 4 + auditWidth
            guard !row.hasNull(atIndex: offset) else {
                flush(&changed, into: &report)
                report.add("\(table.label) #\(rowID) (chain #\(seq)) is missing: it was deleted after it was written; restore a backup")
                continue
            }
            // After a gap the link cannot be checked (its predecessor is gone): the gap is the finding, resync here.
            let hash = gap ? stored : AuditChain.hash(previous: previous, canonical: try canonical(seq: seq, table: table, row: row, offset: offset))
            if hash != stored {
                if let run = changed, run.table == table, run.lastSeq == seq - 1 {
                    changed = ChangedRun(table: table, firstSeq: run.firstSeq, lastSeq: seq, firstID: run.firstID, lastID: rowID)
                } else {
                    flush(&changed, into: &report)
                    changed = ChangedRun(table: table, firstSeq: seq, lastSeq: seq, firstID: rowID, lastID: rowID)
                }
            } else {
                flush(&changed, into: &report)
            }
        }
        flush(&changed, into: &report)
        let top = expected - 1
        if let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'chain'"), sequence > top {
            report.add("chain: the sequence says entry #\(sequence) was written but the last entry is #\(top) "
                + "(entries were deleted from the end); restore a backup")
        }
        for table in Table.allCases {
            let count = try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(table.rawValue)") ?? 0
            guard count != chained[table] ?? 0 else { continue }
            let loose = try Int64.fetchAll(db, sql: """
                SELECT id FROM \(table.rawValue) WHERE id NOT IN (SELECT row_id FROM chain WHERE tbl = '\(table.rawValue)')
                ORDER BY id LIMIT \(listed)
                """)
            for id in loose {
                report.add("\(table.label) #\(id) has no chain entry: it was written behind civgrid's back; restore a backup")
            }
        }
        return report.lines("chain")
    }

    /// Whether the entry at `seq` still has a hash starting with `prefix` (a printed anchor, `check --anchor`).
    static func verifyAnchor(_ db: Database, seq: Int64, prefix: String) throws -> [String] {
        guard try db.tableExists("chain") else { return ["anchor: there is no chain to hold entry #\(seq); restore a backup"] }
        guard let hash = try String.fetchOne(db, sql: "SELECT hash FROM chain WHERE seq = ?", arguments: [seq]) else {
            let top = try head(db).seq
            return ["anchor: the chain has no entry #\(seq) (it ends at #\(top)): the history the document anchored was cut; "
                + "restore a backup made after the document"]
        }
        guard hash.hasPrefix(prefix.lowercased()) else {
            return ["anchor: entry #\(seq) now hashes to \(hash.prefix(max(prefix.count, AuditChainHead.printedDigits))), not \(prefix): "
                + "the history up to the document was rewritten since; restore a backup made before the change"]
        }
        return []
    }

    /// Consecutive entries of one table whose rows no longer match their hashes.
    struct ChangedRun {
        var table: Table
        var firstSeq, lastSeq, firstID, lastID: Int64
    }

    static func flush(_ run: inout ChangedRun?, into report: inout Findings) {
        guard let r = run else { return }
        run = nil
        if r.firstSeq == r.lastSeq {
            report.add("\(r.table.label) #\(r.firstID) (chain #\(r.firstSeq)) was changed after it was written: its content "
                + "(time, operator, values or note) no longer matches its hash; restore a backup")
        } else {
            report.add("\(r.table.label) #\(r.firstID)–#\(r.lastID) (chain #\(r.firstSeq)–#\(r.lastSeq), \(r.lastSeq - r.firstSeq + 1) entries) "
                + "no longer match their hashes: rows were edited, or deleted and the rest renumbered; restore a backup")
        }
    }
}

/// Problems of one kind: the first `AuditChain.listed` kept, the rest counted.
struct Findings {
    private(set) var found: [String] = []
    private(set) var more = 0

    mutating func add(_ line: String) {
        if found.count < AuditChain.listed { found.append(line) } else { more += 1 }
    }

    func lines(_ kind: String) -> [String] {
        more == 0 ? found : found + ["\(kind): … and \(more) more"]
    }
}
