import Foundation
import GridCore
import GridTheme
import GridUI

/// Walk mode's effects: the rounds, a round's sites, a site's themes with their check points, and recording what the
/// inspector found — through the rounds service (the one door), never around it.
extension EffectRunner {
    func walk(_ effect: Effect) throws(GridError) -> [Action] {
        switch effect {
        case .loadWalkRounds:
            // Only a round in progress takes inspections.
            return [.walkRoundsLoaded(try roundReader().rounds(RoundQuery(states: [.inProgress])))]
        case .loadWalkSites(let id):
            return [try walkSites(round: id)]
        case .loadWalkSite(let id, let communityID):
            return [.walkSiteLoaded(round: id, site: try walkSite(round: id, communityID: communityID))]
        case .recordInspection(let key, let result, let round):
            let outcome = try services.inspect(InspectionRequest(roundID: round, cell: key, result: result), context: context)
            return [.inspected(key: key, result: result, cell: outcome.cell.after, cases: outcome.cell.cases.map(\.number))]
        case .recordWalkProblem(let key, let round, let description, let deadlineClass, let source):
            // The service records the case with the round's kind as its source; `source` is what the form showed.
            let request = InspectionRequest(roundID: round, cell: key, result: .problem, note: description,
                                            problem: ProblemDetails(source: source, deadlineClass: deadlineClass))
            let outcome = try services.inspect(request, context: context)
            let cases = outcome.inspection.caseNumber.map { [$0] } ?? outcome.cell.cases.map(\.number)
            return [.inspected(key: key, result: .problem, cell: outcome.cell.after, cases: cases)]
        default:
            return []
        }
    }

    /// The store as one that keeps rounds, or a clear refusal.
    func roundReader() throws(GridError) -> any RoundReading {
        guard let reader = store as? any RoundReading else {
            throw .database("this database's store does not keep inspection rounds (only the SQLite store does)")
        }
        return reader
    }

    /// A round's sites still owing checks — declared sites first by number, then the rest as coverage orders them
    /// (least checked first) — and the round's counts.
    func walkSites(round id: RoundID) throws(GridError) -> Action {
        let coverage = try roundReader().coverage(CoverageQuery(roundID: id, scope: .all, today: context.clock.today,
                                                                utcOffsetSeconds: context.clock.utcOffsetSeconds, siteLimit: 100_000))
        let sites = coverage.unchecked.enumerated().sorted { a, b in
            (a.element.declaredSite ?? Int.max, a.offset) < (b.element.declaredSite ?? Int.max, b.offset)
        }.map { _, c in
            WalkSiteSummary(communityID: c.communityID, name: c.name, streetName: c.streetName, declaredSite: c.declaredSite,
                            cells: c.cells, checked: c.checked)
        }
        return .walkSitesLoaded(round: id, sites: sites, progress: WalkProgress(sitesDone: coverage.completeSites, sites: coverage.sites,
                                                                                 cellsDone: coverage.checkedCells, cells: coverage.cells))
    }

    /// One site's themes in the round's scope, in board order, with their status, check points and whether the round
    /// checked them.
    func walkSite(round id: RoundID, communityID: RowID) throws(GridError) -> WalkSite {
        let reader = try roundReader()
        guard let round = try reader.round(id: id) else { throw .notFound("no round #\(id); `civgrid round list` lists them") }
        guard let community = try store.community(id: communityID) else {
            throw .notFound("这个点位已不存在 (community #\(communityID) no longer exists)")
        }
        let points = try checkPoints(themes: try store.themes())
        let checked = Set(try reader.inspections(InspectionQuery(roundID: id, communityID: communityID, limit: 100_000)).map(\.cell.themeID))
        let stops = try store.cells(communityID: communityID).filter { round.scope.covers(themeID: $0.theme.id) }.map { row in
            WalkStop(theme: row.theme, status: row.cell.status, points: points.points(for: row.theme.code), checked: checked.contains(row.theme.id))
        }
        let street = try store.nodeRef(.street(community.streetID))?.name ?? ""
        let summary = WalkSiteSummary(communityID: communityID, name: community.name, streetName: street, declaredSite: community.declaredSite,
                                      cells: stops.count, checked: stops.filter(\.checked).count)
        return WalkSite(summary: summary, stops: stops)
    }

    /// The check points in force (parsed on every site, so an edited file applies at once), checked against the themes.
    func checkPoints(themes: [CheckTheme]) throws(GridError) -> CheckPoints {
        try CheckPointsFile.parse(checkPointsFile.text, path: checkPointsFile.path, themeCodes: Set(themes.map(\.code)))
    }
}

/// Where the check points come from: `$XDG_CONFIG_HOME/civgrid/checkpoints.toml`, else the built-in file.
enum WalkCheckPoints {
    /// The file in force for the console.
    static func source(variables: [String: String]) -> CheckPointsFile.Source {
        let base = variables["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((variables["HOME"] ?? "") + "/.config")
        let file = base + "/civgrid/checkpoints.toml"
        guard let data = FileManager.default.contents(atPath: file) else { return .builtin }
        return CheckPointsFile.Source(text: String(decoding: data, as: UTF8.self), path: file)
    }
}
