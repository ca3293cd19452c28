import Foundation
import GRDB
import GridCore

extension SQLiteStore {
    public func attachments(of number: CaseNumber) throws(GridError) -> [Attachment] {
        try read { db in try AttachmentRows.of(db, number) }
    }

    public func attachments(of numbers: [CaseNumber]) throws(GridError) -> [CaseNumber: [Attachment]] {
        try read { db in
            var out: [CaseNumber: [Attachment]] = [:]
            for number in Set(numbers) {
                let list = try AttachmentRows.of(db, number)
                if !list.isEmpty { out[number] = list }
            }
            return out
        }
    }

    public func attachmentContent(_ digest: ContentDigest) throws(GridError) -> [UInt8]? {
        try read { db in
            try Data.fetchOne(db, sql: "SELECT bytes FROM attachment_blob WHERE sha256 = ?", arguments: [digest.hex]).map { [UInt8]($0) }
        }
    }

    public func cases(holding digest: ContentDigest) throws(GridError) -> [CaseNumber] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT r.year, r.seq FROM attachment a JOIN case_record r ON r.id = a.case_id WHERE a.sha256 = ? ORDER BY r.year, r.seq
                """, arguments: [digest.hex]).map { CaseNumber(year: $0[0], sequence: $0[1]) }
        }
    }

    public func recentlyAttachedCases(limit: Int) throws(GridError) -> [CaseNumber] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.year, r.seq FROM attachment a JOIN case_record r ON r.id = a.case_id
                GROUP BY a.case_id ORDER BY max(a.id) DESC LIMIT ?
                """, arguments: [max(0, limit)]).map { CaseNumber(year: $0[0], sequence: $0[1]) }
        }
    }
}

extension SQLiteTransaction {
    func attachments(of number: CaseNumber) throws -> [Attachment] {
        try AttachmentRows.of(db, number)
    }
}

/// Attachment rows ↔ `Attachment`, the write of an `AttachmentFact`, and the part of `check` that verifies them.
enum AttachmentRows {
    /// The columns `decode` reads, over `attachment a JOIN case_event e JOIN case_record r`.
    static let columns = "a.id, a.kind, a.media_type, a.size, a.sha256, a.file_name, a.note, e.at, e.actor, r.year, r.seq"

