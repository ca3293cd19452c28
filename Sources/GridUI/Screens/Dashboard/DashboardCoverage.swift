import GridCore
import GridPalette

/// The dashboard's line on checking: the coverage of the newest round in progress, and the declared sites nobody
/// checked in the last week (`本轮 #4 两督 覆盖 63/214 格 · 点位 10/25 · 申报点位7天未查 2/32`).
public struct DashboardCoverage: Hashable, Sendable {
    /// The newest round in progress (`#4 两督 12月第1周两督`) and its coverage, or nil when none is in progress.
    public var round: String?
    public var roundCoverage: Coverage?
    /// Declared sites, and those with no inspection in the last `days` days.
    public var declaredSites: Int
    public var staleDeclaredSites: Int
    public var days: Int

    /// Creates the line's figures.
    public init(round: String?, roundCoverage: Coverage?, declaredSites: Int, staleDeclaredSites: Int, days: Int) {
        self.round = round
        self.roundCoverage = roundCoverage
        self.declaredSites = declaredSites
        self.staleDeclaredSites = staleDeclaredSites
        self.days = days
    }
}

extension DashboardView {
    /// The coverage line and its role: overdue-coloured when a declared site went unchecked for the week.
    static func coverageLine(_ d: DashboardData) -> (String, Role) {
        guard let c = d.coverage else { return ("检查覆盖 —", .muted) }
        var parts: [String] = []
        if let round = c.round, let rc = c.roundCoverage {
            parts.append("本轮 \(round) 覆盖 \(rc.checkedCells)/\(rc.cells) 格 · 点位 \(rc.touchedSites)/\(rc.sites)")
        } else {
            parts.append("无进行中的检查轮次")
        }
        if c.declaredSites > 0 { parts.append("申报点位\(c.days)天未查 \(c.staleDeclaredSites)/\(c.declaredSites)") }
        return (parts.joined(separator: " · "), c.staleDeclaredSites > 0 ? .overdue : .text)
    }
}
