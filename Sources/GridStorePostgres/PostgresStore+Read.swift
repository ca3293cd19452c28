import GridCore

extension PostgresStore {
    public func offices() throws(GridError) -> [Office] {
        try read { s throws(GridError) in try s.query("SELECT id, name, parent_id FROM office ORDER BY name").map(PGDecode.office) }
    }

    public func themes() throws(GridError) -> [CheckTheme] {
        try read { s throws(GridError) in try PostgresStore.themes(s) }
    }

    static func themes(_ s: PGSession) throws(GridError) -> [CheckTheme] {
        try s.query("SELECT * FROM theme ORDER BY position, id").map { r throws(GridError) in try decoded { try PGDecode.theme(r) } }
    }

    public func community(id: RowID) throws(GridError) -> Community? {
        try read { s throws(GridError) in
            try s.query("SELECT * FROM community WHERE id = ?", [id]).first.map { r throws(GridError) in try decoded { try PGDecode.community(r) } }
        }
    }

    public func unit(id: RowID) throws(GridError) -> ResponsibleUnit? {
        try read { s throws(GridError) in
            try s.query("SELECT * FROM unit WHERE id = ?", [id]).first.map { r throws(GridError) in try decoded { try PGDecode.unit(r) } }
        }
    }

    public func property(id: RowID) throws(GridError) -> PropertyCompany? {
        try read { s throws(GridError) in try s.query("SELECT * FROM property WHERE id = ?", [id]).first.flatMap { PGDecode.property($0) } }
    }

    public func cells(communityID: RowID) throws(GridError) -> [CellRow] {
        try read { s throws(GridError) in
            let byID = Dictionary(uniqueKeysWithValues: try PostgresStore.themes(s).map { ($0.id, $0) })
            var rows: [CellRow] = []
            for row in try s.query("SELECT * FROM cell WHERE community_id = ?", [communityID]) {
                let cell = try decoded { try PGDecode.cell(row) }
                if let theme = byID[cell.themeID] { rows.append(CellRow(theme: theme, cell: cell)) }
            }
            return rows
                .sorted { ($0.theme.position, $0.theme.id) < ($1.theme.position, $1.theme.id) }
        }
    }

    public func cells(communityIDs: [RowID]) throws(GridError) -> [CellState] {
        guard !communityIDs.isEmpty else { return [] }
        return try read { s throws(GridError) in
            try s.chunked(communityIDs) { "SELECT \(PGDecode.cellColumns) FROM cell WHERE community_id IN (\($0))" }
                .map { r throws(GridError) in try decoded { try PGDecode.cell(r) } }
        }
    }

    public func chain(communityID: RowID, on day: Day) throws(GridError) -> [ChainLink] {
        try read { s throws(GridError) in
            try PostgresStore.fetchChain(s, where: "a.community_id = ? AND \(PGSQL.inForce)", [communityID, day.description, day.description])
        }
    }

    public func chains(communityIDs: [RowID], on day: Day) throws(GridError) -> [RowID: [ChainLink]] {
        try read { s throws(GridError) in
            var result: [RowID: [ChainLink]] = [:]
            for start in stride(from: 0, to: communityIDs.count, by: 1000) {
                let chunk = Array(communityIDs[start..<min(communityIDs.count, start + 1000)])
                let links = try PostgresStore.fetchChain(s, where: "a.community_id IN (\(PGSQL.marks(chunk.count))) AND \(PGSQL.inForce)",
                                                         chunk + [day.description, day.description])
                for link in links { result[link.assignment.communityID, default: []].append(link) }
            }
            return result
        }
    }

    public func assignmentHistory(communityID: RowID) throws(GridError) -> [ChainLink] {
        try read { s throws(GridError) in try PostgresStore.fetchChain(s, where: "a.community_id = ?", [communityID]) }
    }

    /// Assignments with their unit and property company, lead first, then by start date.
    static func fetchChain(_ s: PGSession, where condition: String, _ args: [any SQLBindable]) throws(GridError) -> [ChainLink] {
        try s.query("""
            SELECT a.id AS a_id, a.community_id AS a_community_id, a.unit_id AS a_unit_id, a.role AS a_role,
                   a.property_id AS a_property_id, a.valid_from AS a_valid_from, a.valid_to AS a_valid_to,
                   u.id AS u_id, u.office_id AS u_office_id, u.name AS u_name, u.kind AS u_kind, u.head AS u_head,
                   u.head_phone AS u_head_phone, u.liaison AS u_liaison, u.liaison_phone AS u_liaison_phone, u.unit_kind AS u_unit_kind,
                   p.id AS p_id, p.office_id AS p_office_id, p.name AS p_name, p.manager AS p_manager,
                   p.manager_phone AS p_manager_phone
            FROM assignment a JOIN unit u ON u.id = a.unit_id LEFT JOIN property p ON p.id = a.property_id
            WHERE \(condition)
            ORDER BY a.role = 'support', a.valid_from, a.id
            """, args).map { r throws(GridError) in
            try decoded {
                try ChainLink(assignment: PGDecode.assignment(r, prefix: "a_"), unit: PGDecode.unit(r, prefix: "u_"),
                              property: PGDecode.property(r, prefix: "p_"))
            }
        }
    }

