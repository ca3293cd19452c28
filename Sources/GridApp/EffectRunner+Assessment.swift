import GridCore
import GridTheme
import GridUI

extension EffectRunner {
    /// Simulated assessments for the dashboard's panel (the same runs and seed as `civgrid assess`, so the figures agree);
    /// a broken model file is shown on the panel, not as a failure.
    func assessmentPanel(today: Day) throws(GridError) -> AssessmentPanel {
        let engine = AssessmentEngine(store: store)
        let (parsed, problems) = AssessmentFile.check(assessmentFile.text, path: assessmentFile.path,
                                                      themeCodes: Set(try store.themes().map(\.code)))
        guard let model = parsed else {
            return AssessmentPanel(summary: nil, problem: problems.map(\.description).joined(separator: "\n"))
        }
        let outcome = try engine.simulate(model, board: try engine.board(model, scope: .all, today: today), today: today, asOf: today,
                                          runs: Self.assessmentRuns, seed: Self.assessmentSeed)
        return AssessmentPanel(summary: AssessmentSummary(outcome: outcome, fixes: try engine.fixRows(outcome, top: 10, today: today)))
    }

    /// The expected points fixing each non-compliant cell would gain (the dashboard's simulation, so `:sort gain` and
    /// the panel's top fixes agree); a broken model file is a failure naming it.
    func cellGains(today: Day) throws(GridError) -> [CellKey: Double] {
        let engine = AssessmentEngine(store: store)
        let (parsed, problems) = AssessmentFile.check(assessmentFile.text, path: assessmentFile.path,
                                                      themeCodes: Set(try store.themes().map(\.code)))
        guard let model = parsed else {
            throw .invalidInput("无法按挽回分排序，测评文件有误 (cannot order by points gained; fix the assessment file, "
                + "`civgrid assess check`; `:sort due` orders by deadline): " + problems.map(\.description).joined(separator: "; "))
        }
        let outcome = try engine.simulate(model, board: try engine.board(model, scope: .all, today: today), today: today, asOf: today,
                                          runs: Self.assessmentRuns, seed: Self.assessmentSeed)
        return Dictionary(outcome.fixes.map { ($0.cell.key, $0.gain) }, uniquingKeysWith: max)
    }

    /// The runs and seed of the dashboard's simulation: `civgrid assess`'s defaults.
    static let assessmentRuns = 10_000
    static let assessmentSeed: UInt64 = 2026
}
