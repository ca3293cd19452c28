import GRDB

/// Migration v13 (frozen once landed, like every migration in `Schema`): notices of an office, operators removed.
enum OfficeNoticeSchema {
    /// v13: `notice.office_id` — the office a supervision notice (督查通报) belongs to (NULL: the whole database, as every
    /// notice before it), numbered per office and year, so two counties each issue 2026·第1期; and `operator.removed_at` /
    /// `removed_by` — an operator removed keeps its row (the audit names it) but may no longer act.
    ///
    /// SQLite cannot drop the old `UNIQUE (year, issue)`, so the notice table is rebuilt (ids kept; GRDB runs a migration
    /// with foreign keys off and checks them all before it commits). The new number index treats NULL as one office.
    static func v13OfficeNotices(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE notice_v13 (
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL,
                issue INTEGER NOT NULL,
                period_from TEXT NOT NULL,
                period_to TEXT NOT NULL,
                issued_at TEXT NOT NULL,
                issued_by TEXT NOT NULL,
                office_id INTEGER REFERENCES office(id));
            INSERT INTO notice_v13 (id, year, issue, period_from, period_to, issued_at, issued_by)
                SELECT id, year, issue, period_from, period_to, issued_at, issued_by FROM notice;
            DROP TABLE notice;
            ALTER TABLE notice_v13 RENAME TO notice;
            CREATE UNIQUE INDEX notice_number ON notice(ifnull(office_id, 0), year, issue);
            CREATE INDEX notice_office_period ON notice(ifnull(office_id, 0), period_from);
            ALTER TABLE operator ADD COLUMN removed_at TEXT;
            ALTER TABLE operator ADD COLUMN removed_by TEXT;
            """)
    }
}
