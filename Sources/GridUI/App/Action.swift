import GridCore
import TerminalKit

/// Everything that can happen to the console: input, and data coming back from effects.
public enum Action: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    case tick
    /// Start-up: the assessment themes (测评主题) of the board and the first data requests.
    case start(themes: [CheckTheme])
    case browserLoaded(depth: Int, level: BrowserLevel)
    case boardLoaded(total: Int, offset: Int, rows: [BoardRow])
    /// A change (or undo) was written; `before` are the states it replaced.
    case changesSaved(before: [CellState], after: [CellState], isUndo: Bool)
    case changeFailed(String)
    /// Cases were recorded; `cells` are the cells as they now are. Not undoable (a case is voided instead).
    case casesRecorded(numbers: [CaseNumber], cells: [CellState])
    /// A window of the case queue as `query` filters it: `total` rows in all, `rows` from `offset` on.
    case caseQueueLoaded(query: CaseQueueQuery, total: Int, offset: Int, rows: [CaseRow])
    /// The queue as `query` filters it, ordered by the points fixing each case would gain (`:sort gain`), with
    /// each case's gain; `follow` is the case the selection stays on.
    case caseGainOrderLoaded(query: CaseQueueQuery, order: [CaseNumber], gains: [CaseNumber: Double], follow: CaseNumber?)
    /// Rows of the gain-ordered queue from `offset` on, read by the numbers `requested` (a case closed since the
    /// order was computed is missing from `rows`).
    case caseGainRowsLoaded(query: CaseQueueQuery, offset: Int, requested: [CaseNumber], rows: [CaseRow])
    /// The cells of a range of board rows (`v`), resolved by the store for the scope and filter they were asked in.
    case rangeMarksLoaded(scope: CommunityScope, filter: CommunityFilter, keys: [CellKey])
    case dashboardLoaded(DashboardData)
    /// The assessment simulation for the dashboard's panel.
    case assessmentLoaded(AssessmentPanel)
    /// The declared-site register for the dashboard's site panel, by site number.
    case siteRegisterLoaded([DeclaredSite])
    /// A notification was recorded for a case; `message` goes to the clipboard.
    case caseNotified(number: CaseNumber, message: String, recipients: String)
    case caseDetailLoaded(CaseDetailData)
    /// A case moved from one state to another (its due day after the move); the queue (and detail) reload.
    case caseMoved(number: CaseNumber, from: CaseState, to: CaseState, dueOn: Day?)
    case detailLoaded(CellDetail)
    case searchResults(query: String, hits: [SearchHit])
    /// The board row a jump asked for (nil: not in the current scope and filter).
    case located(communityID: RowID, row: Int?)
    /// Another process committed; these cells changed (highlighted briefly).
    case externalChange(cells: [CellKey])
    /// The colour palette was switched.
    case paletteApplied(String)
    /// Progress of a background import.
    case importProgress(done: Int, total: Int)
    /// A background import ended (or was cancelled); the summary goes to the status bar.
    case importFinished(summary: String, failed: Bool)
    /// A master-data change from the browser's form was written (`summary` says what) or refused (the form shows why).
    case masterDataSaved(summary: String)
    case masterDataRefused(String)
    /// Walk mode (巡检): the rounds to walk, a round's sites (declared first), one site's stops.
    case walkRoundsLoaded([InspectionRound])
    case walkSitesLoaded(round: RowID, sites: [WalkSiteSummary], progress: WalkProgress)
    case walkSiteLoaded(round: RowID, site: WalkSite)
    /// An inspection was recorded in a round: the cell as it now is, and the cases a problem recorded.
    case inspected(key: CellKey, result: InspectionResult, cell: CellState, cases: [CaseNumber])
    case failed(String)
}

