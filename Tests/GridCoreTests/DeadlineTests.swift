import Testing
@testable import GridCore

@Suite("Deadline classes")
struct DeadlineTests {
    // 2026-10-01 (Thu) to 10-07 are holidays; Sunday 10-11 is worked (调休).
    static let calendar = WorkingCalendar(holidays: Set((1...7).compactMap { Day(year: 2026, month: 10, day: $0) }),
                                          workdays: [Day("2026-10-11")!])

    /// (dispatched on, why, 立行立改 due, 限期3 due, 限期7 due).
    static let table: [(String, String, String, String, String)] = [
        ("2026-12-02", "a Wednesday", "2026-12-02", "2026-12-07", "2026-12-11"),
        ("2026-12-04", "a Friday", "2026-12-04", "2026-12-09", "2026-12-15"),
        ("2026-12-05", "a Saturday counts from Monday", "2026-12-07", "2026-12-10", "2026-12-16"),
        ("2026-09-30", "the day before the holiday week", "2026-09-30", "2026-10-11", "2026-10-15"),
        ("2026-10-01", "a holiday counts from the first day back", "2026-10-08", "2026-10-12", "2026-10-16"),
        ("2026-10-10", "a Saturday before a worked Sunday", "2026-10-11", "2026-10-14", "2026-10-20"),
        ("2026-10-11", "a worked Sunday", "2026-10-11", "2026-10-14", "2026-10-20"),
    ]

    @Test("立行立改 is due the day it is dispatched, 限期 3 / 7 working days after", arguments: table)
    func due(_ row: (String, String, String, String, String)) throws {
        let (dispatched, why, immediate, three, seven) = row
        let day = try #require(Day(dispatched))
        #expect(DeadlineClass.immediate.due(assignedOn: day, calendar: Self.calendar) == Day(immediate), "\(why)")
        #expect(DeadlineClass.threeDays.due(assignedOn: day, calendar: Self.calendar) == Day(three), "\(why)")
        #expect(DeadlineClass.sevenDays.due(assignedOn: day, calendar: Self.calendar) == Day(seven), "\(why)")
        #expect(DeadlineClass.longTerm.due(assignedOn: day, calendar: Self.calendar) == nil)
    }

    @Test("a 立行立改 case dispatched on Friday 2026-12-04 is due that Friday, overdue on Saturday")
    func dispatchedOnFriday() throws {
        let friday = try #require(Day("2026-12-04"))
        let inspector = Operator(login: "zhangwei", name: "张伟", role: .inspector)
        var c = CaseRecord(number: CaseNumber(year: 2026, sequence: 1), source: .supervision, communityID: 1, themeID: 2,
                           description: "垃圾满溢", deadlineClass: .immediate, foundAt: Timestamp(millis: 0), foundBy: "zhangwei",
                           chain: ChainSnapshot(chain: []))
        for action in [CaseAction.register, .assign(unitID: 9)] {
            c = try CaseTransition.apply(action, to: c, by: inspector, reason: "", today: friday, calendar: .weekendsOnly).0
        }
        #expect(c.dueOn == friday)
        #expect(!c.isOverdue(today: friday))
        #expect(c.isOverdue(today: friday.adding(days: 1)))
    }
}
