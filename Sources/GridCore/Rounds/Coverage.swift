/// What coverage to compute: the cells of a scope (a round's, narrowed to a node's communities) and the inspections
/// that count (those of a round and/or since a local day).
public struct CoverageQuery: Hashable, Sendable {
    /// Only this round's inspections, and only the cells in its scope.
    public var roundID: RoundID?
    /// Only inspections on or after this local day.
    public var since: Day?
    /// Only communities of this scope.
    public var scope: CommunityScope
    /// The office's offset from UTC, for local days.
    public var utcOffsetSeconds: Int
    /// At most this many sites in `Coverage.unchecked`.
    public var siteLimit: Int
    /// The day whose chain decides a unit's or property company's communities (`scope`).
    public var today: Day

    /// Creates a query.
    public init(roundID: RoundID? = nil, since: Day? = nil, scope: CommunityScope = .all, today: Day, utcOffsetSeconds: Int,
                siteLimit: Int = 50) {
        self.roundID = roundID
        self.since = since
        self.scope = scope
        self.today = today
        self.utcOffsetSeconds = utcOffsetSeconds
        self.siteLimit = siteLimit
    }

    /// The first instant counted: local midnight of `since`.
    public var sinceInstant: Timestamp? { since.map { Timestamp.localMidnight(of: $0, offsetSeconds: utcOffsetSeconds) } }

    /// Refuses a query that would count every inspection ever made (its cost would grow with all of history).
    public func validate() throws(GridError) {
        guard roundID != nil || since != nil else {
            throw .invalidInput("coverage counts the inspections of a round or since a day: give --round R or --since DATE")
        }
    }
}

/// How much of a scope was checked: cells, sites (communities and declared sites), themes, operators, results, and the
/// sites still owing checks.
public struct Coverage: Hashable, Sendable {
    /// Cells in scope, and those with at least one counted inspection.
    public var cells: Int
    public var checkedCells: Int
    /// Communities (小区 and sites) in scope, those with at least one checked cell, and those with every cell checked.
    public var sites: Int
    public var touchedSites: Int
    public var completeSites: Int
    /// Declared sites (申报点位) in scope and those with at least one checked cell.
    public var declaredSites: Int
    public var touchedDeclaredSites: Int
    /// Per theme, in board order.
    public var themes: [ThemeCoverage]
    /// Per operator, most inspections first.
    public var operators: [OperatorCoverage]
    /// Counted inspections by result.
    public var results: [InspectionResult: Int]
    /// Sites with unchecked cells, least checked first (never checked before anything), at most the query's limit.
    public var unchecked: [SiteCoverage]
    /// How many sites have no checked cell at all (listed or not).
    public var untouchedSites: Int

    /// Creates coverage figures.
    public init(cells: Int = 0, checkedCells: Int = 0, sites: Int = 0, touchedSites: Int = 0, completeSites: Int = 0,
                declaredSites: Int = 0, touchedDeclaredSites: Int = 0, themes: [ThemeCoverage] = [], operators: [OperatorCoverage] = [],
                results: [InspectionResult: Int] = [:], unchecked: [SiteCoverage] = [], untouchedSites: Int = 0) {
        self.cells = cells
        self.checkedCells = checkedCells
        self.sites = sites
        self.touchedSites = touchedSites
        self.completeSites = completeSites
        self.declaredSites = declaredSites
        self.touchedDeclaredSites = touchedDeclaredSites
        self.themes = themes
        self.operators = operators
        self.results = results
        self.unchecked = unchecked
        self.untouchedSites = untouchedSites
    }

    /// Counted inspections.
    public var inspections: Int { results.values.reduce(0, +) }

    /// `覆盖 87/290 格 · 点位 12/32`.
    public var headline: String {
        var text = "覆盖 \(checkedCells)/\(cells) 格 · 小区/点位 \(touchedSites)/\(sites)"
        if declaredSites > 0 { text += " · 申报点位 \(touchedDeclaredSites)/\(declaredSites)" }
        return text
    }
}

/// One theme's cells in scope and how many were checked.
public struct ThemeCoverage: Hashable, Sendable {
    public var themeID: RowID
    public var name: String
    public var cells: Int
    public var checked: Int

    /// Creates a line.
    public init(themeID: RowID, name: String, cells: Int, checked: Int) {
        self.themeID = themeID
        self.name = name
        self.cells = cells
        self.checked = checked
    }
}

/// What one operator checked.
public struct OperatorCoverage: Hashable, Sendable {
    public var login: String
    /// Inspections recorded, and distinct cells they covered.
    public var inspections: Int
    public var cells: Int
    /// Their latest inspection counted.
    public var last: Timestamp

    /// Creates a line.
    public init(login: String, inspections: Int, cells: Int, last: Timestamp) {
        self.login = login
        self.inspections = inspections
        self.cells = cells
        self.last = last
    }
}

/// A site (community) with cells still owing a check.
public struct SiteCoverage: Hashable, Sendable {
    public var communityID: RowID
    public var name: String
    public var streetName: String
    public var declaredSite: Int?
    /// Its cells in scope, and those checked.
    public var cells: Int
    public var checked: Int
    /// Its latest inspection ever (any round, any day), or nil if never inspected.
    public var lastAt: Timestamp?
    public var lastBy: String?

    /// Creates a line.
    public init(communityID: RowID, name: String, streetName: String, declaredSite: Int?, cells: Int, checked: Int,
                lastAt: Timestamp? = nil, lastBy: String? = nil) {
        self.communityID = communityID
        self.name = name
        self.streetName = streetName
        self.declaredSite = declaredSite
        self.cells = cells
        self.checked = checked
        self.lastAt = lastAt
        self.lastBy = lastBy
    }
}