/// Side effects as data: the run loop performs them and feeds the results back as actions.
public enum Effect: Hashable, Sendable {
    /// Load the children of `parent` (nil: the offices) as browser column `depth`.
    case loadBrowser(depth: Int, parent: NodeRef?)
    /// Load a window of board rows with their cells. `total` is the row count when the reducer already knows
    /// it (scrolling within an unchanged scope and filter), so the store need not count again.
    case loadBoard(scope: CommunityScope, filter: CommunityFilter, offset: Int, limit: Int, total: Int?,
                   anchor: WindowAnchor? = nil)
    /// Record a problem (a case, 上报) at each of these cells; the cells follow their cases.
    case recordCases(targets: [CellKey], description: String, deadlineClass: DeadlineClass, source: CaseSource)
    /// Find the cells of these themes at board rows `rows` of a scope and filter (a range mark reaching past the
    /// fetched window).
    case loadRangeMarks(scope: CommunityScope, filter: CommunityFilter, rows: Range<Int>, themeIDs: [RowID])
    /// Write one change to these cells in one transaction.
    case saveStatus(targets: [CellKey], request: StatusChangeRequest)
    /// Put cells back to these states (undo), in one transaction.
    case restore([CellState], expecting: [CellState])
    case loadDetail(CellKey)
    case search(String)
    /// Find a community's row in the board's scope and filter.
    case locate(communityID: RowID, scope: CommunityScope, filter: CommunityFilter)
    /// Switch the colour palette (a built-in or installed palette file).
    case applyPalette(String)
    /// Load the dashboard for the current month (league of units, or property companies).
    case loadDashboard(byProperty: Bool)
    /// Simulate the assessment for the dashboard's panel (in the background): score, losing indicators, top fixes.
    case loadAssessment
    /// Read the declared-site register (a few hundred rows at most) for the dashboard's site panel.
    case loadSiteRegister
    /// Record a notification of a case (the service builds the message).
    case notifyCase(CaseNumber)
    /// Put text on the terminal's clipboard (OSC 52, through the terminal backend).
    case copyToClipboard(String)
    /// Load a window of the open cases (overdue first) as `query` filters them. `total` is the count when the reducer
    /// knows it (scrolling an unchanged queue), so the store need not count again; `anchor` lets it seek. With `follow`,
    /// the window is fetched around that case wherever it now is (a move may have changed its deadline).
    case loadCaseQueue(query: CaseQueueQuery, offset: Int, limit: Int, total: Int?, anchor: CaseQueueAnchor? = nil,
                       follow: CaseNumber? = nil)
    /// Order the open cases `query` passes by the points fixing each would gain (the assessment simulator's fixes,
    /// in the background), for `:sort gain`.
    case loadCaseGainOrder(query: CaseQueueQuery, follow: CaseNumber?)
    /// Read these cases of the gain-ordered queue (rows `offset…` of it), in one statement.
    case loadCaseRows(query: CaseQueueQuery, offset: Int, numbers: [CaseNumber])
    case loadCaseDetail(CaseNumber)
    /// Move these cases by one step, all of them or none (交办 without a unit: the lead unit today).
    case moveCases([CaseNumber], action: CaseAction, reason: String)
    /// Add or edit a street, community, unit or property company through GridCore's services.
    case saveMasterData(MasterDataEdit)
    /// Import a sheet in the background (the screen keeps working); `cancelImport` stops it, writing nothing.
    case startImport(String)
    case cancelImport
    /// Walk mode (巡检): the rounds an operator may walk, a round's sites, one site's themes with their check points.
    case loadWalkRounds
    case loadWalkSites(round: RowID)
    case loadWalkSite(round: RowID, communityID: RowID)
    /// Record an inspection of a cell in a round (达标 or 不适用): recorded even when the status does not change.
    case recordInspection(CellKey, result: InspectionResult, round: RowID)
    /// Record a problem found in a round: a case linked to the round (and the cell's inspection).
    case recordWalkProblem(CellKey, round: RowID, description: String, deadlineClass: DeadlineClass, source: CaseSource)
    case redraw
    case suspend
    case quit
}
