import Testing
@testable import GridCore

@Suite("Working calendar")
struct CalendarTests {
    // 2026-10-01 (Thu) to 10-07 are holidays; Sunday 10-11 is worked (调休).
    let calendar = WorkingCalendar(holidays: Set((1...7).compactMap { Day(year: 2026, month: 10, day: $0) }),
                                   workdays: [Day("2026-10-11")!])

    @Test("weekends, holidays and make-up days")
    func workingDays() {
        #expect(calendar.isWorkingDay(Day("2026-09-30")!))
        #expect(!calendar.isWorkingDay(Day("2026-10-05")!))
        #expect(!calendar.isWorkingDay(Day("2026-10-10")!), "a Saturday")
        #expect(calendar.isWorkingDay(Day("2026-10-11")!), "a worked Sunday")
    }

    @Test("due dates count working days across weekends and holidays")
    func dueDates() {
        // Dispatched on Wednesday 09-30, a working day: 立行立改 is due the same day.
        #expect(DeadlineClass.immediate.due(assignedOn: Day("2026-09-30")!, calendar: calendar) == Day("2026-09-30"))
        // Three working days from 10-08: 10-09 (Fri), 10-11 (worked Sunday), 10-12 (Mon).
        #expect(DeadlineClass.threeDays.due(assignedOn: Day("2026-10-08")!, calendar: calendar) == Day("2026-10-12"))
        #expect(DeadlineClass.sevenDays.due(assignedOn: Day("2026-11-27")!, calendar: .weekendsOnly) == Day("2026-12-08"))
        #expect(calendar.workingDays(from: Day("2026-09-30")!, to: Day("2026-10-12")!) == 4)
        #expect(calendar.workingDays(from: Day("2026-10-12")!, to: Day("2026-09-30")!) == -4)
        #expect(DeadlineClass.longTerm.due(assignedOn: Day("2026-11-30")!, calendar: calendar) == nil)
    }
}

@Suite("Case lifecycle")
struct CaseLifecycleTests {
    let today = Day("2026-11-30")!
    let inspector = Operator(login: "zhangwei", name: "张伟", role: .inspector)
    let admin = Operator(login: "admin", name: "管理员", role: .admin)
    let fixer = Operator(login: "liu", name: "刘", unitID: 9, role: .inspector)

    func newCase(_ cls: DeadlineClass = .threeDays) -> CaseRecord {
        CaseRecord(number: CaseNumber(year: 2026, sequence: 7), source: .supervision, communityID: 1, themeID: 2,
                   description: "楼道堆放杂物", deadlineClass: cls, foundAt: Timestamp(millis: 0), foundBy: "zhangwei",
                   chain: ChainSnapshot(chain: []))
    }

    func move(_ c: CaseRecord, _ a: CaseAction, by actor: Operator? = nil, reason: String = "") throws(GridError) -> CaseRecord {
        try CaseTransition.apply(a, to: c, by: actor ?? inspector, reason: reason, today: today, calendar: .weekendsOnly).0
    }

    @Test("the main line: report → register → assign (clock starts) → rectify → submit → verify")
    func mainLine() throws {
        var c = newCase()
        c = try move(c, .register)
        c = try move(c, .assign(unitID: 9))
        #expect(c.dueOn == Day("2026-12-03"))
        #expect(c.handlingUnitID == 9)
        c = try move(c, .startRectifying)
        c = try move(c, .submit)
        #expect(CaseCellStatus.status(openCases: [c]) == .recheck)
        c = try move(c, .verify)
        #expect(c.state == .closed)
        #expect(CaseCellStatus.status(openCases: [c]) == nil, "no open case: the cell returns to 达标")
    }

    @Test("illegal moves are refused naming the allowed ones; marked actions need a reason")
    func refusals() throws {
        let c = newCase()
        #expect {
            try move(c, .submit)
        } throws: { ($0 as? GridError)?.description.contains("Allowed: register, void, fix_on_site") == true }
        #expect(throws: GridError.self) { try move(c, .void) }
        #expect(try move(c, .void, reason: "重复上报").state == .void)
        #expect(try move(c, .fixOnSite).state == .fixedOnSite)
    }

    @Test("send back returns to registered for re-dispatch to another unit")
    func sendBack() throws {
        var c = try move(try move(newCase(), .register), .assign(unitID: 9))
        c = try move(c, .sendBack, reason: "不属于本单位")
        c = try move(c, .register)
        c = try move(c, .assign(unitID: 12))
        #expect(c.handlingUnitID == 12)
    }

    @Test("extensions: the first by an inspector, a second only by an admin with a note")
    func extensions() throws {
        var c = try move(try move(try move(newCase(), .register), .assign(unitID: 9)), .startRectifying)
        c = try move(c, .requestExtension(until: Day("2026-12-10")!), reason: "材料未到")
        c = try move(c, .approveExtension)
        #expect(c.dueOn == Day("2026-12-10") && c.extensionCount == 1)
        c = try move(c, .requestExtension(until: Day("2026-12-20")!), reason: "再延期")
        #expect(throws: GridError.self) { try move(c, .approveExtension) }
        #expect(throws: GridError.self) { try move(c, .approveExtension, by: admin) }
        c = try move(c, .approveExtension, by: admin, reason: "施工季节")
        #expect(c.extensionCount == 2)
    }

    @Test("park with a plan date and resume; rework counts; reopen needs a reason")
    func parkReworkReopen() throws {
        var c = try move(try move(try move(newCase(), .register), .assign(unitID: 9)), .startRectifying)
        c = try move(c, .park(until: Day("2027-03-01")!), reason: "需改造工程")
        #expect(CaseCellStatus.status(openCases: [c]) == .parked)
        c = try move(c, .resume)
        c = try move(c, .submit)
        c = try move(c, .rework, reason: "复核不合格")
        #expect(c.reworkCount == 1 && c.state == .rectifying)
        c = try move(try move(c, .submit), .verify)
        #expect(throws: GridError.self) { try move(c, .reopen) }
        #expect(try move(c, .reopen, reason: "问题反弹").state == .rectifying)
    }

    @Test("finder ≠ fixer: someone from the handling unit may not verify")
    func finderNotFixer() throws {
        let c = try move(try move(try move(try move(newCase(), .register), .assign(unitID: 9)), .startRectifying), .submit)
        #expect(throws: GridError.self) { try move(c, .verify, by: fixer) }
        #expect(try move(c, .verify, by: inspector).state == .closed)
    }

    @Test("overdue is a flag: open and past due; escalation is a flag in any open state")
    func flags() throws {
        var c = try move(try move(newCase(.immediate), .register), .assign(unitID: 9))
        #expect(!c.isOverdue(today: today))
        #expect(c.isOverdue(today: today.adding(days: 5)))
        c = try move(c, .escalate)
        #expect(c.escalated && c.state == .assigned)
    }

    @Test("several open cases: the least advanced decides the cell")
    func cellFromCases() throws {
        let submitted = try move(try move(try move(try move(newCase(), .register), .assign(unitID: 9)), .startRectifying), .submit)
        let fresh = newCase()
        #expect(CaseCellStatus.status(openCases: [submitted, fresh]) == .problem)
        #expect(CaseNumber("2026-0007") == CaseNumber(year: 2026, sequence: 7))
        #expect(CaseNumber(year: 2026, sequence: 7).description == "2026-0007")
    }
}
