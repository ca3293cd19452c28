import GridCore

extension PostgresStore {
    public func attachments(of number: CaseNumber) throws(GridError) -> [Attachment] {
        try read { s throws(GridError) in try PGAttachmentRows.of(s, number) }
    }

    public func attachments(of numbers: [CaseNumber]) throws(GridError) -> [CaseNumber: [Attachment]] {
        try read { s throws(GridError) in
            var out: [CaseNumber: [Attachment]] = [:]
            for number in Set(numbers) {
                let list = try PGAttachmentRows.of(s, number)
                if !list.isEmpty { out[number] = list }
            }
            return out
        }
    }

    public func attachmentContent(_ digest: ContentDigest) throws(GridError) -> [UInt8]? {
        try read { s throws(GridError) in
            try s.query("SELECT bytes FROM attachment_blob WHERE sha256 = ?", [digest.hex]).first.map { $0[0].bytes ?? [] }
        }
    }

    public func cases(holding digest: ContentDigest) throws(GridError) -> [CaseNumber] {
        try read { s throws(GridError) in
            try s.query("""
                SELECT DISTINCT r.year, r.seq FROM attachment a JOIN case_record r ON r.id = a.case_id WHERE a.sha256 = ? ORDER BY r.year, r.seq
                """, [digest.hex]).map { CaseNumber(year: Int($0.int("year")), sequence: Int($0.int("seq"))) }
        }
    }

    public func recentlyAttachedCases(limit: Int) throws(GridError) -> [CaseNumber] {
        try read { s throws(GridError) in
            try s.query("""
                SELECT r.year, r.seq FROM attachment a JOIN case_record r ON r.id = a.case_id
                GROUP BY a.case_id, r.year, r.seq ORDER BY max(a.id) DESC LIMIT ?
                """, [max(0, limit)]).map { CaseNumber(year: Int($0.int("year")), sequence: Int($0.int("seq"))) }
        }
    }
}

/// Attachment rows ↔ `Attachment`, the write of an `AttachmentFact`, and the part of `check` that verifies them — as the
/// SQLite store's `AttachmentRows` (same order, same refusals, same messages).
enum PGAttachmentRows {
    /// The columns `decode` reads, over `attachment a JOIN case_event e JOIN case_record r`.
    static let columns = "a.id, a.kind, a.media_type, a.size, a.sha256, a.file_name, a.note, e.at, e.actor, r.year, r.seq"

    /// A case's attachments, numbered 1… in the order attached.
    static func of(_ s: PGSession, _ number: CaseNumber) throws(GridError) -> [Attachment] {
        let rows = try s.query("""
            SELECT \(columns) FROM attachment a JOIN case_event e ON e.id = a.event_id JOIN case_record r ON r.id = a.case_id
            WHERE r.year = ? AND r.seq = ? ORDER BY a.id
            """, [number.year, number.sequence])
        return try rows.enumerated().map { (i, r) throws(GridError) in try decoded { try decode(r, index: i + 1) } }
    }

    /// A row selected with `columns` as the `index`-th attachment of its case; an unreadable value is an error.
    static func decode(_ r: SQLRow, index: Int) throws -> Attachment {
        let at = r["at"].text
        return Attachment(number: CaseNumber(year: Int(r.int("year")), sequence: Int(r.int("seq"))), index: index,
                          kind: try PGDecode.coded(AttachmentKind.self, r["kind"].text, "attachment.kind"),
                          type: try PGDecode.required(EvidenceType(mime: r.text("media_type")), r["media_type"].text, "attachment.media_type"),
                          size: Int(r.int("size")),
                          digest: try PGDecode.required(ContentDigest(hex: r.text("sha256")), r["sha256"].text, "attachment.sha256"),
                          fileName: r.text("file_name"), note: r.text("note"),
                          attachedAt: try PGDecode.required(PGDecode.timestamp(at, "case_event.at"), at, "case_event.at"),
                          attachedBy: r.text("actor"))
    }

