import Foundation
import GridCore
import GridStore
import GridTheme

/// The assessment simulator at scale (`civgrid assess`): reading the board (three set-based statements), precomputing
/// the per-site compliance table, and 10,000 simulated assessments with the fixes ranking, on the shipped model
/// (Config/assessment.toml). The budget: 10,000 runs at province scale in at most 2 s.
extension Scenarios {
    func assessment() throws {
        let store = try self.store.open()
        defer { store.close() }
        let themes = try store.themes()
        let model = try AssessmentFile.parse(BuiltinAssessment.text, path: BuiltinAssessment.path, themeCodes: Set(themes.map(\.code)))
        let today = Scenarios.clock.today
        let repeats = quick ? 2 : 5
        var read: [Double] = [], build: [Double] = [], simulate: [Double] = [], whatIf: [Double] = []
        var cells = 0, fixes = 0
        for _ in 0..<repeats {
            var board = AssessmentBoard(sites: [], cells: [], openCases: [])
            read.append(ms {
                board = (try? store.assessmentBoard(in: .all, statuses: model.findableStatuses,
                                                    repeatSince: today.adding(days: -model.repeatWindowDays))) ?? board
            })
            var table: AssessmentTable?
            build.append(ms { table = AssessmentTable(model: model, board: board, themes: themes, today: today, asOf: today) })
            var outcome: AssessmentOutcome?
            simulate.append(ms { outcome = AssessmentSimulator.simulate(table!, runs: 10_000, seed: 2026) })
            whatIf.append(ms {
                let later = AssessmentTable(model: model, board: board, themes: themes, today: today, asOf: today.adding(days: 15))
                _ = AssessmentSimulator.simulate(later, runs: 10_000, seed: 2026)
            })
            cells = table!.cells.count
            fixes = outcome!.fixes.count
        }
        recorder.add("14 assessment: read the board (\(cells) cells that may cost points)", name, read, unit: "ms")
        recorder.add("14 assessment: precompute the compliance table", name, build, unit: "ms")
        recorder.add("14 assessment: 10,000 runs + fixes ranking (\(fixes) fixes)", name, simulate, unit: "ms",
                     budget: Budgets.label("14 assessment: 10,000 runs + fixes", scale))
        recorder.add("14 assessment: what-if --as-of +15 days (table + 10,000 runs)", name, whatIf, unit: "ms")
        // A heavier plan than the shipped one: 5% of every kind (5,000 visits a run at province) instead of a few dozen.
        var heavy = model
        heavy.sampling = CommunityKind.allCases.map { SamplingRule(kind: $0, size: .share(0.05)) }
        let board = try store.assessmentBoard(in: .all, statuses: heavy.findableStatuses, repeatSince: today.adding(days: -heavy.repeatWindowDays))
        let heavyTable = AssessmentTable(model: heavy, board: board, themes: themes, today: today, asOf: today)
        let heavyRuns = (0..<repeats).map { _ in ms { _ = AssessmentSimulator.simulate(heavyTable, runs: 10_000, seed: 2026) } }
        // Not under the budget, which is for the assessment's plan: a stress row for plans by share.
        recorder.add("14 assessment: 10,000 runs, 5% of every kind (\(heavyTable.visitsPerRun) visits a run)", name, heavyRuns, unit: "ms")
        let seconds = try (0..<(quick ? 1 : 3)).map { _ in try ProcessStart.run(["assess"], database: self.store.database) * 1000 }
        recorder.add("14 `civgrid assess` (process start incl.)", name, seconds, unit: "ms")
    }
}
