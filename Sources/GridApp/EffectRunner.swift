import GridCore
import GridTheme
import GridUI

/// Performs effects against the store and turns their results into actions. Terminal effects (redraw,
/// suspend, quit, themes, background imports) are handled by the console itself.
struct EffectRunner {
    let store: any GridRepository
    let context: ChangeContext
    var calendar: WorkingCalendar = .weekendsOnly
    var rules: DeductionRules = .standard
    var assessmentDate: Day?
    /// The assessment model's text and where it came from (parsed on every simulation, so edits apply at once).
    var assessmentFile = AssessmentFile.Source.builtin
    /// The check points file walk mode shows (`checkpoints.toml`).
    var checkPointsFile = CheckPointsFile.Source.builtin

    /// The one door every change goes through.
    var services: GridServices { GridServices(store, calendar: calendar, evidence: evidence) }
    /// Attachment limits and the after-photo rule (evidence.toml).
    var evidence: EvidenceRules = .none

    func perform(_ effect: Effect) -> [Action] {
        do {
            return try run(effect)
        } catch {
            return failure(effect, error)
        }
    }

    /// A write, telling apart "the database was busy" (worth retrying: nothing was written) from every other outcome.
    func performWrite(_ effect: Effect) -> (actions: [Action], busy: Bool) {
        do {
            return (try run(effect), false)
        } catch .busy {
            return ([], true)
        } catch {
            return (failure(effect, error), false)
        }
    }

    /// The action that reports a failed effect.
    func failure(_ effect: Effect, _ error: GridError) -> [Action] {
        if case .saveStatus = effect { return [.changeFailed("未保存: \(error.description)")] }
        if case .recordCases = effect { return [.changeFailed("未上报: \(error.description)")] }
        if case .moveCases = effect { return [.changeFailed("未流转: \(error.description)")] }
        if case .restore = effect { return [.changeFailed("撤销失败: \(error.description)")] }
        if case .recordInspection = effect { return [.changeFailed("未记录: \(error.description)")] }
        if case .recordWalkProblem = effect { return [.changeFailed("未上报: \(error.description)")] }
        if case .saveMasterData = effect { return [.masterDataRefused(error.description)] }
        return [.failed(error.description)]
    }

