import GridCore
import GridUI

extension EffectRunner {
    /// Days a declared site may go without an inspection before the dashboard counts it as not checked lately.
    static let staleDays = 7

    /// The dashboard's checking line: the newest round in progress with its coverage, and the declared sites with no
    /// inspection in the last week. Read with the other figures, on the dashboard's background connection.
    func dashboardCoverage(today: Day) throws(GridError) -> DashboardCoverage? {
        guard let rounds = store as? any RoundReading else { return nil }
        let offset = context.clock.utcOffsetSeconds
        let current = try rounds.rounds(RoundQuery(states: [.inProgress], limit: 1)).first
        let roundCoverage = try current.map { r throws(GridError) in
            try rounds.coverage(CoverageQuery(roundID: r.id, today: today, utcOffsetSeconds: offset, siteLimit: 0))
        }
        var week = CoverageQuery(since: today.adding(days: 1 - Self.staleDays), today: today, utcOffsetSeconds: offset, siteLimit: 0)
        week.declaredSitesOnly = true
        let sites = try rounds.coverage(week)
        return DashboardCoverage(round: current.map { "#\($0.id) \($0.kind.zh) \($0.name)" }, roundCoverage: roundCoverage,
                                 declaredSites: sites.sites, staleDeclaredSites: sites.untouchedSites, days: Self.staleDays)
    }
}
