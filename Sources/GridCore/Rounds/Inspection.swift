/// What an inspector found at a cell (检查结果). Each result is also a cell status key, so recording it goes
/// through the same status service as pressing that key: 达标 on a 达标 cell changes nothing but is still recorded.
public enum InspectionResult: String, CaseIterable, Sendable, Codable {
    /// 达标: checked and compliant.
    case ok
    /// 有问题: a problem, recorded as a case (source from the round's kind).
    case problem
    /// 现场整改: a problem fixed on the spot.
    case fixedOnSite = "fixed"
    /// 不适用: the theme does not apply here.
    case notApplicable = "na"

    /// Chinese label.
    public var zh: String { status.zh }

    /// The cell status the result asks for.
    public var status: CellStatus {
        switch self {
        case .ok: .ok
        case .problem: .problem
        case .fixedOnSite: .fixedOnSite
        case .notApplicable: .notApplicable
        }
    }

    /// Finds a result by code, Chinese label, English word or status key (`ok`, `达标`, `1`; `problem`, `有问题`, `2`;
    /// `fixed`, `现场整改`, `5`; `na`, `不适用`, `7`).
    public static func parse(_ text: String) -> InspectionResult? {
        guard let status = CellStatus.parse(text) else { return nil }
        return allCases.first { $0.status == status }
    }

    /// Every accepted spelling, for messages.
    public static var spellings: String { allCases.map { "\($0.rawValue)/\($0.zh)/\($0.status.key)" }.joined(separator: ", ") }
}

/// One inspection to record (`civgrid inspect`, the console's walk mode).
public struct InspectionRequest: Hashable, Sendable {
    /// The round it belongs to; nil for a check outside any round.
    public var roundID: RoundID?
    public var cell: CellKey
    public var result: InspectionResult
    /// What was seen; for 有问题 the case's description (required then).
    public var note: String
    /// For 有问题: the case's deadline class, location, urgency. The source is the round's kind's (`RoundKind.caseSource`);
    /// outside a round it is `problem.source`.
    public var problem: ProblemDetails

    /// Creates a request.
    public init(roundID: RoundID? = nil, cell: CellKey, result: InspectionResult, note: String = "",
                problem: ProblemDetails = ProblemDetails()) {
        self.roundID = roundID
        self.cell = cell
        self.result = result
        self.note = note
        self.problem = problem
    }
}

/// An inspection as recorded: an append-only fact (who checked which cell, when, in which round, what they found,
/// and the case it recorded).
public struct InspectionRecord: Hashable, Sendable {
    public var id: Int64
    public var roundID: RoundID?
    /// The round's kind, kept with the inspection (nil outside a round).
    public var kind: RoundKind?
    public var cell: CellKey
    public var result: InspectionResult
    public var at: Timestamp
    public var by: String
    public var note: String
    /// The case a 有问题 recorded.
    public var caseNumber: CaseNumber?

    /// Creates a record.
    public init(id: Int64, roundID: RoundID?, kind: RoundKind?, cell: CellKey, result: InspectionResult, at: Timestamp, by: String,
                note: String = "", caseNumber: CaseNumber? = nil) {
        self.id = id
        self.roundID = roundID
        self.kind = kind
        self.cell = cell
        self.result = result
        self.at = at
        self.by = by
        self.note = note
        self.caseNumber = caseNumber
    }
}

/// What recording one inspection did: the fact, and what happened to the cell (often nothing).
public struct InspectionOutcome: Hashable, Sendable {
    public var inspection: InspectionRecord
    public var cell: CellOutcome

    /// Creates an outcome.
    public init(inspection: InspectionRecord, cell: CellOutcome) {
        self.inspection = inspection
        self.cell = cell
    }

    /// Whether the cell's status changed (the inspection itself is always recorded).
    public var changedCell: Bool { cell.before.status != cell.after.status || !cell.cases.isEmpty }
}