    func run(_ effect: Effect) throws(GridError) -> [Action] {
        let today = context.clock.today
        switch effect {
        case .loadBrowser(let depth, let parent):
            return [.browserLoaded(depth: depth, level: try BrowserLoader(store: store, today: today).level(parent: parent))]
        case .loadBoard(let scope, let filter, let offset, let limit, let known, let anchor):
            let total: Int
            if let known { total = known } else { total = try store.communityCount(in: scope, filter: filter, today: today) }
            let rows = try store.communities(in: scope, filter: filter, offset: offset, limit: limit, today: today,
                                             total: total, anchor: anchor)
            let cells = Dictionary(grouping: try store.cells(communityIDs: rows.map(\.community.id)), by: \.communityID)
            let boardRows = rows.map { r in
                BoardRow(community: r.community, streetName: r.streetName,
                         cells: Dictionary(uniqueKeysWithValues: (cells[r.community.id] ?? []).map { ($0.themeID, $0) }),
                         orderKey: r.orderKey)
            }
            return [.boardLoaded(total: total, offset: offset, rows: boardRows)]
        case .saveStatus(let targets, let request):
            let changed = try services.setStatus(targets, request, context: context).filter(\.changesSomething)
            return [.changesSaved(before: changed.map(\.before), after: changed.map(\.after), isUndo: false)]
        case .recordCases(let targets, let description, let deadlineClass, let source):
            // All the marked cells' cases in one transaction: every case or none.
            let drafts = targets.map { key in
                CaseDraft(communityID: key.communityID, themeID: key.themeID, source: source, description: description,
                          deadlineClass: deadlineClass)
            }
            let recorded = try services.recordProblems(drafts, context: context)
            return [.casesRecorded(numbers: recorded.map(\.number), cells: try currentStates(targets))]
        case .restore(let states, let expected):
            let results = try services.restore(states, expecting: expected, context: context)
            return [.changesSaved(before: [], after: results.map(\.after), isUndo: true)]
        case .loadDetail(let key):
            return [.detailLoaded(try detail(key))]
        case .search(let query):
            return [.searchResults(query: query, hits: try store.search(query, limit: 50))]
        case .locate(let id, let scope, let filter):
            return [.located(communityID: id, row: try store.position(of: id, in: scope, filter: filter, today: today))]
        case .loadDashboard(let byProperty):
            let month = String(today.description.prefix(7))
            guard let period = Period(month) else { return [] }
            let offset = context.clock.utcOffsetSeconds
            let previousLast = period.first.adding(days: -1)
            let previous = Period(String(previousLast.description.prefix(7))) ?? period
            // One read for the three overlapping ranges (this month, last month, the trend's 8 weeks): the cases are
            // decoded once and split by the local day they were found, which halves the work at province scale.
            let first = min(previous.first, today.adding(days: -55)), last = max(period.last, today)
            let all = try store.scoredCases(from: first, to: last, utcOffsetSeconds: offset)
            func found(_ from: Day, _ to: Day) -> [ScoredCase] {
                all.filter { let d = $0.record.foundAt.day(offsetSeconds: offset); return d >= from && d <= to }
            }
            let current = found(period.first, period.last)
            var cells = StatusCounts()
            for g in try store.rollups(groupedBy: .office, within: .all, today: today) { cells.add(g.counts) }
            let themeNames = Dictionary(uniqueKeysWithValues: try store.themes().map { ($0.code, $0.zh) })
            let metrics = CaseMetrics.compute(current, asOf: today)
            let recent = found(today.adding(days: -55), today)
            var data = DashboardData(
                period: period.description, daysToAssessment: assessmentDate.map { today.days(until: $0) }, cells: cells, metrics: metrics,
                previous: CaseMetrics.compute(found(previous.first, previous.last), asOf: previous.last),
                trend: CaseMetrics.trend(recent, last: today, buckets: 8, days: 7, utcOffsetSeconds: offset),
                themes: metrics.byTheme.map { (themeNames[$0.key] ?? $0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) },
                league: Scoring.league(current, rules: rules, asOf: today, byProperty: byProperty,
                                       names: try store.leagueNames(byProperty: byProperty, on: today)), byProperty: byProperty)
            data.coverage = try dashboardCoverage(today: today)
            return [.dashboardLoaded(data)]
        case .loadAssessment:
            return [.assessmentLoaded(try assessmentPanel(today: today))]
        case .loadSiteRegister:
            guard let register = store as? any SiteRegisterReading else { return [.siteRegisterLoaded([])] }
            return [.siteRegisterLoaded(try register.declaredSites(officeID: nil, today: today,
                                                                   utcOffsetSeconds: context.clock.utcOffsetSeconds))]
        case .loadCaseQueue(let query, var offset, let limit, let known, var anchor, let follow):
            // A count (unless the reducer knows it) and one statement for the window, names joined in.
            let total: Int
            if let known { total = known } else { total = try store.caseQueueCount(query, today: today) }
            if let follow, let at = try store.caseQueuePosition(of: follow, query, today: today) {
                offset = max(0, at - limit / 3)
                anchor = nil
            }
            let rows = try store.caseQueueWindow(query, today: today, offset: offset, limit: limit, total: total, anchor: anchor)
            return [.caseQueueLoaded(query: query, total: total, offset: offset, rows: rows.map { e in
                CaseRow(record: e.record, communityName: e.communityName, themeName: e.themeName, unitName: e.unitName,
                        streetName: e.streetName)
            })]
        case .loadCaseGainOrder(let query, let follow):
            let keys = try store.caseQueueKeys(query, today: today)
            let (order, gains) = CaseGainOrder.order(keys, gains: try cellGains(today: today))
            return [.caseGainOrderLoaded(query: query, order: order, gains: gains, follow: follow)]
        case .loadCaseRows(let query, let offset, let numbers):
            let rows = try store.caseQueueEntries(numbers).map { e in
                CaseRow(record: e.record, communityName: e.communityName, themeName: e.themeName, unitName: e.unitName,
                        streetName: e.streetName)
            }
            return [.caseGainRowsLoaded(query: query, offset: offset, requested: numbers, rows: rows)]
        case .loadRangeMarks(let scope, let filter, let rows, let themeIDs):
            let keys = try store.cellKeys(in: scope, filter: filter, rows: rows, themeIDs: themeIDs, today: today)
            return [.rangeMarksLoaded(scope: scope, filter: filter, keys: keys)]
        case .loadCaseDetail(let number):
            guard let c = try store.caseRecord(number) else { return [.failed("no case \(number)")] }
            let events = try store.caseEvents(number).map { CaseTimelineEntry(at: $0.at, event: $0.event) }
            let chain = try store.chain(communityID: c.communityID, on: context.clock.today)
            // The view writes the timeline and the chains; the runner only gathers them.
            var detail = CaseDetailData(row: try caseRow(c, themes: try store.themes()), events: events, currentChain: ChainSnapshot(chain: chain))
            detail.attachments = try store.attachments(of: number)
            return [.caseDetailLoaded(detail)]
        case .moveCases(let numbers, let action, let reason):
            let before = try numbers.map { n throws(GridError) -> CaseState in
                guard let c = try store.caseRecord(n) else { throw .notFound("no case \(n)") }
                return c.state
            }
            // All of them or none; 交办 without a unit goes to each community's lead unit today.
            let moved = try services.moveCases(numbers, action, reason: reason, context: context)
            return zip(before, moved).map { from, c in .caseMoved(number: c.number, from: from, to: c.state, dueOn: c.dueOn) }
        case .saveMasterData(let edit):
            return [.masterDataSaved(summary: try MasterDataEffect(services: services, context: context).run(edit))]
        case .loadWalkRounds, .loadWalkSites, .loadWalkSite, .recordInspection, .recordWalkProblem:
            return try walk(effect)
        case .notifyCase(let number):
            let note = try services.notifyCase(number, context: context)
            return [.caseNotified(number: number, message: note.message, recipients: note.recipients)]
        case .redraw, .suspend, .quit, .startImport, .cancelImport, .applyPalette, .copyToClipboard:
            return []
        }
    }

