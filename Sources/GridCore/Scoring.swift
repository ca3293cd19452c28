/// Who a deduction falls on.
public enum DeductionTarget: String, Sendable, Codable, CaseIterable {
    case unit, property, both
}

/// The office's deduction rules for a year: data, not code (edited in deductions.toml).
public struct DeductionRules: Hashable, Sendable {
    /// Points per problem by who found it.
    public var perSource: [CaseSource: Double]
    /// Multiplier by source (×2 for media or leader-assigned cases …).
    public var multiplier: [CaseSource: Double]
    /// Points when a case was not fixed by its due day (closed late, or still open past it).
    public var notFixedInTime: Double
    /// Points per rework (verification failed).
    public var perRework: Double
    /// Points when a problem appears again in a later notice.
    public var repeatedInNotice: Double
    /// Who the points fall on, by theme code; themes not listed use `defaultTarget`.
    public var targets: [String: DeductionTarget]
    public var defaultTarget: DeductionTarget

    /// Creates rules.
    public init(perSource: [CaseSource: Double], multiplier: [CaseSource: Double] = [:], notFixedInTime: Double, perRework: Double,
                repeatedInNotice: Double, targets: [String: DeductionTarget] = [:], defaultTarget: DeductionTarget = .unit) {
        self.perSource = perSource
        self.multiplier = multiplier
        self.notFixedInTime = notFixedInTime
        self.perRework = perRework
        self.repeatedInNotice = repeatedInNotice
        self.targets = targets
        self.defaultTarget = defaultTarget
    }

    /// A county's usual rules: own self-inspection 0.3, county supervision 0.5, higher level 1; media and
    /// higher-level cases doubled; property companies answer for corridors, flying leads and their notices.
    public static let standard = DeductionRules(
        perSource: [.selfInspection: 0.3, .gridWorker: 0.3, .supervision: 0.5, .citizen: 0.5, .assessment: 1, .higherLevel: 1, .media: 1],
        multiplier: [.media: 2, .higherLevel: 2], notFixedInTime: 0.5, perRework: 0.2, repeatedInNotice: 0.5,
        targets: ["corridors": .both, "flying_leads": .property, "property_service": .property], defaultTarget: .unit)
}

/// One reason for points off, for drilling into a score.
public struct Deduction: Hashable, Sendable {
    public var caseNumber: CaseNumber
    public var reason: String
    public var points: Double
}

/// A unit's or property company's score for a period.
public struct ScoreLine: Hashable, Sendable {
    public var name: String
    public var deductions: [Deduction]
    /// 100 minus the deductions (never below 0).
    public var score: Double { max(0, 100 - deductions.reduce(0) { $0 + $1.points }) }
    /// The score in hundredths of a point, as printed: equal printed scores tie.
    public var hundredths: Int { Int((score * 100).rounded()) }
}

/// A case with what scoring needs to know beyond the record.
public struct ScoredCase: Sendable {
    public var record: CaseRecord
    public var themeCode: String
    /// The unit the points fall on (handling unit, else the lead unit when registered).
    public var unitName: String?
    public var propertyName: String?
    /// The day the case was closed, if it was.
    public var closedOn: Day?
    /// Whether it appeared in an earlier notice and again in a later one.
    public var repeatedInNotice: Bool

    /// Creates a scored case.
    public init(record: CaseRecord, themeCode: String, unitName: String?, propertyName: String?, closedOn: Day?, repeatedInNotice: Bool) {
        self.record = record
        self.themeCode = themeCode
        self.unitName = unitName
        self.propertyName = propertyName
        self.closedOn = closedOn
        self.repeatedInNotice = repeatedInNotice
    }
}

/// Scores from cases and rules: pure, so a league table can be checked by hand against the rules file.
public enum Scoring {
    /// The deductions one case brings, as of `asOf` (the end of the period).
    public static func deductions(for c: ScoredCase, rules: DeductionRules, asOf: Day) -> [Deduction] {
        let r = c.record
        guard r.state != .void else { return [] }
        let factor = rules.multiplier[r.source] ?? 1
        var out = [Deduction(caseNumber: r.number, reason: "\(r.source.zh)发现", points: (rules.perSource[r.source] ?? 0) * factor)]
        if let due = r.dueOn, r.state != .parked {
            let late = c.closedOn.map { $0 > due } ?? (r.state.isOpen && due < asOf)
            if late { out.append(Deduction(caseNumber: r.number, reason: "未按期整改", points: rules.notFixedInTime * factor)) }
        }
        if r.reworkCount > 0 {
            out.append(Deduction(caseNumber: r.number, reason: "返工 \(r.reworkCount) 次", points: Double(r.reworkCount) * rules.perRework * factor))
        }
        if c.repeatedInNotice { out.append(Deduction(caseNumber: r.number, reason: "重复通报", points: rules.repeatedInNotice * factor)) }
        return out.filter { $0.points > 0 }
    }

    /// Scores of units (or property companies) for cases found in a period, lowest first (equal scores by name).
    ///
    /// `names` are every unit (or property company) in scope: those without deductions score 100 and are
    /// listed too, so the table and its bottom three cover everyone answerable, not only those who lost points.
    public static func league(_ cases: [ScoredCase], rules: DeductionRules, asOf: Day, byProperty: Bool,
                              names: [String] = []) -> [ScoreLine] {
        var lines: [String: [Deduction]] = [:]
        for name in names where !name.isEmpty { lines[name] = [] }
        for c in cases {
            let target = rules.targets[c.themeCode] ?? rules.defaultTarget
            let name: String?
            if byProperty {
                guard target != .unit else { continue }
                name = c.propertyName
            } else {
                guard target != .property else { continue }
                name = c.unitName
            }
            guard let name, !name.isEmpty else { continue }
            lines[name, default: []] += deductions(for: c, rules: rules, asOf: asOf)
        }
        return lines.map { ScoreLine(name: $0.key, deductions: $0.value) }
            .sorted { ($0.hundredths, $0.name) < ($1.hundredths, $1.name) }
    }
}

/// A reporting period: a month (`2026-11`), a quarter (`2026-Q4`) or a year (`2026`).
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public var first: Day
    public var last: Day
    public var description: String

    /// Parses `2026-11`, `2026-Q4` or `2026`.
    public init?(_ text: String) {
        let t = FullWidth.fold(text).trimmingWhitespace().uppercased()
        let parts = t.split(separator: "-").map(String.init)
        guard let year = Int(parts.first ?? ""), parts[0].count == 4 else { return nil }
        description = t
        switch parts.count {
        case 1:
            guard let f = Day(year: year, month: 1, day: 1), let l = Day(year: year, month: 12, day: 31) else { return nil }
            (first, last) = (f, l)
        case 2 where parts[1].hasPrefix("Q"):
            guard let q = Int(parts[1].dropFirst()), (1...4).contains(q), let f = Day(year: year, month: q * 3 - 2, day: 1) else { return nil }
            first = f
            last = (q == 4 ? Day(year: year + 1, month: 1, day: 1)! : Day(year: year, month: q * 3 + 1, day: 1)!).adding(days: -1)
        case 2:
            guard let m = Int(parts[1]), (1...12).contains(m), let f = Day(year: year, month: m, day: 1) else { return nil }
            first = f
            last = (m == 12 ? Day(year: year + 1, month: 1, day: 1)! : Day(year: year, month: m + 1, day: 1)!).adding(days: -1)
        default:
            return nil
        }
    }

    /// Whether a day falls in the period.
    public func contains(_ day: Day) -> Bool { first <= day && day <= last }
}
