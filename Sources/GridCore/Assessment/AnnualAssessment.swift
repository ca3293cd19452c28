/// One unit's line of the annual performance assessment (年度综合绩效考核).
public struct AnnualRow: Hashable, Sendable {
    public var place: Int
    public var line: ScoreLine
    /// Cases found at its communities in the year, closed, closed on time, and sent back at least once (返工).
    public var found: Int
    public var closed: Int
    public var onTime: Int
    public var reworked: Int
    /// The notices (`2026·第4期`) that named at least one of its cases, in order.
    public var notices: [String]
    /// 表彰候选: why it is a commendation candidate (empty: it is not).
    public var commendation: [String]
    /// 追责候选: why it is an accountability candidate (empty: it is not).
    public var accountability: [String]
    /// Holds a 文明单位 title that is to be reviewed for revocation.
    public var titleReview: Bool
}

/// One deduction that cost points, with the people who answered for the place when the case was registered (倒查责任).
public struct TraceBackLine: Hashable, Sendable {
    public var unitName: String
    public var caseNumber: CaseNumber
    public var communityID: RowID
    public var reason: String
    public var points: Double
    /// 责任领导 (the unit's head) and 责任人 (its liaison) from the case's chain snapshot.
    public var leader: Contact
    public var person: Contact
    public var propertyName: String?
    public var manager: Contact?
}

/// The year's table, best first, and the trace-back of every deduction (the lowest-scoring unit's first).
public struct AnnualAssessment: Hashable, Sendable {
    public var year: Int
    public var rows: [AnnualRow]
    public var traceBack: [TraceBackLine]

    /// Names of the commendation candidates, best first.
    public var commendations: [AnnualRow] { rows.filter { !$0.commendation.isEmpty } }
    /// Accountability candidates, worst first.
    public var accountability: [AnnualRow] { rows.filter { !$0.accountability.isEmpty }.reversed() }
    /// Titled units to review, worst first.
    public var titleReviews: [AnnualRow] { rows.filter(\.titleReview).reversed() }
}

extension AnnualAssessment {
    /// Builds the year's table from its scored cases: scores by the deduction rules (as `rank` does), counts per unit,
    /// the notices naming each unit's cases, and the candidates by the annual rules.
    public static func build(year: Int, cases: [ScoredCase], deductions: DeductionRules, rules: AnnualRules, unitNames: [String],
                             notices: [CaseNumber: [String]], asOf: Day) -> AnnualAssessment {
        let table = Scoring.table(Scoring.league(cases, rules: deductions, asOf: asOf, byProperty: false, names: unitNames))
        let byUnit = Dictionary(grouping: cases.filter { $0.record.state != .void }, by: { $0.unitName ?? "" })
        let byNumber = Dictionary(cases.map { ($0.record.number, $0) }, uniquingKeysWith: { a, _ in a })
        let lastPlaces = Set(table.suffix(from: max(0, table.count - rules.accountableBottom)).map(\.line.name))
        var rows: [AnnualRow] = []
        for r in table {
            let mine = byUnit[r.line.name] ?? []
            let closed = mine.filter { $0.closedOn != nil }
            let onTime = closed.filter { c in c.record.dueOn.map { c.closedOn! <= $0 } ?? true }
            var seen = Set<String>(), named: [String] = []
            for c in mine.sorted(by: { $0.record.number < $1.record.number }) {
                for n in notices[c.record.number] ?? [] where seen.insert(n).inserted { named.append(n) }
            }
            var commend: [String] = [], account: [String] = []
            if rules.commendTop > 0, r.place <= rules.commendTop { commend.append("前\(rules.commendTop)名") }
            if let min = rules.commendMinScore, r.line.score >= min - 1e-9 { commend.append("得分≥\(trim(min))") }
            if lastPlaces.contains(r.line.name), !r.line.deductions.isEmpty { account.append("倒数\(rules.accountableBottom)名") }
            if rules.accountableNotices > 0, named.count >= rules.accountableNotices { account.append("被通报\(named.count)次") }
            if !account.isEmpty { commend = [] }
            let titled = rules.titledUnits.contains(r.line.name)
            rows.append(AnnualRow(place: r.place, line: r.line, found: mine.count, closed: closed.count, onTime: onTime.count,
                                  reworked: mine.filter { $0.record.reworkCount > 0 }.count, notices: named, commendation: commend,
                                  accountability: account,
                                  titleReview: titled && (!account.isEmpty || r.line.score < rules.titleReviewBelow - 1e-9)))
        }
        var trace: [TraceBackLine] = []
        for row in rows.reversed() where !row.line.deductions.isEmpty {
            for d in row.line.deductions {
                guard let c = byNumber[d.caseNumber] else { continue }
                let chain = c.record.chain
                trace.append(TraceBackLine(unitName: row.line.name, caseNumber: d.caseNumber, communityID: c.record.communityID,
                                           reason: d.reason, points: d.points, leader: chain.head, person: chain.liaison,
                                           propertyName: chain.propertyName, manager: chain.manager))
            }
        }
        return AnnualAssessment(year: year, rows: rows, traceBack: trace)
    }

    /// `98` or `97.5`, for reasons.
    static func trim(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}