    /// Writes each file's bytes (once per digest), its `attach` event (chained) and its row, in the caller's transaction.
    static func write(_ s: PGSession, _ facts: [AttachmentFact], context: ChangeContext, at now: Timestamp) throws(GridError) {
        for fact in facts {
            guard let caseID = try s.int("SELECT id FROM case_record WHERE year = ? AND seq = ?", [fact.number.year, fact.number.sequence]) else {
                throw GridError.notFound("no case \(fact.number)")
            }
            try s.query("INSERT INTO attachment_blob (sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                        [fact.digest.hex, fact.size, fact.bytes])
            let eventID = try PGCaseRows.appendEvent(s, caseID: caseID, fact.event, context: context, at: now, fromState: fact.event.from)
            try s.query("""
                INSERT INTO attachment (case_id, event_id, kind, media_type, size, sha256, file_name, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [caseID, eventID, fact.kind.rawValue, fact.type.mime, fact.size, fact.digest.hex, fact.fileName, fact.note])
        }
    }

    /// Every attachment problem: rows whose bytes are missing or no longer hash to their digest, rows that differ from
    /// their chained `attach` event, and `attach` events whose row is gone. Each stored file is hashed once.
    static func verify(_ s: PGSession) throws(GridError) -> [String] {
        let present = try s.int("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
            + "AND table_name IN ('attachment', 'attachment_blob')") ?? 0
        guard present == 2 else {
            return ["attachment: the attachment tables are missing (dropped); restore a backup that passes check"]
        }
        var measured: [String: EvidenceCheck.StoredBytes?] = [:]
        func stored(_ hex: String) throws(GridError) -> EvidenceCheck.StoredBytes? {
            if let known = measured[hex] { return known }
            let bytes = try s.query("SELECT bytes FROM attachment_blob WHERE sha256 = ?", [hex]).first.map { $0[0].bytes ?? [] }
            let value = bytes.map { EvidenceCheck.StoredBytes(size: $0.count, digest: ContentDigest.of($0)) }
            measured[hex] = value
            return value
        }
        var problems: [String] = []
        var perCase: [Int64: Int] = [:]
        let rows = try s.query("""
            SELECT a.id, a.kind, a.media_type, a.size, a.sha256, a.file_name, a.note,
                   coalesce(e.at, '1970-01-01T00:00:00.000Z') AS at, coalesce(e.actor, '') AS actor, r.year, r.seq,
                   a.case_id, e.id AS e_id, e.action, e.reason, er.year AS e_year, er.seq AS e_seq
            FROM attachment a JOIN case_record r ON r.id = a.case_id
            LEFT JOIN case_event e ON e.id = a.event_id LEFT JOIN case_record er ON er.id = e.case_id
            ORDER BY a.case_id, a.id
            """)
        for r in rows {
            let caseID = r.int("case_id")
            perCase[caseID, default: 0] += 1
            // A row whose event is gone has no time or actor (placeholders above): it is still checked, and named.
            let event: EvidenceCheck.StoredEvent? = r["e_id"].isNull ? nil
                : EvidenceCheck.StoredEvent(number: CaseNumber(year: Int(r.int("e_year")), sequence: Int(r.int("e_seq"))),
                                            action: r.text("action"), reason: r.text("reason"))
            let a: Attachment
            do {
                a = try decode(r, index: perCase[caseID] ?? 1)
            } catch {
                problems.append("attachment: row #\(r.int("id")) holds a value this civgrid cannot read (\(error)); restore a backup that passes check")
                continue
            }
            problems += EvidenceCheck.problems(a, event: event, stored: try stored(r.text("sha256")))
        }
        let orphans = try s.query("""
            SELECT e.id, e.reason, r.year, r.seq FROM case_event e JOIN case_record r ON r.id = e.case_id
            WHERE e.action = ? AND NOT EXISTS (SELECT 1 FROM attachment a WHERE a.event_id = e.id) ORDER BY e.id
            """, [AttachmentEvent.action])
        for o in orphans {
            problems.append(EvidenceCheck.orphanEvent(EvidenceCheck.StoredEvent(number: CaseNumber(year: Int(o.int("year")), sequence: Int(o.int("seq"))),
                                                                                action: AttachmentEvent.action, reason: o.text("reason")),
                                                      eventID: o.int("id")))
        }
        return problems
    }
}
