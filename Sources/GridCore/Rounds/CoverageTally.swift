/// A community in a coverage scope with the themes of its cells in scope (what a store reads for `coverage`).
public struct CoverageSite: Hashable, Sendable {
    public var communityID: RowID
    public var name: String
    public var streetName: String
    public var declaredSite: Int?
    public var themeIDs: [RowID]

    /// Creates a site.
    public init(communityID: RowID, name: String, streetName: String, declaredSite: Int?, themeIDs: [RowID]) {
        self.communityID = communityID
        self.name = name
        self.streetName = streetName
        self.declaredSite = declaredSite
        self.themeIDs = themeIDs
    }
}

/// One counted inspection, as much as coverage needs of it.
public struct CoverageCheck: Hashable, Sendable {
    public var cell: CellKey
    public var by: String
    public var result: InspectionResult
    public var at: Timestamp

    /// Creates a check.
    public init(cell: CellKey, by: String, result: InspectionResult, at: Timestamp) {
        self.cell = cell
        self.by = by
        self.result = result
        self.at = at
    }
}

/// Coverage from a scope's sites and the inspections counted, the same for every store: a store reads the two (each
/// by an index) and this adds them up.
public enum CoverageTally {
    /// The figures; inspections of cells outside the sites are not counted. `lastSeen` gives the latest inspection ever
    /// of a listed site (asked only for the sites listed, at most `siteLimit`).
    public static func compute(sites: [CoverageSite], themes: [CheckTheme], checks: [CoverageCheck], siteLimit: Int,
                               lastSeen: (RowID) throws -> (at: Timestamp, by: String)?) rethrows -> Coverage {
        var inScope = Set<CellKey>()
        for site in sites { for t in site.themeIDs { inScope.insert(CellKey(communityID: site.communityID, themeID: t)) } }
        let counted = checks.filter { inScope.contains($0.cell) }
        let checked = Set(counted.map(\.cell))
        var c = Coverage(cells: inScope.count, checkedCells: checked.count, sites: sites.count)
        var checkedPerSite: [RowID: Int] = [:]
        for key in checked { checkedPerSite[key.communityID, default: 0] += 1 }
        var owing: [(site: CoverageSite, checked: Int, order: Int)] = []
        for (order, site) in sites.enumerated() {
            let n = checkedPerSite[site.communityID] ?? 0
            if n > 0 { c.touchedSites += 1 } else { c.untouchedSites += 1 }
            if n == site.themeIDs.count { c.completeSites += 1 } else { owing.append((site, n, order)) }
            if site.declaredSite != nil {
                c.declaredSites += 1
                if n > 0 { c.touchedDeclaredSites += 1 }
            }
        }
        var cellsPerTheme: [RowID: Int] = [:], checkedPerTheme: [RowID: Int] = [:]
        for key in inScope { cellsPerTheme[key.themeID, default: 0] += 1 }
        for key in checked { checkedPerTheme[key.themeID, default: 0] += 1 }
        c.themes = themes.compactMap { t in
            guard let cells = cellsPerTheme[t.id] else { return nil }
            return ThemeCoverage(themeID: t.id, name: t.zh, cells: cells, checked: checkedPerTheme[t.id] ?? 0)
        }
        var byOperator: [String: (n: Int, cells: Set<CellKey>, last: Timestamp)] = [:]
        for check in counted {
            var line = byOperator[check.by] ?? (0, [], check.at)
            line.n += 1
            line.cells.insert(check.cell)
            line.last = max(line.last, check.at)
            byOperator[check.by] = line
            c.results[check.result, default: 0] += 1
        }
        c.operators = byOperator.map { OperatorCoverage(login: $0.key, inspections: $0.value.n, cells: $0.value.cells.count, last: $0.value.last) }
            .sorted { ($0.inspections, $1.login) > ($1.inspections, $0.login) }
        // Least checked first; among equals, board order.
        owing.sort { ($0.checked, $0.order) < ($1.checked, $1.order) }
        c.unchecked = try owing.prefix(max(0, siteLimit)).map { o in
            let last = try lastSeen(o.site.communityID)
            return SiteCoverage(communityID: o.site.communityID, name: o.site.name, streetName: o.site.streetName,
                                declaredSite: o.site.declaredSite, cells: o.site.themeIDs.count, checked: o.checked,
                                lastAt: last?.at, lastBy: last?.by)
        }
        return c
    }
}
