import GridCore

/// `civgrid rank --scope NODE`: the league table of one office, street, unit or property company — or of a city's
/// office, one table across the counties under it. Across several offices a name is qualified by its county
/// (`东城县创城办·县住建局`), since two counties may each have a 县住建局 and they are not one unit.
struct RankScope {
    var cases: [ScoredCase]
    var names: [String]

    /// Narrows `cases` and the listed names to the node `query` names.
    init(_ query: String, db: any GridRepository, cases all: [ScoredCase], byProperty: Bool, asOf: Day) throws(GridError) {
        let ref = try Resolver(store: db).node(query, levels: Set(Grouping.allCases), what: "nodes")
        try self.init(ref.node, db: db, cases: all, byProperty: byProperty, asOf: asOf)
    }

    /// Narrows `cases` and the listed names to `node` (an office's notice uses its office).
    init(_ node: GridNode, db: any GridRepository, cases all: [ScoredCase], byProperty: Bool, asOf: Day) throws(GridError) {
        let offices = try db.offices()
        let scope = OfficeScope(offices: offices)
        var parts: [(scope: CommunityScope, office: String?)] = [(CommunityScope(node), nil)]
        if case .office(let id) = node {
            let tree = scope.descendants(of: id)
            if tree.count > 1 { parts = tree.map { (.office($0), scope.name($0)) } }
        }
        var officeOf: [RowID: String?] = [:]
        names = []
        for part in parts {
            for group in try db.rollups(groupedBy: .community, within: part.scope, today: asOf) {
                if case .community(let c)? = group.node?.node { officeOf[c] = part.office }
            }
            names += try db.leagueNames(byProperty: byProperty, within: part.scope, on: asOf).map { RankScope.qualified($0, part.office) }
        }
        cases = all.compactMap { c in
            guard let office = officeOf[c.record.communityID] else { return nil }
            var q = c
            q.unitName = c.unitName.map { RankScope.qualified($0, office) }
            q.propertyName = c.propertyName.map { RankScope.qualified($0, office) }
            return q
        }
    }

    static func qualified(_ name: String, _ office: String?) -> String {
        guard let office, !name.isEmpty else { return name }
        return "\(office)·\(name)"
    }
}
