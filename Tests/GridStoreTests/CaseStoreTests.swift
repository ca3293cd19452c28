import GRDB
import GridCore
import Testing
@testable import GridStore

@Suite("Case ledger in the store")
struct CaseStoreTests {
    @Test("a case drives its cell: 有问题 → 整改中 → 待复核 → 达标, audited, with an event per step")
    func cellFollows() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        let ctx = Fixture.context()
        let before = try store.db.read { try Int.fetchOne($0, sql: "SELECT max(seq) FROM case_record WHERE year = 2026") ?? 0 }
        let c = try store.addCase(CaseDraft(communityID: row.community.id, themeID: cell.theme.id, source: .supervision,
                                            description: "楼道堆放杂物", deadlineClass: .threeDays), context: ctx)
        func status() throws -> CellStatus? { try store.cells(communityID: row.community.id).first { $0.theme.id == cell.theme.id }?.cell.status }
        #expect(try status() == .problem)
        #expect(c.number == CaseNumber(year: 2026, sequence: before + 1), "numbers continue the demo's ledger")
        #expect(!c.chain.unitName.isEmpty, "the chain in force is snapshotted")
        for action in [CaseAction.register, .assign(unitID: c.chain.unitID!), .startRectifying] {
            _ = try store.moveCase(c.number, action, reason: "", context: ctx, calendar: .weekendsOnly)
        }
        #expect(try status() == .rectifying)
        #expect(try store.caseRecord(c.number)?.dueOn == Day("2026-12-03"))
        _ = try store.moveCase(c.number, .submit, reason: "", context: ctx, calendar: .weekendsOnly)
        #expect(try status() == .recheck)
        _ = try store.moveCase(c.number, .verify, reason: "", context: ctx, calendar: .weekendsOnly)
        #expect(try status() == .ok)
        #expect(try store.caseEvents(c.number).map(\.event.action) == ["report", "register", "assign", "start", "submit", "verify"])
        #expect(try store.auditTrail(AuditQuery(communityID: row.community.id, limit: 20)).contains { $0.record.entry.note.contains(c.number.description) })
        #expect(try store.check().isEmpty)
        #expect(throws: DatabaseError.self) { try store.db.write { try $0.execute(sql: "DELETE FROM case_event") } }
    }

    @Test("an illegal move writes nothing; a viewer may not record problems; numbers run per year")
    func refusals() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        let draft = CaseDraft(communityID: row.community.id, themeID: cell.theme.id, source: .citizen, description: "垃圾满溢", deadlineClass: .immediate)
        let first = try store.addCase(draft, context: Fixture.context())
        let second = try store.addCase(draft, context: Fixture.context())
        #expect(second.number.sequence == first.number.sequence + 1)
        #expect(throws: GridError.self) {
            try store.moveCase(first.number, .submit, reason: "", context: Fixture.context(), calendar: .weekendsOnly)
        }
        #expect(try store.caseEvents(first.number).count == 1)
        #expect(throws: GridError.self) {
            try store.addCase(draft, context: Fixture.context(Operator(login: "leader", name: "赵建国", role: .viewer)))
        }
        _ = try store.moveCase(first.number, .void, reason: "重复", context: Fixture.context(), calendar: .weekendsOnly)
        let cellStatus = try store.cells(communityID: row.community.id).first { $0.theme.id == cell.theme.id }?.cell.status
        #expect(cellStatus == .problem, "the second case is still open")
    }
}

@Suite("Trace-back")
struct TraceBackTests {
    @Test("a case keeps the chain of the day it was registered after the community is reassigned")
    func snapshotSurvives() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        let c = try store.addCase(CaseDraft(communityID: row.community.id, themeID: cell.theme.id, source: .supervision, description: "井盖破损",
                                            deadlineClass: .sevenDays), context: Fixture.context())
        let before = c.chain.unitName
        let other = try #require(try store.findNodes("城关住建局", levels: [.unit]).first)
        guard case .unit(let otherID) = other.node else { return }
        let later = GridClock.fixed(Timestamp(millis: Fixture.now.millis + 3 * 86_400_000), utcOffsetSeconds: 8 * 3600)
        _ = try store.assign(communityID: row.community.id, unitID: otherID, role: .lead, propertyID: nil, context: Fixture.context(at: later))
        #expect(try store.caseRecord(c.number)?.chain.unitName == before)
        #expect(try store.chain(communityID: row.community.id, on: later.today).first { $0.assignment.role == .lead }?.unit.name == "城关住建局")
    }
}
