/// One assessment indicator (测评指标) of the field inspection (实地考察): the points it is worth, the themes whose
/// cells evidence it, and how the assessors deduct for what they find at the sites they visit.
public struct AssessmentIndicator: Hashable, Sendable {
    /// The handbook's code, e.g. `Ⅲ-04` (unique in a model).
    public var code: String
    public var name: String
    /// Points the indicator is worth.
    public var points: Double
    /// Theme codes (`public_ads` …) whose non-compliant cells count against the indicator.
    public var themes: [String]
    /// Site kinds where the indicator is observed; empty = every kind the themes apply to.
    public var kinds: Set<CommunityKind>
    /// Points off per problem found (one non-compliant cell at one visited site).
    public var perProblem: Double
    /// Extra points when that problem is overdue (逾期), and when it is repeated (notified before, or recurring).
    public var overdueExtra: Double
    public var repeatExtra: Double
    /// Most points the indicator can lose (≤ `points`).
    public var cap: Double

    /// Creates an indicator; the cap defaults to the indicator's points.
    public init(code: String, name: String, points: Double, themes: [String], kinds: Set<CommunityKind> = [], perProblem: Double,
                overdueExtra: Double = 0, repeatExtra: Double = 0, cap: Double? = nil) {
        self.code = code
        self.name = name
        self.points = points
        self.themes = themes
        self.kinds = kinds
        self.perProblem = perProblem
        self.overdueExtra = overdueExtra
        self.repeatExtra = repeatExtra
        self.cap = min(cap ?? points, points)
    }

    /// Whether a problem in theme `code` at a site of `kind` counts against this indicator.
    public func counts(theme code: String, at kind: CommunityKind) -> Bool {
        themes.contains(code) && (kinds.isEmpty || kinds.contains(kind))
    }

    /// The points one problem costs before the cap.
    public func problemPoints(overdue: Bool, repeated: Bool) -> Double {
        perProblem + (overdue ? overdueExtra : 0) + (repeated ? repeatExtra : 0)
    }
}

/// How many sites of a pool the assessors visit.
public enum SampleSize: Hashable, Sendable {
    /// A fixed number (all of them when the pool is smaller).
    case count(Int)
    /// A share of the pool, rounded up (0.1 of 23 sites visits 3).
    case share(Double)
    /// Every site of the pool.
    case all

    /// The number visited from a pool of `n` sites.
    public func visits(of n: Int) -> Int {
        switch self {
        case .count(let k): min(max(0, k), n)
        case .share(let x): min(n, Int((x * Double(n) - 1e-9).rounded(.up)))
        case .all: n
        }
    }
}

/// Which sites of a kind a sampling rule draws from.
public enum SitePool: String, Hashable, Sendable, CaseIterable {
    /// Every site of the kind.
    case any
    /// Only declared sites (申报点位).
    case declared
    /// Only sites that are not declared.
    case others

    /// Whether a site belongs to the pool.
    public func contains(declared: Bool) -> Bool {
        switch self {
        case .any: true
        case .declared: declared
        case .others: !declared
        }
    }

    /// Whether two pools of one kind can hold the same site.
    public func overlaps(_ other: SitePool) -> Bool { self == .any || other == .any || self == other }
}

/// One line of the sampling plan: the assessors visit `size` sites of `kind` from `pool`.
public struct SamplingRule: Hashable, Sendable {
    public var kind: CommunityKind
    public var pool: SitePool
    public var size: SampleSize

    /// Creates a rule.
    public init(kind: CommunityKind, pool: SitePool = .any, size: SampleSize) {
        self.kind = kind
        self.pool = pool
        self.size = size
    }
}

/// The rules of the annual performance assessment (年度综合绩效考核) that pick commendation and accountability candidates.
public struct AnnualRules: Hashable, Sendable {
    /// 表彰: the best `commendTop` places, and every unit at or above `commendMinScore` (0 / nil: not used).
    public var commendTop: Int
    public var commendMinScore: Double?
    /// 追责: the bottom `accountableBottom` places that lost points, and units named in at least `accountableNotices` notices.
    public var accountableBottom: Int
    public var accountableNotices: Int
    /// Units holding a 文明单位 title; reviewed for revocation when they are accountability candidates or score below
    /// `titleReviewBelow`.
    public var titledUnits: [String]
    public var titleReviewBelow: Double

    /// Creates annual rules.
    public init(commendTop: Int = 3, commendMinScore: Double? = nil, accountableBottom: Int = 3, accountableNotices: Int = 3,
                titledUnits: [String] = [], titleReviewBelow: Double = 90) {
        self.commendTop = commendTop
        self.commendMinScore = commendMinScore
        self.accountableBottom = accountableBottom
        self.accountableNotices = accountableNotices
        self.titledUnits = titledUnits
        self.titleReviewBelow = titleReviewBelow
    }
}

/// The office's model of the assessment: indicators, sampling plan, how likely each cell status is to be found a
/// problem, the target score and the annual rules. Data, not code: read from `assessment.toml`.
public struct AssessmentModel: Hashable, Sendable {
    public var edition: String
    public var indicators: [AssessmentIndicator]
    public var sampling: [SamplingRule]
    /// Probability that assessors visiting a site find a cell of this status a problem (有问题 1, 待复核 0.3 …);
    /// statuses not listed are never found (达标, 现场整改, 不适用).
    public var findRate: [CellStatus: Double]
    /// The score the office aims for.
    public var target: Double
    /// Days back a closed case on the same cell makes an open problem "repeated" (复发).
    public var repeatWindowDays: Int
    public var annual: AnnualRules

    /// Creates a model.
    public init(edition: String, indicators: [AssessmentIndicator], sampling: [SamplingRule], findRate: [CellStatus: Double],
                target: Double, repeatWindowDays: Int = 365, annual: AnnualRules = AnnualRules()) {
        self.edition = edition
        self.indicators = indicators
        self.sampling = sampling
        self.findRate = findRate
        self.target = target
        self.repeatWindowDays = repeatWindowDays
        self.annual = annual
    }

    /// The full score: the indicators' points added up.
    public var fullScore: Double { indicators.reduce(0) { $0 + $1.points } }

    /// The statuses assessors may find a problem in (rate above zero): the only cells the simulator needs.
    public var findableStatuses: Set<CellStatus> { Set(findRate.filter { $0.value > 0 }.keys) }
}
