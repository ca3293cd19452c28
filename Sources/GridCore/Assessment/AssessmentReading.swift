/// A site the assessors may visit: a community (小区) or declared inspection site (申报点位) with its kind.
public struct AssessmentSite: Hashable, Sendable {
    public var id: RowID
    public var kind: CommunityKind
    /// Whether it is on the declared list (申报点位).
    public var declared: Bool

    /// Creates a site.
    public init(id: RowID, kind: CommunityKind, declared: Bool) {
        self.id = id
        self.kind = kind
        self.declared = declared
    }
}

/// A cell as the simulator needs it: where, which theme, its status and deadline.
public struct AssessmentCell: Hashable, Sendable {
    public var communityID: RowID
    public var themeID: RowID
    public var status: CellStatus
    public var dueOn: Day?

    /// Creates a cell.
    public init(communityID: RowID, themeID: RowID, status: CellStatus, dueOn: Day? = nil) {
        self.communityID = communityID
        self.themeID = themeID
        self.status = status
        self.dueOn = dueOn
    }

    /// The cell's key.
    public var key: CellKey { CellKey(communityID: communityID, themeID: themeID) }
}

/// An open case as the simulator needs it (what-if closes it on its due day; repeated problems cost extra).
public struct AssessmentOpenCase: Hashable, Sendable {
    public var number: CaseNumber
    public var communityID: RowID
    public var themeID: RowID
    public var state: CaseState
    public var dueOn: Day?
    /// Named in a notice already, or the same cell had a case closed within the repeat window (复发).
    public var repeated: Bool

    /// Creates an open case.
    public init(number: CaseNumber, communityID: RowID, themeID: RowID, state: CaseState, dueOn: Day?, repeated: Bool) {
        self.number = number
        self.communityID = communityID
        self.themeID = themeID
        self.state = state
        self.dueOn = dueOn
        self.repeated = repeated
    }

    /// The cell's key.
    public var key: CellKey { CellKey(communityID: communityID, themeID: themeID) }
}

/// Everything the simulator reads from a store, in three set-based reads.
public struct AssessmentBoard: Hashable, Sendable {
    /// Every community in scope (compliant ones too: they can be drawn).
    public var sites: [AssessmentSite]
    /// The cells of those sites in the statuses asked for.
    public var cells: [AssessmentCell]
    /// The open cases of those sites.
    public var openCases: [AssessmentOpenCase]

    /// Creates a board.
    public init(sites: [AssessmentSite], cells: [AssessmentCell], openCases: [AssessmentOpenCase]) {
        self.sites = sites
        self.cells = cells
        self.openCases = openCases
    }
}

/// What the assessment simulator and the annual assessment read from a store.
public protocol AssessmentReading: Sendable {
    /// The sites in `scope`, their cells whose status is in `statuses`, and their open cases; a case is `repeated` when
    /// a notice named it or a case of the same cell was closed (结案 or 现场整改) after being found on or after `repeatSince`.
    func assessmentBoard(in scope: CommunityScope, statuses: Set<CellStatus>, repeatSince: Day) throws(GridError) -> AssessmentBoard
    /// For every case found between two local days (inclusive; the office is `utcOffsetSeconds` east of UTC) that a notice
    /// named, the notices naming it (`2026·第4期`), oldest first.
    func noticesNaming(casesFoundFrom first: Day, to last: Day, utcOffsetSeconds: Int) throws(GridError) -> [CaseNumber: [String]]
}
