import GridCore
import Testing

@Suite("What-if: the board on a later day if every deadline holds")
struct AssessmentWhatIfTests {
    let today = Day("2026-11-30")!

    func openCase(_ seq: Int, community: RowID, theme: RowID = 1, state: CaseState, due: String?, repeated: Bool = false) -> AssessmentOpenCase {
        AssessmentOpenCase(number: CaseNumber(year: 2026, sequence: seq), communityID: community, themeID: theme, state: state,
                           dueOn: due.flatMap(Day.init), repeated: repeated)
    }

    @Test("due by then: closed; overdue: still open and overdue; not yet dispatched: open; two cases: the remaining one decides")
    func projection() {
        let board = AssessmentBoard(sites: [], cells: [
            AssessmentCell(communityID: 1, themeID: 1, status: .rectifying, dueOn: Day("2026-12-05")),
            AssessmentCell(communityID: 2, themeID: 1, status: .rectifying, dueOn: Day("2026-11-25")),
            AssessmentCell(communityID: 3, themeID: 1, status: .problem),
            AssessmentCell(communityID: 4, themeID: 1, status: .problem, dueOn: Day("2026-12-03")),
            AssessmentCell(communityID: 5, themeID: 1, status: .rectifying, dueOn: Day("2027-01-10")),
            AssessmentCell(communityID: 6, themeID: 1, status: .unchecked),
        ], openCases: [
            openCase(1, community: 1, state: .rectifying, due: "2026-12-05"),
            openCase(2, community: 2, state: .rectifying, due: "2026-11-25", repeated: true),
            openCase(3, community: 3, state: .reported, due: nil),
            openCase(4, community: 4, state: .assigned, due: "2026-12-03"),
            openCase(5, community: 4, state: .submitted, due: "2026-12-20"),
            openCase(6, community: 5, state: .rectifying, due: "2027-01-10"),
        ])
        let asOf = Day("2026-12-15")!
        let cells = Dictionary(uniqueKeysWithValues: AssessmentProjection.project(board, today: today, asOf: asOf).map { ($0.communityID, $0) })
        #expect(cells[1] == nil, "due 12-05, before 12-15: closed by then")
        #expect(cells[2]?.status == .rectifying && cells[2]?.overdue == true && cells[2]?.repeated == true && cells[2]?.openCase?.sequence == 2)
        #expect(cells[3]?.status == .problem && cells[3]?.overdue == false, "no deadline yet: stays, not overdue")
        #expect(cells[4]?.status == .recheck && cells[4]?.dueOn == Day("2026-12-20"), "the assigned case closes, the submitted one remains")
        #expect(cells[5]?.status == .rectifying && cells[5]?.overdue == false, "due after the day: still open, on time")
        #expect(cells[6]?.status == .unchecked, "a cell without cases stays as it is")
        // Today the board is as it is: nothing closes, the overdue one is overdue.
        let now = Dictionary(uniqueKeysWithValues: AssessmentProjection.project(board, today: today, asOf: today).map { ($0.communityID, $0) })
        #expect(now.count == 6 && now[1]?.status == .rectifying && now[2]?.overdue == true && now[4]?.status == .problem)
        // Closing the overdue ones too (what they cost): the 11-25 case closes as well.
        let all = AssessmentProjection.project(board, today: today, asOf: asOf, closingOverdue: true)
        #expect(!all.contains { $0.communityID == 2 })
    }

    @Test("on a later day the overdue problem still costs its extra; a case due by then no longer costs anything")
    func overdueExtraOnTheDay() {
        let sites = [AssessmentSite(id: 1, kind: .market, declared: true), AssessmentSite(id: 2, kind: .market, declared: true)]
        let board = AssessmentBoard(sites: sites, cells: [
            AssessmentCell(communityID: 1, themeID: 1, status: .rectifying, dueOn: Day("2026-11-25")),
            AssessmentCell(communityID: 2, themeID: 1, status: .rectifying, dueOn: Day("2026-12-20")),
        ], openCases: [
            openCase(1, community: 1, state: .rectifying, due: "2026-11-25"),
            openCase(2, community: 2, state: .rectifying, due: "2026-12-20"),
        ])
        let model = AssessmentModel(edition: "", indicators: [
            AssessmentIndicator(code: "A", name: "公益广告", points: 10, themes: ["public_ads"], perProblem: 1, overdueExtra: 2),
        ], sampling: [SamplingRule(kind: .market, size: .all)], findRate: [.rectifying: 1], target: 9)
        let theme = [CheckTheme(id: 1, code: "public_ads", zh: "公益广告", en: "ads", kinds: [.market], position: 1)]
        let now = AssessmentSimulator.simulate(AssessmentTable(model: model, board: board, themes: theme, today: today, asOf: today), runs: 10, seed: 1)
        #expect(now.expected == 10 - 3 - 1)
        let before = AssessmentTable(model: model, board: board, themes: theme, today: today, asOf: Day("2026-12-10")!)
        #expect(AssessmentSimulator.simulate(before, runs: 10, seed: 1).expected == 10 - 3 - 1, "the 12-20 case is open but on time")
        let on = AssessmentTable(model: model, board: board, themes: theme, today: today, asOf: Day("2026-12-20")!)
        #expect(AssessmentSimulator.simulate(on, runs: 10, seed: 1).expected == 10 - 3, "the 12-20 case closes on its due day")
        let later = AssessmentTable(model: model, board: board, themes: theme, today: today, asOf: Day("2026-12-31")!)
        #expect(AssessmentSimulator.simulate(later, runs: 10, seed: 1).expected == 10 - 3, "the overdue one still costs 1 + 2")
    }
}
