import GridCore
import Testing

/// A county small enough to score by hand: two themes, four residential estates (two visited), two farmers' markets
/// (only the declared one visited, always).
enum HandCounty {
    static let today = Day("2026-11-30")!
    static let themes = [
        CheckTheme(id: 1, code: "public_ads", zh: "公益广告", en: "ads", kinds: Set(CommunityKind.allCases), position: 1),
        CheckTheme(id: 2, code: "sanitation", zh: "环境卫生", en: "sanitation", kinds: Set(CommunityKind.allCases), position: 2),
    ]
    static let sites = [
        AssessmentSite(id: 1, kind: .residential, declared: false), AssessmentSite(id: 2, kind: .residential, declared: false),
        AssessmentSite(id: 3, kind: .residential, declared: false), AssessmentSite(id: 4, kind: .residential, declared: false),
        AssessmentSite(id: 5, kind: .market, declared: true), AssessmentSite(id: 6, kind: .market, declared: false),
    ]
    /// 阳光花园 (1) ads problem; 幸福里 (2) sanitation rectifying and overdue; 东关农贸市场 (5) ads problem; the undeclared
    /// 西关菜场 (6) ads problem, never visited.
    static let cells = [
        AssessmentCell(communityID: 1, themeID: 1, status: .problem),
        AssessmentCell(communityID: 2, themeID: 2, status: .rectifying, dueOn: Day("2026-11-20")!),
        AssessmentCell(communityID: 5, themeID: 1, status: .problem),
        AssessmentCell(communityID: 6, themeID: 1, status: .problem),
    ]
    static let plan = [SamplingRule(kind: .residential, size: .count(2)), SamplingRule(kind: .market, pool: .declared, size: .all)]

    static func model(sanitationCap: Double? = nil, target: Double = 18, plan: [SamplingRule] = plan) -> AssessmentModel {
        AssessmentModel(edition: "手算县", indicators: [
            AssessmentIndicator(code: "A", name: "公益广告宣传", points: 10, themes: ["public_ads"], perProblem: 1),
            AssessmentIndicator(code: "B", name: "环境卫生", points: 10, themes: ["sanitation"], perProblem: 2, overdueExtra: 1, cap: sanitationCap),
        ], sampling: plan, findRate: [.problem: 1, .rectifying: 1], target: target)
    }

    static func table(_ model: AssessmentModel, cells: [AssessmentCell] = cells, cases: [AssessmentOpenCase] = []) -> AssessmentTable {
        AssessmentTable(model: model, board: AssessmentBoard(sites: sites, cells: cells, openCases: cases), themes: themes, today: today, asOf: today)
    }
}

@Suite("The assessment simulator against a county scored by hand")
struct AssessmentSimulatorTests {
    /// Within four standard errors: a correct simulator fails this about once in 16,000 runs of the test.
    func close(_ simulated: Double, _ exact: Double, se: Double) -> Bool { abs(simulated - exact) <= 4 * se + 1e-12 }

    @Test("visit probabilities follow the plan: 2 of 4 estates, every declared market, never the undeclared one")
    func visitProbabilities() {
        let t = HandCounty.table(HandCounty.model())
        #expect(t.visitsPerRun == 3)
        #expect((1...4).map { t.visitProbability(site: $0 - 1) } == [0.5, 0.5, 0.5, 0.5])
        #expect(t.visitProbability(site: 4) == 1)
        #expect(t.visitProbability(site: 5) == 0)
    }

    /// By hand: the market always costs A 1 point. Of the six pairs of estates, {1,2} costs 1 + (2 + 1 overdue) = 4,
    /// {1,3} and {1,4} cost 1, {2,3} and {2,4} cost 3, {3,4} nothing: mean 2, variance 2. Scores 15, 16, 16, 18, 18, 19:
    /// expected 20 − 1 − 2 = 17; the target 18 is reached by three pairs of six.
    @Test("expected score, spread and probability of the target match the hand calculation within the confidence interval")
    func handCalculated() {
        let runs = 20_000
        let o = AssessmentSimulator.simulate(HandCounty.table(HandCounty.model()), runs: runs, seed: 7)
        #expect(o.fullScore == 20)
        #expect(close(o.expected, 17, se: (2.0 / Double(runs)).squareRoot()), "\(o.expected)")
        #expect(close(o.standardError, (2.0 / Double(runs)).squareRoot(), se: 0.002))
        #expect(close(o.probabilityOfTarget, 0.5, se: (0.25 / Double(runs)).squareRoot()), "\(o.probabilityOfTarget)")
        #expect(o.p5 == 15 && o.p95 == 19, "the worst pair scores 15 (one run in six), the best 19")
        let a = o.indicators.first { $0.indicator.code == "A" }!, b = o.indicators.first { $0.indicator.code == "B" }!
        #expect(close(a.expectedLoss, 1.5, se: (0.25 / Double(runs)).squareRoot()))
        #expect(close(b.expectedLoss, 1.5, se: (2.25 / Double(runs)).squareRoot()))
        // Fixes: the overdue sanitation problem gains 3 × ½, the market's ad exactly 1 (always visited), the estate's ½.
        #expect(o.fixes.map(\.cell.communityID) == [2, 5, 1])
        #expect(o.fixes[1].gain == 1)
        #expect(close(o.fixes[0].gain, 1.5, se: (2.25 / Double(runs)).squareRoot()))
        #expect(close(o.fixes[2].gain, 0.5, se: (0.25 / Double(runs)).squareRoot()))
        #expect(!o.fixes.contains { $0.cell.communityID == 6 }, "a site never visited gains nothing")
    }

