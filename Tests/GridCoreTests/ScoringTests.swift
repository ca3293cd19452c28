import Testing
@testable import GridCore

@Suite("Scores from deduction rules")
struct ScoringTests {
    let asOf = Day("2026-11-30")!

    func scored(_ seq: Int, _ source: CaseSource, theme: String = "sanitation", state: CaseState = .closed, due: String? = "2026-11-10",
                closed: String? = "2026-11-08", rework: Int = 0, repeated: Bool = false, unit: String = "县住建局",
                property: String? = "阳光物业") -> ScoredCase {
        var r = CaseRecord(number: CaseNumber(year: 2026, sequence: seq), source: source, communityID: 1, themeID: 1, description: "x",
                           deadlineClass: .threeDays, foundAt: Timestamp(millis: 0), foundBy: "z", chain: ChainSnapshot(chain: []))
        r.state = state
        r.dueOn = due.flatMap { Day($0) }
        r.reworkCount = rework
        return ScoredCase(record: r, themeCode: theme, unitName: unit, propertyName: property, closedOn: closed.flatMap { Day($0) },
                          repeatedInNotice: repeated)
    }

    @Test("hand-computed scores under the standard rules")
    func standardRules() {
        let cases = [
            scored(1, .supervision),                                   // 0.5
            scored(2, .selfInspection),                                // 0.3
            scored(3, .media, closed: "2026-11-12"),                   // (1 + 0.5 late) × 2 = 3.0
            scored(4, .supervision, state: .rectifying, closed: nil),  // 0.5 + 0.5 (open past due) = 1.0
            scored(5, .supervision, rework: 2),                        // 0.5 + 2 × 0.2 = 0.9
            scored(6, .higherLevel, repeated: true),                   // (1 + 0.5) × 2 = 3.0
            scored(7, .supervision, state: .void),                     // voided: 0
            scored(8, .supervision, unit: "县城管局"),                  // 0.5
            scored(9, .supervision, theme: "flying_leads"),            // property only
        ]
        let units = Scoring.league(cases, rules: .standard, asOf: asOf, byProperty: false)
        #expect(units.map(\.name) == ["县住建局", "县城管局"])
        #expect(abs(units[0].score - (100 - (0.5 + 0.3 + 3.0 + 1.0 + 0.9 + 3.0))) < 1e-9)
        #expect(units[1].score == 99.5)
        let properties = Scoring.league(cases, rules: .standard, asOf: asOf, byProperty: true)
        #expect(properties.map(\.name) == ["阳光物业"])
        #expect(properties[0].score == 99.5, "only the flying-leads case falls on the property company")
    }

    @Test("periods: month, quarter, year")
    func periods() {
        #expect(Period("2026-11")?.first == Day("2026-11-01") && Period("2026-11")?.last == Day("2026-11-30"))
        #expect(Period("2026-Q4")?.last == Day("2026-12-31"))
        #expect(Period("2026-Q1")?.last == Day("2026-03-31"))
        #expect(Period("2026")?.contains(Day("2026-07-01")!) == true)
        #expect(Period("2026-13") == nil && Period("26-11") == nil)
    }
}

@Suite("Dashboard figures")
struct MetricsTests {
    @Test("closure, on-time and rework rates by hand")
    func rates() {
        let s = ScoringTests()
        let cases = [
            s.scored(1, .supervision),                                        // closed on time
            s.scored(2, .supervision, closed: "2026-11-12"),                  // closed late
            s.scored(3, .supervision, rework: 1),                             // closed on time, reworked
            s.scored(4, .supervision, state: .rectifying, closed: nil),       // open, overdue (due 11-10)
            s.scored(5, .supervision, state: .void),                          // left out
        ]
        let m = CaseMetrics.compute(cases, asOf: Day("2026-11-30")!)
        #expect(m.found == 4 && m.closed == 3 && m.open == 1 && m.overdue == 1)
        #expect(m.closureRate == 0.75)
        #expect(m.onTimeRate == 2.0 / 3.0)
        #expect(m.reworkRate == 1.0 / 3.0)
        #expect(CaseMetrics.sparkline([0, 1, 2, 4]) == "▁▂▄█")
    }
}
