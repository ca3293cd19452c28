import GridCore
import Testing

/// Changes through the one door, on any store: every write commits with its audit rows, and a refusal writes nothing.
@Suite("Store contract: changes")
struct ChangeContract {
    @Test("a status change commits with its audit row, attributed and timestamped", arguments: StoreKind.allCases)
    func statusChange(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cell = try #require(try s.cells([.ok]).first)
        let before = try s.store.latestAuditID()
        let out = try s.services.setStatus(cell.key, StatusChangeRequest(status: .notApplicable), context: s.context())
        #expect(out.after.status == .notApplicable)
        #expect(try s.cell(cell.key)?.status == .notApplicable)
        let trail = try s.store.auditTrail(AuditQuery(afterID: before, limit: 10))
        #expect(trail.count == 1)
        #expect(trail.first?.record.entry.field == "status")
        #expect(trail.first?.record.entry.oldValue == "ok")
        #expect(trail.first?.record.operatorLogin == "admin")
        #expect(trail.first?.record.at == Fixture.now)
    }

    @Test("a bulk change is all or none: one refused cell leaves every other cell as it was", arguments: StoreKind.allCases)
    func bulkAllOrNone(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let free = try s.cells([.ok, .unchecked], count: 5)
        let busy = try #require(try s.cells([.rectifying]).first)
        let before = try s.store.latestAuditID()
        #expect(throws: GridError.self) {
            try s.services.setStatus(free.map(\.key) + [busy.key], StatusChangeRequest(status: .notApplicable), context: s.context())
        }
        for c in free { #expect(try s.cell(c.key)?.status == c.status) }
        #expect(try s.store.latestAuditID() == before)
    }

    @Test("a viewer, and a login nobody added, change nothing", arguments: StoreKind.allCases)
    func viewerChangesNothing(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let viewer = try s.addOperator("leader", role: .viewer)
        let cell = try #require(try s.cells([.ok]).first)
        let before = try s.store.latestAuditID()
        for actor in [viewer, Operator.unknown(login: "stranger")] {
            let refusal = #expect(throws: GridError.self) {
                try s.services.setStatus(cell.key, StatusChangeRequest(status: .unchecked), context: s.context(actor))
            }
            #expect(refusal?.exitCode == 3)
            #expect(throws: GridError.self) {
                try s.services.recordProblem(CaseDraft(communityID: cell.communityID, themeID: cell.themeID, source: .citizen,
                                                       description: "垃圾满溢", deadlineClass: .immediate), context: s.context(actor))
            }
        }
        #expect(try s.store.latestAuditID() == before)
        #expect(try s.openCases(cell.key).isEmpty)
    }

    @Test("a clerk records findings but may not verify, park or exempt", arguments: StoreKind.allCases)
    func clerkLimits(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let clerk = try s.addOperator("clerk1", role: .clerk)
        let ok = try #require(try s.cells([.ok]).first)
        _ = try s.services.setStatus(ok.key, StatusChangeRequest(status: .unchecked), context: s.context(clerk))
        #expect(try s.cell(ok.key)?.status == .unchecked)
        let exempt = #expect(throws: GridError.self) {
            try s.services.setStatus(ok.key, StatusChangeRequest(status: .notApplicable), context: s.context(clerk))
        }
        #expect(exempt?.description.contains("督查员 (inspector)") == true)
        let recheck = try #require(try s.cells([.recheck]).first)
        let verify = #expect(throws: GridError.self) {
            try s.services.setStatus(recheck.key, StatusChangeRequest(status: .ok), context: s.context(clerk))
        }
        #expect(verify?.exitCode == 3)
        #expect(try s.cell(recheck.key)?.status == .recheck)
    }

    @Test("a problem is a case: 有问题 records one, and 达标 on a cell awaiting re-check verifies its case", arguments: StoreKind.allCases)
    func cellFollowsCases(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cell = try #require(try s.cells([.ok]).first)
        let out = try s.services.setStatus(cell.key, StatusChangeRequest(status: .problem, note: "楼道堆放杂物"), context: s.context())
        let recorded = try #require(out.cases.first)
        #expect(try s.openCases(cell.key).map(\.number) == [recorded.number])
        #expect(try s.cell(cell.key)?.status == .problem)
        // A status key that no step of the open case leads to is refused, naming the case.
        let refused = #expect(throws: GridError.self) {
            try s.services.setStatus(cell.key, StatusChangeRequest(status: .ok), context: s.context())
        }
        #expect(refused?.description.contains(recorded.number.description) == true)
        for step in [CaseAction.register, .assign(unitID: nil), .startRectifying, .submit] {
            _ = try s.services.moveCase(recorded.number, step, reason: "", context: s.context())
        }
        #expect(try s.cell(cell.key)?.status == .recheck)
        let verified = try s.services.setStatus(cell.key, StatusChangeRequest(status: .ok), context: s.context())
        #expect(verified.cases.map(\.state) == [.closed])
        #expect(try s.cell(cell.key)?.status == .ok)
        #expect(try s.store.caseEvents(recorded.number).last?.event.action == "verify")
    }

    @Test("整改中 without an open case is refused; a key the cell's cases already give changes nothing", arguments: StoreKind.allCases)
    func caseStepsNeedCases(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cell = try #require(try s.cells([.ok]).first)
        #expect(throws: GridError.self) {
            try s.services.setStatus(cell.key, StatusChangeRequest(status: .rectifying), context: s.context())
        }
        let rectifying = try #require(try s.cells([.rectifying]).first)
        let before = try s.store.latestAuditID()
        let same = try s.services.setStatus(rectifying.key, StatusChangeRequest(status: .rectifying), context: s.context())
        #expect(!same.changesSomething)
        #expect(try s.store.latestAuditID() == before)
    }
}