    func caseRow(_ c: CaseRecord, themes: [CheckTheme]) throws(GridError) -> CaseRow {
        let unit = try c.handlingUnitID.flatMap { id throws(GridError) in try store.unit(id: id)?.name } ?? c.chain.unitName
        let community = try store.community(id: c.communityID)
        let street = try community.flatMap { x throws(GridError) in try store.nodeRef(.street(x.streetID))?.name } ?? ""
        return CaseRow(record: c, communityName: community?.name ?? "#\(c.communityID)",
                       themeName: themes.first { $0.id == c.themeID }?.zh ?? "", unitName: unit, streetName: street)
    }

    func currentStates(_ keys: [CellKey]) throws(GridError) -> [CellState] {
        let wanted = Set(keys)
        return try store.cells(communityIDs: Array(Set(keys.map(\.communityID))))
            .filter { wanted.contains(CellKey(communityID: $0.communityID, themeID: $0.themeID)) }
    }

    func detail(_ key: CellKey) throws(GridError) -> CellDetail {
        guard let community = try store.community(id: key.communityID),
              let row = try store.cells(communityID: key.communityID).first(where: { $0.theme.id == key.themeID }) else {
            throw GridError.notFound("这个单元已不存在 (the cell no longer exists)")
        }
        let street = try store.nodeRef(.street(community.streetID))?.name ?? ""
        let history = try store.auditTrail(AuditQuery(communityID: key.communityID, limit: 500))
            .filter { $0.record.entry.entity == .cell && $0.record.entry.entityID == "\(key.communityID)/\(key.themeID)" }
        return CellDetail(key: key, communityName: community.name, streetName: street, theme: row.theme, cell: row.cell,
                          chain: try store.chain(communityID: key.communityID, on: context.clock.today), history: Array(history.prefix(50)))
    }
}
