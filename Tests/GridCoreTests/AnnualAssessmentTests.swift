import GridCore
import Testing

@Suite("The annual performance assessment")
struct AnnualAssessmentTests {
    let asOf = Day("2026-12-31")!

    func scored(_ seq: Int, unit: String, source: CaseSource = .supervision, state: CaseState = .closed, due: String? = "2026-06-10",
                closed: String? = "2026-06-09", rework: Int = 0, head: String = "王建国") -> ScoredCase {
        var chain = ChainSnapshot(chain: [])
        chain.unitName = unit
        chain.head = Contact(name: head, phone: "13900001111")
        chain.liaison = Contact(name: "李秀英", phone: "13800002222")
        chain.propertyName = "阳光物业服务有限公司"
        chain.manager = Contact(name: "赵磊", phone: "13700003333")
        var r = CaseRecord(number: CaseNumber(year: 2026, sequence: seq), source: source, communityID: RowID(seq), themeID: 1,
                           description: "楼道堆物", deadlineClass: .threeDays, foundAt: Timestamp(millis: 1_780_000_000_000), foundBy: "督查员",
                           chain: chain)
        r.state = state
        r.dueOn = due.flatMap(Day.init)
        r.reworkCount = rework
        return ScoredCase(record: r, themeCode: "sanitation", unitName: unit, propertyName: chain.propertyName,
                          closedOn: closed.flatMap(Day.init), repeatedInNotice: false)
    }

    @Test("scores, counts, notices, candidates and the trace-back, checked by hand")
    func table() {
        // 县住建局: 2 supervision cases (0.5 each), one closed late (+0.5) and reworked once (+0.2) → 98.3.
        // 县城管局: one media case, ×2: 1 × 2 = 2, still open past due (+0.5 × 2) → 97. 县文旅局 and 县教育局: none → 100.
        let cases = [
            scored(1, unit: "县住建局"),
            scored(2, unit: "县住建局", closed: "2026-06-12", rework: 1),
            scored(3, unit: "县城管局", source: .media, state: .rectifying, closed: nil, head: "张伟"),
            scored(4, unit: "县城管局", state: .void, closed: nil),
        ]
        let notices: [CaseNumber: [String]] = [CaseNumber(year: 2026, sequence: 3): ["2026·第3期", "2026·第5期"],
                                               CaseNumber(year: 2026, sequence: 2): ["2026·第3期"]]
        let rules = AnnualRules(commendTop: 1, commendMinScore: 98, accountableBottom: 1, accountableNotices: 2,
                                titledUnits: ["县城管局", "县文旅局"], titleReviewBelow: 99)
        let a = AnnualAssessment.build(year: 2026, cases: cases, deductions: .standard, rules: rules,
                                       unitNames: ["县住建局", "县城管局", "县文旅局", "县教育局"], notices: notices, asOf: asOf)
        #expect(a.rows.map(\.line.name) == ["县文旅局", "县教育局", "县住建局", "县城管局"], "ties as `rank` lists them")
        #expect(a.rows.map(\.place) == [1, 1, 3, 4])
        #expect(a.rows.map { $0.line.hundredths } == [10_000, 10_000, 9_830, 9_700])
        let zhujian = a.rows[2], chengguan = a.rows[3]
        #expect((zhujian.found, zhujian.closed, zhujian.onTime, zhujian.reworked) == (2, 2, 1, 1))
        #expect((chengguan.found, chengguan.closed, chengguan.onTime) == (1, 0, 0), "a void case is not counted")
        #expect(zhujian.notices == ["2026·第3期"] && chengguan.notices == ["2026·第3期", "2026·第5期"])
        #expect(a.commendations.map(\.line.name) == ["县文旅局", "县教育局", "县住建局"], "first place (tied) and ≥ 98")
        #expect(chengguan.accountability == ["倒数1名", "被通报2次"])
        #expect(a.titleReviews.map(\.line.name) == ["县城管局"], "县文旅局 holds a title but scores 100")
        #expect(a.traceBack.first?.unitName == "县城管局", "the lowest-scoring unit's deductions first")
        let media = a.traceBack.filter { $0.caseNumber.sequence == 3 }
        #expect(media.map(\.points) == [2, 1])
        #expect(media.allSatisfy { $0.leader.name == "张伟" && $0.person.name == "李秀英" && $0.manager?.name == "赵磊" })
        #expect(abs(a.traceBack.reduce(0) { $0 + $1.points } - (100 * 4 - a.rows.reduce(0) { $0 + $1.line.score })) < 1e-9)
    }

    @Test("nobody is commended who is also named for accountability")
    func notBoth() {
        let cases = [scored(1, unit: "县住建局")]
        let rules = AnnualRules(commendTop: 1, accountableBottom: 1, accountableNotices: 0)
        let a = AnnualAssessment.build(year: 2026, cases: cases, deductions: .standard, rules: rules, unitNames: ["县住建局"],
                                       notices: [:], asOf: asOf)
        #expect(a.rows[0].accountability == ["倒数1名"] && a.rows[0].commendation.isEmpty)
    }
}
