import GRDB

/// `civgrid check` for rounds: every inspection must have the audit row its service wrote with it (the audit chain
/// covers that row, so an inspection forged or altered outside civgrid shows up here).
enum RoundCheck {
    static func inspectionsAgainstAudit(_ db: Database) throws -> [String] {
        let ids = try Int64.fetchAll(db, sql: """
            SELECT i.id FROM inspection i WHERE NOT EXISTS (
                SELECT 1 FROM audit a WHERE a.community_id = i.community_id AND a.entity = 'inspection'
                    AND a.entity_id = CAST(i.id AS TEXT) AND a.new_value = i.result AND a.at = i.at)
            ORDER BY i.id LIMIT 21
            """)
        return ids.prefix(20).map { "inspection #\($0) has no matching audit row (written outside civgrid?)" }
            + (ids.count > 20 ? ["… and more inspections without audit rows"] : [])
    }
}