    /// With B capped at 2 and a second sanitation problem at estate 3: B loses 2 whenever estate 2 or 3 is visited
    /// (5 pairs of 6), so its expected loss is 5/3; fixing estate 3 gains only when 2 is not drawn with it (2 pairs),
    /// 2 × 2/6 — the cap absorbs the rest.
    @Test("a cap reached: the indicator loses at most the cap, and a fix the cap absorbs gains nothing in that run")
    func capReached() {
        let cells = HandCounty.cells + [AssessmentCell(communityID: 3, themeID: 2, status: .problem)]
        let runs = 30_000
        let o = AssessmentSimulator.simulate(HandCounty.table(HandCounty.model(sanitationCap: 2), cells: cells), runs: runs, seed: 11)
        let b = o.indicators.first { $0.indicator.code == "B" }!
        let p = 5.0 / 6
        #expect(close(b.expectedLoss, 2 * p, se: 2 * (p * (1 - p) / Double(runs)).squareRoot()), "\(b.expectedLoss)")
        #expect(close(b.capReached, p, se: (p * (1 - p) / Double(runs)).squareRoot()))
        let fix3 = o.fixes.first { $0.cell.communityID == 3 }!, fix2 = o.fixes.first { $0.cell.communityID == 2 }!
        let q = 2.0 / 6
        #expect(close(fix3.gain, 2 * q, se: 2 * (q * (1 - q) / Double(runs)).squareRoot()), "\(fix3.gain)")
        #expect(close(fix2.gain, 2 * q, se: 2 * (q * (1 - q) / Double(runs)).squareRoot()), "estate 2 costs 3 but the cap is 2")
    }

    @Test("a kind with fewer sites than the plan asks for: all of them every run, and a note says so")
    func fewerSitesThanAsked() {
        let plan = [SamplingRule(kind: .residential, size: .count(10)), SamplingRule(kind: .market, pool: .declared, size: .all)]
        let t = HandCounty.table(HandCounty.model(plan: plan))
        #expect(t.visitsPerRun == 5)
        #expect(t.notes.count == 1 && t.notes[0].contains("计划抽 10 个") && t.notes[0].contains("只有 4 个"), "\(t.notes)")
        let o = AssessmentSimulator.simulate(t, runs: 500, seed: 1)
        // Every estate and the declared market are visited: 20 − (1 + 1) − (2 + 1) = 15, every run.
        #expect(o.expected == 15 && o.p5 == 15 && o.p95 == 15 && o.standardError == 0)
        #expect(o.probabilityOfTarget == 0)
    }

    @Test("sample sizes: counts are capped by the pool, shares round up, all is all")
    func sampleSizes() {
        #expect(SampleSize.count(3).visits(of: 2) == 2)
        #expect(SampleSize.count(0).visits(of: 5) == 0)
        #expect(SampleSize.share(0.5).visits(of: 4) == 2)
        #expect(SampleSize.share(0.3).visits(of: 4) == 2)
        #expect(SampleSize.share(0.1).visits(of: 0) == 0)
        #expect(SampleSize.share(1).visits(of: 7) == 7)
        #expect(SampleSize.all.visits(of: 9) == 9)
        #expect(SitePool.declared.overlaps(.any) && !SitePool.declared.overlaps(.others))
    }

    @Test("the same seed gives the same figures; another seed agrees within the confidence interval")
    func deterministic() {
        let t = HandCounty.table(HandCounty.model())
        let a = AssessmentSimulator.simulate(t, runs: 5_000, seed: 42), b = AssessmentSimulator.simulate(t, runs: 5_000, seed: 42)
        #expect(a == b)
        let c = AssessmentSimulator.simulate(t, runs: 5_000, seed: 43)
        #expect(abs(a.expected - c.expected) <= 4 * (a.standardError * a.standardError + c.standardError * c.standardError).squareRoot())
    }

    @Test("find rates below 1: a 待复核 cell found three times in ten costs 0.3 of its points on average")
    func findRate() {
        let cells = [AssessmentCell(communityID: 5, themeID: 2, status: .recheck)]
        var model = HandCounty.model()
        model.findRate[.recheck] = 0.3
        let runs = 20_000
        let o = AssessmentSimulator.simulate(HandCounty.table(model, cells: cells), runs: runs, seed: 5)
        #expect(close(o.expected, 20 - 0.6, se: 2 * (0.21 / Double(runs)).squareRoot()), "\(o.expected)")
        #expect(close(o.fixes[0].gain, 0.6, se: 2 * (0.21 / Double(runs)).squareRoot()))
    }

    @Test("the headline reads as the dashboard shows it")
    func headline() {
        let o = AssessmentSimulator.simulate(HandCounty.table(HandCounty.model(plan: [SamplingRule(kind: .market, pool: .declared, size: .all)])),
                                             runs: 10, seed: 1)
        #expect(o.headline == "预计得分 19.0 (19.0–19.0) · 目标 18 · 达到目标概率 100%")
        #expect(AssessmentOutcome.points(92.449, 1) == "92.4" && AssessmentOutcome.points(-0.004, 2) == "0.00")
    }
}
