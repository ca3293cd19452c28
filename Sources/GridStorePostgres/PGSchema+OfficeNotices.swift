extension PGSchema {
    /// pg7: the SQLite store's v13 — `notice.office_id` (the office a notice belongs to; NULL: the whole database, as
    /// every notice before), numbered per office and year instead of per year, and `operator.removed_at` / `removed_by`
    /// (a removed operator keeps its row for the audit but may no longer act).
    static let pg7OfficeNotices: [String] = [
        #"ALTER TABLE notice ADD COLUMN office_id BIGINT REFERENCES office(id)"#,
        #"ALTER TABLE notice DROP CONSTRAINT notice_year_issue_key"#,
        #"CREATE UNIQUE INDEX notice_number ON notice ((COALESCE(office_id, 0)), year, issue)"#,
        #"CREATE INDEX notice_office_period ON notice ((COALESCE(office_id, 0)), period_from)"#,
        #"ALTER TABLE operator ADD COLUMN removed_at TEXT"#,
        #"ALTER TABLE operator ADD COLUMN removed_by TEXT"#,
    ]
}
