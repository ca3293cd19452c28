import GridCore
import TerminalKit

extension Screen {
    /// Walk mode (巡检): a round, a site, then the site's themes one at a time with their check points.
    public static let walk = Screen("walk")
}

/// An inspection round (检查轮次) as walk mode lists it.
public struct WalkRound: Hashable, Sendable {
    public var id: RowID
    public var name: String
    /// The round's kind in Chinese (自查, 督查, 两督, 暗访, 模拟测评).
    public var kind: String
    /// Its state in Chinese (计划, 进行中, 已结束).
    public var state: String
    /// The source a problem found in it is recorded with (the problem form starts on it).
    public var source: CaseSource
    public var startsOn: Day?
    public var endsOn: Day?

    /// Creates a round.
    public init(id: RowID, name: String, kind: String, state: String, source: CaseSource, startsOn: Day? = nil, endsOn: Day? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.state = state
        self.source = source
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
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

/// What an inspector records for a theme at a site: `1` still 达标, `2` a problem (a case), `7` 不适用.
public enum WalkResult: String, CaseIterable, Hashable, Sendable {
    case ok, problem, notApplicable = "not_applicable"

    /// The cell status the result stands for.
    public var status: CellStatus {
        switch self {
        case .ok: .ok
        case .problem: .problem
        case .notApplicable: .notApplicable
        }
    }
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
    public var result: WalkResult?

    /// Creates a stop.
    public init(theme: CheckTheme, status: CellStatus, points: [String], checked: Bool, result: WalkResult? = nil) {
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
    public var rounds: [WalkRound] = []
    public var roundList = ListState()
    /// The round being walked.
    public var round: WalkRound?
    /// The round's sites: declared sites first (by number), then the other communities of its scope.
    public var sites: [WalkSiteSummary] = []
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

    /// Sites whose every cell this round checked, and all sites; cells checked, and all cells (`点位 12/32 · 格 87/290`).
    public var progress: (sitesDone: Int, sites: Int, cellsDone: Int, cells: Int) {
        var done = 0, checked = 0, cells = 0
        for site in sites {
            if site.isDone { done += 1 }
            checked += min(site.checked, site.cells)
            cells += site.cells
        }
        return (done, sites.count, checked, cells)
    }
}
