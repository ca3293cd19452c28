import GRDB
import GridCore

extension ImportRun {
    /// Applies field differences to a row (only with --update), audited; reports unchanged / changed.
    mutating func update(_ table: String, id: Int64, community: Int64?, diffs: [(String, String, String, String)],
                         line: Int, what: String, importedName: String, storedName: String, note: String = "") throws {
        // A name that matched only after normalisation (ＡＢＣ vs ABC, stray spaces) is a near-duplicate: say so.
        let nearDuplicate = importedName == storedName ? [] : ["按规范化名称匹配 matched “\(storedName)” (same name after normalisation)"]
        guard !diffs.isEmpty else {
            outcome.changes.append(.init(kind: .unchanged, line: line, what: what, details: nearDuplicate))
            return
        }
        var details = nearDuplicate + diffs.map { "\($0.1): \($0.2.isEmpty ? "—" : $0.2) → \($0.3)" }
        if batch.update {
            for d in diffs {
                try db.execute(sql: "UPDATE \(table) SET \(d.0) = ? WHERE id = ?", arguments: [d.3.isEmpty ? nil : d.3, id])
                try audit(AuditEntity(rawValue: table) ?? .database, "\(id)", community, d.0, d.2, d.3, note: note)
            }
            try known.reload(table, id: id, db)
        } else {
            details.append("未应用 (not applied without --update)")
        }
        outcome.changes.append(.init(kind: .changed, line: line, what: what, details: details))
    }

    /// Queues an audit row; they are written in batches (`ImportAudit`), in the order they were queued.
    mutating func audit(_ entity: AuditEntity, _ id: String, _ community: Int64?, _ field: String, _ old: String?, _ new: String?,
                        note: String = "") throws {
        try audits.add(AuditEntry(entity: entity, entityID: id, communityID: community, field: field, oldValue: old, newValue: new,
                                  note: context.annotate(note)), db)
    }

    mutating func reject(_ line: Int, _ reason: String) {
        outcome.rejected.append((line, reason))
    }
}

/// An import's audit rows, queued as records are written and appended in batches with their chain entries: the
/// same rows and entries `SQLiteStore.appendAudit` writes one by one (ids as AUTOINCREMENT gives them, each entry
/// `SHA-256(previous hash ‖ canonical row)`, see `AuditChain`), many rows per statement, the chain computed in one
/// pass from the head read once per batch. Flushed before anything else writes audit rows (the status rule does)
/// and before the transaction commits.
struct ImportAudit {
    let context: ChangeContext
    let at: Timestamp
    var pending: [AuditEntry] = []
    var audit = RowInserter(table: "audit", columns: AuditChain.Table.audit.columns)
    var chain = RowInserter(table: "chain", columns: ["seq", "tbl", "row_id", "hash"])
    /// Entries per batch: large enough that the head is read rarely, small enough to keep memory flat.
    static let batch = 8192

    init(context: ChangeContext, at: Timestamp) {
        self.context = context
        self.at = at
        pending.reserveCapacity(ImportAudit.batch)
    }

    mutating func add(_ entry: AuditEntry, _ db: Database) throws {
        pending.append(entry)
        if pending.count >= ImportAudit.batch { try flush(db) }
    }

    /// Writes every queued row and its chain entry.
    mutating func flush(_ db: Database) throws {
        guard !pending.isEmpty else { return }
        // The id AUTOINCREMENT would give: one past the largest ever used (sqlite_sequence) or present.
        var id = try Int64.fetchOne(db, sql: """
            SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0), coalesce((SELECT max(id) FROM audit), 0)) + 1
            """) ?? 1
        let head = try AuditChain.head(db)
        var seq = head.seq, previous = Array(head.hash.utf8)
        let shared: [DatabaseValue] = [at.description.databaseValue, context.actor.login.databaseValue, context.osUser.databaseValue,
                                       context.source.rawValue.databaseValue]
        let table = AuditChain.Table.audit.rawValue.databaseValue
        for e in pending {
            let row: [DatabaseValue] = [id.databaseValue] + shared + [e.entity.rawValue.databaseValue, e.entityID.databaseValue,
                                       AuditChain.stored(e.communityID), e.field.databaseValue, AuditChain.stored(e.oldValue),
                                       AuditChain.stored(e.newValue), e.note.databaseValue]
            seq += 1
            let hash = AuditChain.hash(previous: previous, canonical: AuditChain.canonical(seq: seq, table: .audit, values: row))
            try audit.add(row, db)
            try chain.add([seq.databaseValue, table, id.databaseValue, String(decoding: hash, as: UTF8.self).databaseValue], db)
            previous = hash
            id += 1
        }
        try audit.flush(db)
        try chain.flush(db)
        pending.removeAll(keepingCapacity: true)
    }
}
