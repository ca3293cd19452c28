import Testing
@testable import GridCore

@Suite("Status transitions")
struct TransitionTests {
    let today = Day("2026-11-30")!
    let inspector = Operator(login: "zhangwei", name: "张伟", role: .inspector)
    let clerk = Operator(login: "lina", name: "李娜", role: .clerk)
    let viewer = Operator.unknown(login: "guest")

    func apply(_ r: StatusChangeRequest, from cell: CellState = CellState(communityID: 7, themeID: 3),
               by actor: Operator? = nil) throws(GridError) -> StatusTransitionResult {
        try StatusTransition.apply(r, to: cell, by: actor ?? inspector, today: today, cellLabel: "阳光小区 · 环境卫生")
    }

    @Test("达标 from 未查 writes one audit entry naming old and new")
    func simple() throws {
        let r = try apply(StatusChangeRequest(status: .ok))
        #expect(r.cell.status == .ok)
        #expect(r.audit == [AuditEntry(entity: .cell, entityID: "7/3", communityID: 7, field: "status",
                                       oldValue: "unchecked", newValue: "ok", note: "")])
    }

    @Test("有问题 needs a note; with a due date both are audited")
    func problemNeedsNote() throws {
        #expect(throws: GridError.self) { try apply(StatusChangeRequest(status: .problem)) }
        let r = try apply(StatusChangeRequest(status: .problem, note: "楼道堆物", due: today.adding(days: 3)))
        #expect(r.cell.dueOn == today.adding(days: 3))
        #expect(r.audit.map(\.field) == ["status", "due_on"])
        #expect(r.audit.allSatisfy { $0.note == "楼道堆物" })
    }

    @Test("挂账 needs a note and a future plan date, which becomes its deadline")
    func parked() throws {
        #expect(throws: GridError.self) { try apply(StatusChangeRequest(status: .parked, note: "需改造")) }
        #expect(throws: GridError.self) { try apply(StatusChangeRequest(status: .parked, note: "需改造", plan: today)) }
        let r = try apply(StatusChangeRequest(status: .parked, note: "需改造", plan: today.adding(days: 60)))
        #expect(r.cell.dueOn == today.adding(days: 60))
    }

    @Test("dates belong to their statuses only, and a due date is never in the past")
    func misplacedDates() {
        #expect(throws: GridError.self) { try apply(StatusChangeRequest(status: .ok, due: today)) }
        #expect(throws: GridError.self) { try apply(StatusChangeRequest(status: .problem, note: "x", plan: today.adding(days: 9))) }
        #expect(throws: GridError.self) { try apply(StatusChangeRequest(status: .rectifying, due: today.adding(days: -1))) }
    }

    @Test("the deadline carries from 有问题 through 整改中 and 待复核, and clears at 达标")
    func deadlineCarries() throws {
        var cell = CellState(communityID: 7, themeID: 3, status: .problem, dueOn: today.adding(days: 2))
        cell = try apply(StatusChangeRequest(status: .rectifying), from: cell).cell
        #expect(cell.dueOn == today.adding(days: 2))
        cell = try apply(StatusChangeRequest(status: .recheck), from: cell).cell
        #expect(cell.dueOn == today.adding(days: 2))
        let done = try apply(StatusChangeRequest(status: .ok), from: cell)
        #expect(done.cell.dueOn == nil)
        #expect(done.audit.map(\.field) == ["status", "due_on"])
    }

    @Test("the same status again changes nothing and writes no audit")
    func noOp() throws {
        let cell = CellState(communityID: 7, themeID: 3, status: .ok)
        #expect(try apply(StatusChangeRequest(status: .ok), from: cell).changesSomething == false)
    }

    @Test("a viewer may change nothing; the message says how to get a role")
    func viewerRefused() {
        #expect {
            try apply(StatusChangeRequest(status: .ok), by: viewer)
        } throws: { error in
            guard let e = error as? GridError, case .permissionDenied(let m) = e else { return false }
            return m.contains("viewer") && m.contains("civgrid operator add guest")
        }
    }

    @Test("a clerk records findings but does not verify, park or exempt")
    func clerkLimits() throws {
        let waiting = CellState(communityID: 7, themeID: 3, status: .recheck)
        #expect(throws: GridError.self) { try apply(StatusChangeRequest(status: .ok), from: waiting, by: clerk) }
        #expect(throws: GridError.self) {
            try apply(StatusChangeRequest(status: .parked, note: "x", plan: today.adding(days: 30)), by: clerk)
        }
        #expect(throws: GridError.self) { try apply(StatusChangeRequest(status: .notApplicable), by: clerk) }
        #expect(try apply(StatusChangeRequest(status: .problem, note: "飞线充电"), by: clerk).cell.status == .problem)
        #expect(try apply(StatusChangeRequest(status: .ok), from: waiting, by: inspector).cell.status == .ok)
    }
}
