/// The board precomputed for sampling: for every site, the points each of its non-compliant cells would cost each
/// indicator and the chance the assessors find it; for every sampling rule, its pool of sites. Built once, then every
/// Monte Carlo run only draws sites and adds up their precomputed contributions.
public struct AssessmentTable: Sendable {
    public let model: AssessmentModel
    /// The cells that may cost points (status found with a rate above zero), in board order of their sites.
    public let cells: [ProjectedCell]
    /// Per sampling rule: the site indices it draws from, and how many it visits per run.
    let pools: [[Int32]]
    let visits: [Int]
    /// Site `s`'s contributions are `contribStart[s] ..< contribStart[s + 1]` of `contributions`.
    let contribStart: [Int32]
    let contributions: [Contribution]
    /// Site ids by index.
    public let siteIDs: [RowID]
    /// Plain-language notes about the plan against this board: a kind with fewer sites in scope than the plan asks for
    /// (none in scope is not noted: a street has no farmers' market to visit).
    public let notes: [String]

    /// Sites visited per run.
    public var visitsPerRun: Int { visits.reduce(0, +) }

    /// Precomputes the board as it will be on `asOf` (see `AssessmentProjection`, `closingOverdue` included) for `model`;
    /// `themes` map theme ids to codes.
    public init(model: AssessmentModel, board: AssessmentBoard, themes: [CheckTheme], today: Day, asOf: Day, closingOverdue: Bool = false) {
        self.model = model
        let codeByTheme = Dictionary(uniqueKeysWithValues: themes.map { ($0.id, $0.code) })
        let sites = board.sites.sorted { $0.id < $1.id }
        siteIDs = sites.map(\.id)
        let indexOfSite = Dictionary(uniqueKeysWithValues: sites.enumerated().map { ($0.element.id, $0.offset) })
        // The cells that can be found, with their site's index, in site order (each site's cells are then one run).
        let located = AssessmentProjection.project(board, today: today, asOf: asOf, closingOverdue: closingOverdue)
            .compactMap { cell -> (site: Int, cell: ProjectedCell)? in
                guard (model.findRate[cell.status] ?? 0) > 0, let s = indexOfSite[cell.communityID] else { return nil }
                return (s, cell)
            }
            .sorted { ($0.site, $0.cell.themeID) < ($1.site, $1.cell.themeID) }
        let projected = located.map(\.cell)
        cells = projected
        var start: [Int32] = [0], contributions: [Contribution] = []
        var next = 0
        for (s, site) in sites.enumerated() {
            while next < located.count, located[next].site == s {
                let cell = projected[next]
                if let code = codeByTheme[cell.themeID] {
                    for (i, ind) in model.indicators.enumerated() where ind.counts(theme: code, at: site.kind) {
                        contributions.append(Contribution(indicator: Int32(i), cell: Int32(next), rate: model.findRate[cell.status] ?? 0,
                                                          points: ind.problemPoints(overdue: cell.overdue, repeated: cell.repeated)))
                    }
                }
                next += 1
            }
            start.append(Int32(contributions.count))
        }
        (contribStart, self.contributions) = (start, contributions)
        var pools: [[Int32]] = [], visits: [Int] = [], notes: [String] = []
        let byKind = Dictionary(grouping: sites.indices, by: { sites[$0].kind })
        for rule in model.sampling {
            let pool = (byKind[rule.kind] ?? []).filter { rule.pool.contains(declared: sites[$0].declared) }.map { Int32($0) }
            let k = rule.size.visits(of: pool.count)
            if case .count(let asked) = rule.size, asked > pool.count, !pool.isEmpty {
                notes.append("\(rule.kind.zh)\(rule.pool.label)：计划抽 \(asked) 个，范围内只有 \(pool.count) 个，全部计入 (plan asks \(asked), \(pool.count) in scope: all visited)")
            }
            pools.append(pool)
            visits.append(k)
        }
        self.pools = pools
        self.visits = visits
        self.notes = notes
    }

    /// The probability that site index `s` is visited in a run (exact, from the plan).
    public func visitProbability(site s: Int) -> Double {
        var miss = 1.0
        for (pool, k) in zip(pools, visits) where !pool.isEmpty && pool.contains(Int32(s)) {
            miss *= 1 - Double(k) / Double(pool.count)
        }
        return 1 - miss
    }
}

/// What one non-compliant cell costs one indicator when its site is visited: found with `rate`, costing `points`.
struct Contribution {
    var indicator: Int32
    var cell: Int32
    var rate: Double
    var points: Double
}

extension SitePool {
    /// How the pool reads after a kind's name in notes (`住宅小区（申报点位）`).
    public var label: String {
        switch self {
        case .any: ""
        case .declared: "（申报点位）"
        case .others: "（非申报点位）"
        }
    }
}
