import GRDB

/// Migration v11 (frozen once landed, like every migration in `Schema`): case attachments inside the database.
enum AttachmentSchema {
    /// v11: the bytes of attached files, once per SHA-256 (`attachment_blob`), and one row per file attached to a case
    /// (`attachment`), each pointing at the `attach` case event whose chained reason records its digest, kind, type, size
    /// and name. Both tables are append-only: evidence is added, never changed or removed.
    static func v11Attachments(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE attachment_blob (
                sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
                size INTEGER NOT NULL CHECK (size > 0),
                bytes BLOB NOT NULL);
            CREATE TABLE attachment (
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES case_record(id),
                event_id INTEGER NOT NULL UNIQUE REFERENCES case_event(id),
                kind TEXT NOT NULL CHECK (kind IN ('before','after','doc')),
                media_type TEXT NOT NULL,
                size INTEGER NOT NULL CHECK (size > 0),
                sha256 TEXT NOT NULL REFERENCES attachment_blob(sha256),
                file_name TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '');
            CREATE INDEX attachment_case ON attachment(case_id, id);
            CREATE INDEX attachment_sha256 ON attachment(sha256);
            CREATE TRIGGER attachment_no_update BEFORE UPDATE ON attachment BEGIN
                SELECT RAISE(ABORT, 'civgrid attachments are append-only: rows cannot be changed');
            END;
            CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment BEGIN
                SELECT RAISE(ABORT, 'civgrid attachments are append-only: rows cannot be deleted');
            END;
            CREATE TRIGGER attachment_blob_no_update BEFORE UPDATE ON attachment_blob BEGIN
                SELECT RAISE(ABORT, 'civgrid attachments are append-only: stored files cannot be changed');
            END;
            CREATE TRIGGER attachment_blob_no_delete BEFORE DELETE ON attachment_blob BEGIN
                SELECT RAISE(ABORT, 'civgrid attachments are append-only: stored files cannot be deleted');
            END;
            """)
    }
}
