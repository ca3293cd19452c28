extension PGSchema {
    /// pg6: the SQLite store's v12 — `office.parent_id` (a city's office above its counties'; NULL: top level) and
    /// `operator.office_id` (the office an operator works for; NULL: the whole database). Added NULL, so operators
    /// from before keep whole-database scope.
    static let pg6OfficeScope: [String] = [
        #"ALTER TABLE office ADD COLUMN parent_id BIGINT REFERENCES office(id)"#,
        #"ALTER TABLE operator ADD COLUMN office_id BIGINT REFERENCES office(id)"#,
        #"CREATE INDEX office_parent ON office(parent_id)"#,
    ]
}
