/// A fix as listed to the office: the cell, its names, who answers for it, its open case and deadline, and the
/// expected points it gains.
public struct AssessmentFixRow: Hashable, Sendable {
    public var key: CellKey
    public var streetName: String
    public var communityName: String
    public var themeName: String
    /// The lead unit today (empty when none).
    public var unitName: String
    public var status: CellStatus
    public var dueOn: Day?
    public var overdue: Bool
    public var caseNumber: CaseNumber?
    public var gain: Double

    /// Creates a row.
    public init(key: CellKey, streetName: String, communityName: String, themeName: String, unitName: String, status: CellStatus,
                dueOn: Day?, overdue: Bool, caseNumber: CaseNumber?, gain: Double) {
        self.key = key
        self.streetName = streetName
        self.communityName = communityName
        self.themeName = themeName
        self.unitName = unitName
        self.status = status
        self.dueOn = dueOn
        self.overdue = overdue
        self.caseNumber = caseNumber
        self.gain = gain
    }
}

/// The simulation as the dashboard shows it: the predicted score, the indicators losing most and the top fixes.
public struct AssessmentSummary: Hashable, Sendable {
    public var outcome: AssessmentOutcome
    public var fixes: [AssessmentFixRow]

    /// Creates a summary.
    public init(outcome: AssessmentOutcome, fixes: [AssessmentFixRow]) {
        self.outcome = outcome
        self.fixes = fixes
    }
}
