import Testing
@testable import GridCore

@Suite("League tables list everyone in scope")
struct LeagueTests {
    let asOf = Day("2026-11-30")!

    func scored(_ seq: Int, _ source: CaseSource, unit: String, theme: String = "sanitation", property: String? = nil) -> ScoredCase {
        var r = CaseRecord(number: CaseNumber(year: 2026, sequence: seq), source: source, communityID: 1, themeID: 1, description: "x",
                           deadlineClass: .threeDays, foundAt: Timestamp(millis: 0), foundBy: "z", chain: ChainSnapshot(chain: []))
        r.state = .closed
        r.dueOn = Day("2026-11-10")
        return ScoredCase(record: r, themeCode: theme, unitName: unit, propertyName: property, closedOn: Day("2026-11-08"), repeatedInNotice: false)
    }

    @Test("units without deductions score 100 and are listed; ties share a place; the bottom three are the real bottom three")
    func everyUnit() {
        let cases = [
            scored(1, .supervision, unit: "县住建局"),   // 99.5
            scored(2, .supervision, unit: "县城管局"),   // 99.5, tied
            scored(3, .selfInspection, unit: "县水利局"), // 99.7
            scored(4, .higherLevel, unit: "县教育局"),   // 1 × 2 = 98.0
            scored(5, .selfInspection, unit: "县旧单位"), // 99.7: no longer in scope, still answers for its case
        ]
        let names = ["县住建局", "县城管局", "县水利局", "县教育局", "县文旅局", "县卫健局", "", "县文旅局"]
        let lines = Scoring.league(cases, rules: .standard, asOf: asOf, byProperty: false, names: names)
        #expect(lines.map(\.name) == ["县教育局", "县住建局", "县城管局", "县旧单位", "县水利局", "县卫健局", "县文旅局"])
        #expect(lines.map(\.score) == [98, 99.5, 99.5, 99.7, 99.7, 100, 100])
        #expect(lines.suffix(2).map(\.deductions.count) == [0, 0])
        // Best first: (name, place, named among the bottom three).
        let table = Scoring.table(lines).map { ($0.line.name, $0.place, $0.isBottomThree) }
        let expected: [(String, Int, Bool)] = [
            ("县文旅局", 1, false), ("县卫健局", 1, false), ("县水利局", 3, false), ("县旧单位", 3, false),
            ("县城管局", 5, true), ("县住建局", 5, true), ("县教育局", 7, true),
        ]
        #expect(table.count == expected.count)
        for (got, want) in zip(table, expected) {
            #expect(got.0 == want.0 && got.1 == want.1 && got.2 == want.2, "\(got) ≠ \(want)")
        }
        #expect(Scoring.league(cases, rules: .standard, asOf: asOf, byProperty: false).count == 5, "without names: only those with deductions")
    }

    @Test("ties at the edge are all named; units without deductions never are", arguments: [
        (["甲": 1, "乙": 2, "丙": 3, "丁": 3], ["乙", "丙", "丁"]),
        (["甲": 3, "乙": 2, "丙": 1, "丁": 1], ["甲", "乙", "丙", "丁"]),
        (["甲": 1, "乙": 1, "丙": 1, "丁": 1], ["甲", "乙", "丙", "丁"]),
        (["甲": 1], ["甲"]),
        ([:], []),
    ])
    func bottomThree(supervisionCases: [String: Int], named: [String]) {
        var seq = 0
        let cases = supervisionCases.flatMap { unit, n in (0..<n).map { _ in seq += 1; return scored(seq, .supervision, unit: unit) } }
        let lines = Scoring.league(cases, rules: .standard, asOf: asOf, byProperty: false, names: ["甲", "乙", "丙", "丁", "戊", "己"])
        #expect(lines.count == 6)
        #expect(Set(Scoring.table(lines).filter(\.isBottomThree).map(\.line.name)) == Set(named))
    }

    @Test("property companies: every company in scope, only the property's themes count")
    func properties() {
        let cases = [scored(1, .supervision, unit: "县住建局", theme: "flying_leads", property: "阳光物业"),
                     scored(2, .supervision, unit: "县住建局", theme: "sanitation", property: "绿城物业")]
        let lines = Scoring.league(cases, rules: .standard, asOf: asOf, byProperty: true, names: ["绿城物业", "阳光物业"])
        #expect(lines.map(\.name) == ["阳光物业", "绿城物业"])
        #expect(lines.map(\.score) == [99.5, 100])
        #expect(Scoring.table(lines).map(\.place) == [1, 2])
    }
}