    /// A case's attachments, numbered 1… in the order attached.
    static func of(_ db: Database, _ number: CaseNumber) throws -> [Attachment] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(columns) FROM attachment a JOIN case_event e ON e.id = a.event_id JOIN case_record r ON r.id = a.case_id
            WHERE r.year = ? AND r.seq = ? ORDER BY a.id
            """), arguments: [number.year, number.sequence])
        return try rows.enumerated().map { try decode($1, index: $0 + 1) }
    }

    /// A row selected with `columns` as the `index`-th attachment of its case; an unreadable value is an error.
    static func decode(_ r: Row, index: Int) throws -> Attachment {
        let at: String? = r[7]
        return Attachment(number: CaseNumber(year: r[9], sequence: r[10]), index: index,
                          kind: try Decode.coded(AttachmentKind.self, r[1], "attachment.kind"),
                          type: try Decode.required(EvidenceType(mime: r[2] as String? ?? ""), r[2], "attachment.media_type"),
                          size: r[3], digest: try Decode.required(ContentDigest(hex: r[4] as String? ?? ""), r[4], "attachment.sha256"),
                          fileName: r[5], note: r[6], attachedAt: try Decode.required(Decode.timestamp(at, "case_event.at"), at, "case_event.at"),
                          attachedBy: r[8])
    }

    /// Writes each file's bytes (once per digest), its `attach` event (chained) and its row, in the caller's transaction.
    static func write(_ db: Database, _ facts: [AttachmentFact], context: ChangeContext, at now: Timestamp) throws {
        for fact in facts {
            let caseID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM case_record WHERE year = ? AND seq = ?"),
                                            arguments: [fact.number.year, fact.number.sequence])
            guard let caseID else { throw GridError.notFound("no case \(fact.number)") }
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO attachment_blob (sha256, size, bytes) VALUES (?, ?, ?)")
                .execute(arguments: [fact.digest.hex, fact.size, Data(fact.bytes)])
            try CaseRows.appendEvent(db, caseID: caseID, fact.event, context: context, at: now, fromState: fact.event.from)
            // The chain entry was inserted after the event, so the event's id is read back, not taken from lastInsertedRowID.
            let eventID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM case_event WHERE case_id = ?", arguments: [caseID]) ?? 0
            try db.cachedStatement(sql: """
                INSERT INTO attachment (case_id, event_id, kind, media_type, size, sha256, file_name, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [caseID, eventID, fact.kind.rawValue, fact.type.mime, fact.size, fact.digest.hex, fact.fileName, fact.note])
        }
    }

    /// Every attachment problem: rows whose bytes are missing or no longer hash to their digest, rows that differ from
    /// their chained `attach` event, and `attach` events whose row is gone. Each stored file is hashed once.
    static func verify(_ db: Database) throws -> [String] {
        guard try db.tableExists("attachment"), try db.tableExists("attachment_blob") else {
            return ["attachment: the attachment tables are missing (dropped); restore a backup that passes check"]
        }
        var measured: [String: EvidenceCheck.StoredBytes?] = [:]
        func stored(_ hex: String) throws -> EvidenceCheck.StoredBytes? {
            if let known = measured[hex] { return known }
            let data = try Data.fetchOne(db, sql: "SELECT bytes FROM attachment_blob WHERE sha256 = ?", arguments: [hex])
            let value = data.map { EvidenceCheck.StoredBytes(size: $0.count, digest: $0.withUnsafeBytes { ContentDigest.of(buffer: $0) }) }
            measured[hex] = value
            return value
        }
        var problems: [String] = []
        var perCase: [Int64: Int] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.id, a.kind, a.media_type, a.size, a.sha256, a.file_name, a.note,
                   coalesce(e.at, '1970-01-01T00:00:00.000Z'), coalesce(e.actor, ''), r.year, r.seq,
                   a.case_id, e.id AS e_id, e.action, e.reason, er.year AS e_year, er.seq AS e_seq
            FROM attachment a JOIN case_record r ON r.id = a.case_id
            LEFT JOIN case_event e ON e.id = a.event_id LEFT JOIN case_record er ON er.id = e.case_id
            ORDER BY a.case_id, a.id
            """)
        for r in rows {
            let caseID: Int64 = r["case_id"]
            perCase[caseID, default: 0] += 1
            // A row whose event is gone has no time or actor (placeholders above): it is still checked, and named.
            let event: EvidenceCheck.StoredEvent? = (r["e_id"] as Int64?) == nil ? nil
                : EvidenceCheck.StoredEvent(number: CaseNumber(year: r["e_year"], sequence: r["e_seq"]), action: r["action"], reason: r["reason"])
            let a: Attachment
            do {
                a = try decode(r, index: perCase[caseID] ?? 1)
            } catch {
                problems.append("attachment: row #\(r[0] as Int64) holds a value this civgrid cannot read (\(error)); restore a backup that passes check")
                continue
            }
            problems += EvidenceCheck.problems(a, event: event, stored: try stored(r["sha256"]))
        }
        let orphans = try Row.fetchAll(db, sql: """
            SELECT e.id, e.reason, r.year, r.seq FROM case_event e JOIN case_record r ON r.id = e.case_id
            WHERE e.action = ? AND NOT EXISTS (SELECT 1 FROM attachment a WHERE a.event_id = e.id) ORDER BY e.id
            """, arguments: [AttachmentEvent.action])
        for o in orphans {
            problems.append(EvidenceCheck.orphanEvent(EvidenceCheck.StoredEvent(number: CaseNumber(year: o["year"], sequence: o["seq"]),
                                                                                action: AttachmentEvent.action, reason: o["reason"]), eventID: o["id"]))
        }
        return problems
    }
}
