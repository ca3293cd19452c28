import GridCore
import TerminalKit

extension Screen {
    /// Walk mode (巡检): a round, a site, then the site's themes one at a time with their check points.
    public static let walk = Screen("walk")
}

/// A site of a round (a declared 申报点位 or any community in its scope) with how far this round has checked it.
public struct WalkSiteSummary: Hashable, Sendable {
    public var communityID: RowID
    public var name: String
    public var streetName: String
    /// Declared-site number (◆N), nil for a community that is not declared.
    public var declaredSite: Int?
    /// Its cells in the round (the round's themes that apply there) and how many the round has checked.
    public var cells: Int
    public var checked: Int

    /// Creates a summary.
    public init(communityID: RowID, name: String, streetName: String, declaredSite: Int?, cells: Int, checked: Int) {
        self.communityID = communityID
        self.name = name
        self.streetName = streetName
        self.declaredSite = declaredSite
        self.cells = cells
        self.checked = checked
    }

    /// Every cell checked in this round.
    public var isDone: Bool { checked >= cells }
    /// `◆3 明东公园`, or the name alone.
    public var label: String { declaredSite.map { "◆\($0) \(name)" } ?? name }
}

/// One stop of a walk: a theme at the site, its status now, its check points, and whether this round checked it.
public struct WalkStop: Hashable, Sendable {
    public var theme: CheckTheme
    public var status: CellStatus
    /// The theme's check points (检查要点), in walking order; empty when the office listed none.
    public var points: [String]
    /// Checked in this round (by anyone, before or during this walk).
    public var checked: Bool
    /// What this console recorded for it during this walk.
    public var result: InspectionResult?

    /// Creates a stop.
    public init(theme: CheckTheme, status: CellStatus, points: [String], checked: Bool, result: InspectionResult? = nil) {
        self.theme = theme
        self.status = status
        self.points = points
        self.checked = checked
        self.result = result
    }
}

/// A site being walked: its summary and its stops in theme order.
public struct WalkSite: Hashable, Sendable {
    public var summary: WalkSiteSummary
    public var stops: [WalkStop]

    /// Creates a site.
    public init(summary: WalkSiteSummary, stops: [WalkStop]) {
        self.summary = summary
        self.stops = stops
    }
}

/// Walk mode's state: which step the inspector is at (round list, site list, a site's themes) and the data of each.
public struct WalkState: Hashable, Sendable {
    /// The three steps of a walk.
    public enum Phase: Hashable, Sendable { case rounds, sites, stops }

    public var phase: Phase = .rounds
    /// The rounds in progress (only those take inspections).
    public var rounds: [InspectionRound] = []
    public var roundList = ListState()
    /// The round being walked.
    public var round: InspectionRound?
    /// The round's sites still owing checks: declared sites first (by number), then the other communities of its scope.
    public var sites: [WalkSiteSummary] = []
    /// The round's counts.
    public var progress = WalkProgress()
    public var siteList = ListState()
    /// The site being walked and the stop on show.
    public var site: WalkSite?
    public var stop = 0
    /// The first check-point line shown (long points scroll with j/k).
    public var pointOffset = 0
    /// Whether a load is outstanding (shown as 读取中).
    public var loading = false
    /// The screen `Esc` goes back to (where `W` was pressed).
    public var returnScreen: Screen = .board

    public init() {}

    /// The stop on show.
    public var current: WalkStop? {
        guard let site, site.stops.indices.contains(stop) else { return nil }
        return site.stops[stop]
    }

    /// The cell of the stop on show.
    public var currentKey: CellKey? {
        guard let site, let stop = current else { return nil }
        return CellKey(communityID: site.summary.communityID, themeID: stop.theme.id)
    }

}

/// How far a round has got (`点位 12/32 · 格 87/290`): sites whose every cell it checked, of all its sites; cells it
/// checked, of all its cells. Read with the sites, then counted on as this console records.
public struct WalkProgress: Hashable, Sendable {
    public var sitesDone: Int
    public var sites: Int
    public var cellsDone: Int
    public var cells: Int

    /// Creates progress figures.
    public init(sitesDone: Int = 0, sites: Int = 0, cellsDone: Int = 0, cells: Int = 0) {
        self.sitesDone = sitesDone
        self.sites = sites
        self.cellsDone = cellsDone
        self.cells = cells
    }
}