    public func communityCount(in scope: CommunityScope, filter: CommunityFilter, today: Day) throws(GridError) -> Int {
        let w = PGCommunityWhere(scope, filter: filter, today: today)
        return try read { s throws(GridError) in try w.count(s) }
    }

    public func communities(in scope: CommunityScope, filter: CommunityFilter, offset: Int, limit: Int,
                            today: Day) throws(GridError) -> [CommunityRow] {
        try communities(in: scope, filter: filter, offset: offset, limit: limit, today: today, total: nil, anchor: nil)
    }

    public func communities(in scope: CommunityScope, filter: CommunityFilter, offset: Int, limit: Int, today: Day,
                            total: Int?, anchor: WindowAnchor?) throws(GridError) -> [CommunityRow] {
        let w = PGCommunityWhere(scope, filter: filter, today: today)
        return try read { s throws(GridError) in
            let ids = try w.windowIDs(s, offset: max(0, offset), limit: max(0, limit), total: total, anchor: anchor)
            return try PostgresStore.rows(s, ids: ids, today: today)
        }
    }

    /// Communities with street name and roll-up, in the order of `ids`, in one statement per thousand.
    static func rows(_ s: PGSession, ids: [Int64], today: Day) throws(GridError) -> [CommunityRow] {
        guard !ids.isEmpty else { return [] }
        var byID: [Int64: CommunityRow] = [:]
        // A community has an overdue cell exactly when its earliest open due day (`tally.open_due`, pg8) is before
        // today: only those count their cells, by primary key, in the same statement (a second statement per window
        // was a round trip a page-down could not spare at province). The deadline test is a FILTER over the
        // community's cells, never a condition the planner could answer with a range over every overdue cell.
        for r in try s.chunked(ids, { """
            SELECT \(PGDecode.communityRowColumns),
                CASE WHEN t.open_due < ? THEN (SELECT count(*) FILTER (WHERE x.due_on < ? AND x.status IN (\(PGSQL.overdueStatuses)))
                                               FROM cell x WHERE x.community_id = c.id) ELSE 0 END AS overdue_cells
            FROM community c JOIN street s ON s.id = c.street_id JOIN tally t ON t.community_id = c.id
            WHERE c.id IN (\($0))
            """ }, leading: [today.description, today.description]) {
            var row = try decoded { try PGDecode.communityRow(r) }
            row.counts.overdue = Int(r["overdue_cells"].int ?? 0)
            byID[row.community.id] = row
        }
        return ids.compactMap { byID[$0] }
    }

    public func position(of communityID: RowID, in scope: CommunityScope, filter: CommunityFilter,
                         today: Day) throws(GridError) -> Int? {
        let w = PGCommunityWhere(scope, filter: filter, today: today)
        return try read { s throws(GridError) in
            if w.siteOrder {
                guard let me = try s.query("SELECT c.declared_site, c.id FROM community c WHERE c.id = ? AND \(w.sql)",
                                           [communityID] + w.args).first else { return nil }
                return try s.int("SELECT count(*) FROM community c WHERE \(w.sql) AND (c.declared_site, c.id) < (?::bigint, ?::bigint)",
                                 w.args + [me[0].int ?? 0, communityID]).map(Int.init)
            }
            guard let me = try s.query("SELECT \(PGBoardOrder.columns) FROM community c WHERE c.id = ? AND \(w.sql)",
                                       [communityID] + w.args).first else { return nil }
            return try s.int("SELECT count(*) FROM community c WHERE \(w.sql) AND \(PGBoardOrder.key) < \(PGBoardOrder.marks)",
                             w.args + PGBoardOrder.arguments(PGDecode.boardKey(me))).map(Int.init)
        }
    }

    public func cellKeys(in scope: CommunityScope, filter: CommunityFilter, rows: Range<Int>, themeIDs: [RowID],
                         today: Day) throws(GridError) -> [CellKey] {
        guard !rows.isEmpty, !themeIDs.isEmpty else { return [] }
        let w = PGCommunityWhere(scope, filter: filter, today: today)
        let themes = themeIDs.map(String.init).joined(separator: ",")
        return try read { s throws(GridError) in
            let ids = try w.windowIDs(s, offset: max(0, rows.lowerBound), limit: rows.count)
            var present: Set<CellKey> = []
            for r in try s.chunked(ids, { "SELECT community_id, theme_id FROM cell WHERE community_id IN (\($0)) AND theme_id IN (\(themes))" }) {
                present.insert(CellKey(communityID: r.int("community_id"), themeID: r.int("theme_id")))
            }
            return ids.flatMap { id in themeIDs.map { CellKey(communityID: id, themeID: $0) }.filter(present.contains) }
        }
    }
}
