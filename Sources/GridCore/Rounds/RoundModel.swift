/// A round's number (检查轮次编号), shown as `#3`; numbered by the services, one sequence per database.
public typealias RoundID = RowID

/// What kind of checking a round is. The kind decides the source of the cases its problems record
/// (`caseSource`) and which rounds count as a lead unit's self-inspections (the declared-site register).
public enum RoundKind: String, CaseIterable, Sendable, Codable {
    /// 自查: a responsible unit checks its own places (lead units of declared sites owe these on a cadence).
    case selfInspection = "self_inspection"
    /// 督查: the office's own supervision visit.
    case supervision
    /// 两督: the two supervision offices inspecting together.
    case jointSupervision = "joint_supervision"
    /// 暗访: an unannounced visit.
    case unannounced
    /// 模拟测评: a mock assessment run like the real one.
    case mockAssessment = "mock_assessment"

    /// Chinese label.
    public var zh: String {
        switch self {
        case .selfInspection: "自查"
        case .supervision: "督查"
        case .jointSupervision: "两督"
        case .unannounced: "暗访"
        case .mockAssessment: "模拟测评"
        }
    }

    /// English label.
    public var en: String {
        switch self {
        case .selfInspection: "self-inspection"
        case .supervision: "supervision"
        case .jointSupervision: "joint supervision"
        case .unannounced: "unannounced visit"
        case .mockAssessment: "mock assessment"
        }
    }

    /// The source a problem found in a round of this kind records on its case.
    ///
    /// The case ledger's sources are fixed by schema v2's CHECK (frozen), and it has no 两督, 暗访 or 模拟测评: those
    /// are all the office's own checking, so they record 督查 (supervision), which is also what scoring charges for
    /// them. A mock assessment is not the real assessment's feedback (测评反馈, which scoring charges three times as
    /// much), so it is 督查 too. The exact kind is never lost: the inspection that recorded the case keeps its round
    /// (`inspection.case_id` → `inspection.round_id`, schema v8), and `civgrid case show` names it.
    public var caseSource: CaseSource {
        switch self {
        case .selfInspection: .selfInspection
        case .supervision, .jointSupervision, .unannounced, .mockAssessment: .supervision
        }
    }

    /// Finds a kind by code, Chinese or English label (`self_inspection`, `自查`, `self-inspection`).
    public static func parse(_ text: String) -> RoundKind? {
        let t = text.trimmingWhitespace().lowercased()
        guard !t.isEmpty else { return nil }
        return allCases.first { $0.rawValue == t || $0.zh == t || $0.en == t || $0.rawValue.replacingUnderscores == t }
    }

    /// Every accepted spelling, for messages.
    public static var spellings: String { allCases.map { "\($0.rawValue) (\($0.zh))" }.joined(separator: ", ") }
}

/// Where a round is in its life: planned → in progress → closed, and no other way.
public enum RoundState: String, CaseIterable, Sendable, Codable {
    case planned, inProgress = "in_progress", closed

    /// Chinese label.
    public var zh: String {
        switch self {
        case .planned: "计划中"
        case .inProgress: "进行中"
        case .closed: "已结束"
        }
    }
}

/// Which cells a round checks: communities (named, or every community of the named streets), optionally only
/// declared sites (申报点位), and themes. Empty lists mean "all": an empty scope is every live community and theme.
public struct RoundScope: Hashable, Sendable, Codable {
    public var streetIDs: [RowID]
    public var communityIDs: [RowID]
    public var themeIDs: [RowID]
    /// Only declared inspection sites (communities with a site number).
    public var declaredSitesOnly: Bool

    /// Creates a scope; the default is everything.
    public init(streetIDs: [RowID] = [], communityIDs: [RowID] = [], themeIDs: [RowID] = [], declaredSitesOnly: Bool = false) {
        self.streetIDs = streetIDs
        self.communityIDs = communityIDs
        self.themeIDs = themeIDs
        self.declaredSitesOnly = declaredSitesOnly
    }

    /// Every community and theme.
    public static let everything = RoundScope()

    /// Whether `community` is in scope (by name, by street, or — with no places named — every one).
    public func covers(_ community: Community) -> Bool {
        if declaredSitesOnly && community.declaredSite == nil { return false }
        if streetIDs.isEmpty && communityIDs.isEmpty { return true }
        return communityIDs.contains(community.id) || streetIDs.contains(community.streetID)
    }

    /// Whether the theme is in scope.
    public func covers(themeID: RowID) -> Bool { themeIDs.isEmpty || themeIDs.contains(themeID) }
}

/// A round of checking (检查轮次): who checks what, when, and how far it has got.
public struct InspectionRound: Hashable, Sendable {
    public var id: RoundID
    /// What the office calls it (`12月第1周两督`); unique among rounds.
    public var name: String
    public var kind: RoundKind
    /// The unit doing a self-inspection (自查), nil for the office's rounds.
    public var unitID: RowID?
    /// The planned dates, inclusive.
    public var from: Day
    public var to: Day
    /// The operators' logins who check in this round; empty: anyone who may record inspections.
    public var team: [String]
    public var scope: RoundScope
    public var state: RoundState
    public var createdBy: String
    public var createdAt: Timestamp
    public var startedAt: Timestamp?
    public var closedAt: Timestamp?

    /// Creates a round.
    public init(id: RoundID, name: String, kind: RoundKind, unitID: RowID? = nil, from: Day, to: Day, team: [String] = [],
                scope: RoundScope = .everything, state: RoundState = .planned, createdBy: String, createdAt: Timestamp,
                startedAt: Timestamp? = nil, closedAt: Timestamp? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.unitID = unitID
        self.from = from
        self.to = to
        self.team = team
        self.scope = scope
        self.state = state
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.closedAt = closedAt
    }

    /// `#3 两督 12月第1周两督`, for messages and lists.
    public var label: String { "#\(id) \(kind.zh) \(name)" }
}

/// What an operator fills in to plan a round (`civgrid round add`).
public struct RoundDraft: Hashable, Sendable {
    public var name: String
    public var kind: RoundKind
    public var unitID: RowID?
    public var from: Day
    public var to: Day
    public var team: [String]
    public var scope: RoundScope

    /// Creates a draft.
    public init(name: String, kind: RoundKind, unitID: RowID? = nil, from: Day, to: Day, team: [String] = [],
                scope: RoundScope = .everything) {
        self.name = name
        self.kind = kind
        self.unitID = unitID
        self.from = from
        self.to = to
        self.team = team
        self.scope = scope
    }
}

extension String {
    /// `self_inspection` → `self-inspection`.
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
