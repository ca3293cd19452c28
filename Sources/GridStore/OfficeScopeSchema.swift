import GRDB

/// Migration v12 (frozen once landed, like every migration in `Schema`): offices above offices, operators scoped to one.
enum OfficeScopeSchema {
    /// v12: `office.parent_id` (a city's office above its counties'; NULL: top level) and `operator.office_id` (the
    /// office an operator works for; NULL: the whole database). Both are added NULL, so every operator that existed
    /// before keeps whole-database scope and an office alone in its database works as it did.
    static func v12OfficeScope(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE office ADD COLUMN parent_id INTEGER REFERENCES office(id);
            ALTER TABLE operator ADD COLUMN office_id INTEGER REFERENCES office(id);
            CREATE INDEX office_parent ON office(parent_id);
            """)
    }
}
