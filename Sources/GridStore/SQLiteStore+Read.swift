import GRDB
import GridCore

extension SQLiteStore {
    public func offices() throws(GridError) -> [Office] {
        try read { try Row.fetchAll($0, sql: "SELECT id, name FROM office ORDER BY name").map(Decode.office) }
    }

    public func themes() throws(GridError) -> [CheckTheme] {
        try read { try Row.fetchAll($0, sql: "SELECT * FROM theme ORDER BY position, id").map(Decode.theme) }
    }

    public func community(id: RowID) throws(GridError) -> Community? {
        try read { try Row.fetchOne($0, sql: "SELECT * FROM community WHERE id = ?", arguments: [id]).map(Decode.community) }
    }

    public func unit(id: RowID) throws(GridError) -> ResponsibleUnit? {
        try read { try Row.fetchOne($0, sql: "SELECT * FROM unit WHERE id = ?", arguments: [id]).map { Decode.unit($0) } }
    }

    public func property(id: RowID) throws(GridError) -> PropertyCompany? {
        try read { try Row.fetchOne($0, sql: "SELECT * FROM property WHERE id = ?", arguments: [id]).flatMap { Decode.property($0) } }
    }

    public func cells(communityID: RowID) throws(GridError) -> [CellRow] {
        try read { db in
            let themes = try Row.fetchAll(db, sql: "SELECT * FROM theme").map(Decode.theme)
            let byID = Dictionary(uniqueKeysWithValues: themes.map { ($0.id, $0) })
            return try Row.fetchAll(db, sql: "SELECT * FROM cell WHERE community_id = ?", arguments: [communityID])
                .compactMap { row -> CellRow? in
                    let cell = Decode.cell(row)
                    return byID[cell.themeID].map { CellRow(theme: $0, cell: cell) }
                }
                .sorted { ($0.theme.position, $0.theme.id) < ($1.theme.position, $1.theme.id) }
        }
    }

    public func chain(communityID: RowID, on day: Day) throws(GridError) -> [ChainLink] {
        try read { db in try fetchChain(db, where: "a.community_id = :c AND \(SQL.inForce)",
                                        arguments: ["c": communityID, "day": day.description]) }
    }

    public func assignmentHistory(communityID: RowID) throws(GridError) -> [ChainLink] {
        try read { db in try fetchChain(db, where: "a.community_id = :c", arguments: ["c": communityID]) }
    }

    /// Assignments with their unit and property company, lead first, then by start date.
    func fetchChain(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [ChainLink] {
        let sql = """
            SELECT a.id AS a_id, a.community_id AS a_community_id, a.unit_id AS a_unit_id, a.role AS a_role,
                   a.property_id AS a_property_id, a.valid_from AS a_valid_from, a.valid_to AS a_valid_to,
                   u.id AS u_id, u.office_id AS u_office_id, u.name AS u_name, u.kind AS u_kind, u.head AS u_head,
                   u.head_phone AS u_head_phone, u.liaison AS u_liaison, u.liaison_phone AS u_liaison_phone,
                   p.id AS p_id, p.office_id AS p_office_id, p.name AS p_name, p.manager AS p_manager,
                   p.manager_phone AS p_manager_phone
            FROM assignment a JOIN unit u ON u.id = a.unit_id LEFT JOIN property p ON p.id = a.property_id
            WHERE \(condition)
            ORDER BY a.role = 'support', a.valid_from, a.id
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { r in
            ChainLink(assignment: Decode.assignment(r, prefix: "a_"), unit: Decode.unit(r, prefix: "u_"),
                      property: Decode.property(r, prefix: "p_"))
        }
    }

    public func communityCount(in scope: CommunityScope, today: Day) throws(GridError) -> Int {
        let filter = ScopeFilter(scope, today: today)
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM community c JOIN street s ON s.id = c.street_id WHERE \(filter.sql)",
                             arguments: filter.arguments) ?? 0
        }
    }

    public func communities(in scope: CommunityScope, offset: Int, limit: Int, today: Day) throws(GridError) -> [CommunityRow] {
        let filter = ScopeFilter(scope, today: today)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.*, s.name AS street_name, \(SQL.tallyColumns)
                FROM community c JOIN street s ON s.id = c.street_id JOIN tally t ON t.community_id = c.id
                WHERE \(filter.sql) ORDER BY c.street_id, c.name LIMIT :limit OFFSET :offset
                """, arguments: filter.arguments + ["limit": limit, "offset": offset])
            let ids = rows.map { $0["id"] as Int64 }
            let overdue = try overdueCounts(db, communityIDs: ids, today: today)
            return rows.map { r in
                var counts = Decode.counts(r)
                counts.overdue = overdue[r["id"]] ?? 0
                return CommunityRow(community: Decode.community(r), streetName: r["street_name"], counts: counts)
            }
        }
    }

    /// Overdue cells per community for a window of communities (primary-key lookups, bounded by the window).
    func overdueCounts(_ db: Database, communityIDs: [Int64], today: Day) throws -> [Int64: Int] {
        guard !communityIDs.isEmpty else { return [:] }
        let marks = databaseQuestionMarks(count: communityIDs.count)
        let rows = try Row.fetchAll(db, sql: """
            SELECT community_id, count(*) AS n FROM cell
            WHERE community_id IN (\(marks)) AND due_on < ? AND status IN (\(SQL.overdueStatuses))
            GROUP BY community_id
            """, arguments: StatementArguments(communityIDs.map { $0 as (any DatabaseValueConvertible)? } + [today.description]))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["community_id"] as Int64, $0["n"] as Int) })
    }
}

/// A `WHERE` clause over `community c JOIN street s` selecting a scope's communities.
struct ScopeFilter {
    var sql: String
    var arguments: StatementArguments

    init(_ scope: CommunityScope, today: Day) {
        let day = today.description
        switch scope {
        case .all:
            sql = "1"
            arguments = [:]
        case .office(let id):
            sql = "s.office_id = :scope"
            arguments = ["scope": id]
        case .street(let id):
            sql = "c.street_id = :scope"
            arguments = ["scope": id]
        case .community(let id):
            sql = "c.id = :scope"
            arguments = ["scope": id]
        case .unit(let id):
            sql = "c.id IN (SELECT a.community_id FROM assignment a WHERE a.unit_id = :scope AND \(SQL.inForce))"
            arguments = ["scope": id, "day": day]
        case .property(let id):
            sql = "c.id IN (SELECT a.community_id FROM assignment a WHERE a.property_id = :scope AND \(SQL.inForce))"
            arguments = ["scope": id, "day": day]
        }
    }
}
