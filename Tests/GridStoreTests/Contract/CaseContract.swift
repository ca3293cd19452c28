import GridCore
import Testing

/// The case ledger through the one door, on any store.
@Suite("Store contract: cases")
struct CaseContract {
    func draft(_ cell: CellState, _ text: String = "垃圾桶满溢") -> CaseDraft {
        CaseDraft(communityID: cell.communityID, themeID: cell.themeID, source: .supervision, description: text, deadlineClass: .threeDays)
    }

    @Test("recording problems on several cells is one transaction: all the cases or none", arguments: StoreKind.allCases)
    func recordAllOrNone(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cells = try s.cells([.ok], count: 3)
        let open = try s.store.cases(openOnly: true, communityID: nil, limit: 100_000).count
        let missing = CaseDraft(communityID: cells[0].communityID, themeID: 999_999, source: .supervision, description: "x",
                                deadlineClass: .threeDays)
        #expect(throws: GridError.self) { try s.services.recordProblems(cells.map { draft($0) } + [missing], context: s.context()) }
        #expect(try s.store.cases(openOnly: true, communityID: nil, limit: 100_000).count == open)
        for c in cells { #expect(try s.cell(c.key)?.status == .ok) }
        let recorded = try s.services.recordProblems(cells.map { draft($0) }, context: s.context())
        #expect(Set(recorded.map(\.number)).count == 3)
        for c in cells { #expect(try s.cell(c.key)?.status == .problem) }
    }

    @Test("交办 without a unit goes to the community's lead unit today, not the one registered", arguments: StoreKind.allCases)
    func dispatchToCurrentLead(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cell = try #require(try s.cells([.ok]).first)
        let c = try s.services.recordProblem(draft(cell), context: s.context())
        _ = try s.services.moveCase(c.number, .register, reason: "", context: s.context())
        let registeredLead = try #require(c.chain.unitID)
        let other = try #require(try s.store.rollups(groupedBy: .unit, within: .all, today: s.today)
            .compactMap { $0.node?.node }.first { if case .unit(let id) = $0 { id != registeredLead } else { false } })
        guard case .unit(let newLead) = other else { return }
        _ = try s.services.assign(communityID: cell.communityID, unitID: newLead, role: .lead, propertyID: nil, context: s.context())
        let dispatched = try s.services.moveCase(c.number, .assign(unitID: nil), reason: "", context: s.context())
        #expect(dispatched.handlingUnitID == newLead)
        #expect(try s.store.caseRecord(c.number)?.chain.unitID == registeredLead, "the registration snapshot stays for trace-back")
    }

    @Test("a unit's operator may not verify its own unit's case; another unit's clerk may not work it", arguments: StoreKind.allCases)
    func unitRelationships(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cell = try #require(try s.cells([.ok]).first)
        let c = try s.services.recordProblem(draft(cell), context: s.context())
        _ = try s.services.moveCase(c.number, .register, reason: "", context: s.context())
        let dispatched = try s.services.moveCase(c.number, .assign(unitID: nil), reason: "", context: s.context())
        let unit = try #require(dispatched.handlingUnitID)
        let units = try s.store.rollups(groupedBy: .unit, within: .all, today: s.today).compactMap { $0.node?.node }
        guard case .unit(let otherUnit)? = units.first(where: { $0 != .unit(unit) }) else { return }
        let outsider = try s.addOperator("clerk-other", role: .clerk, unit: otherUnit)
        let own = try s.addOperator("clerk-own", role: .clerk, unit: unit)
        let ownInspector = try s.addOperator("inspector-own", role: .inspector, unit: unit)
        #expect(throws: GridError.self) { try s.services.moveCase(c.number, .startRectifying, reason: "", context: s.context(outsider)) }
        _ = try s.services.moveCase(c.number, .startRectifying, reason: "", context: s.context(own))
        _ = try s.services.moveCase(c.number, .submit, reason: "", context: s.context(own))
        let refusal = #expect(throws: GridError.self) { try s.services.moveCase(c.number, .verify, reason: "", context: s.context(ownInspector)) }
        #expect(refusal?.description.contains("finder ≠ fixer") == true)
        #expect(try s.store.caseRecord(c.number)?.state == .submitted)
        _ = try s.services.moveCase(c.number, .verify, reason: "", context: s.context())
        #expect(try s.store.caseRecord(c.number)?.state == .closed)
    }

    @Test("moving several cases is all or none: one illegal step leaves every case where it was", arguments: StoreKind.allCases)
    func moveAllOrNone(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cells = try s.cells([.ok], count: 3)
        let recorded = try s.services.recordProblems(cells.map { draft($0) }, context: s.context())
        _ = try s.services.moveCase(recorded[2].number, .register, reason: "", context: s.context())
        #expect(throws: GridError.self) {
            try s.services.moveCases(recorded.map(\.number), .register, reason: "", context: s.context())
        }
        #expect(try recorded.map { try s.store.caseRecord($0.number)?.state } == [.reported, .reported, .registered])
        let moved = try s.services.moveCases(recorded.prefix(2).map(\.number), .register, reason: "", context: s.context())
        #expect(moved.map(\.state) == [.registered, .registered])
    }

    @Test("notices are numbered per year and an issue number is never reused", arguments: StoreKind.allCases)
    func notices(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let next = try s.store.nextNoticeIssue(year: 2026)
        let cases = try s.store.cases(openOnly: true, communityID: nil, limit: 3).map(\.number)
        let issued = try s.services.issueNotice(year: 2026, issue: nil, from: Day("2026-11-01")!, to: Day("2026-11-30")!, cases: cases,
                                                context: s.context())
        #expect(issued == next)
        #expect(try s.store.nextNoticeIssue(year: 2026) == next + 1)
        #expect(throws: GridError.self) {
            try s.services.issueNotice(year: 2026, issue: issued, from: Day("2026-11-01")!, to: Day("2026-11-30")!, cases: cases,
                                       context: s.context())
        }
        let clerk = try s.addOperator("clerk2", role: .clerk)
        #expect(throws: GridError.self) {
            try s.services.issueNotice(year: 2026, issue: nil, from: Day("2026-12-01")!, to: Day("2026-12-31")!, cases: cases,
                                       context: s.context(clerk))
        }
    }

    @Test("a notice over days an earlier notice covered is refused, naming it: its cases would be charged as repeated twice",
          arguments: StoreKind.allCases)
    func overlappingNotice(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cases = try s.store.cases(openOnly: true, communityID: nil, limit: 3).map(\.number)
        let first = try s.services.issueNotice(year: 2026, issue: nil, from: Day("2026-11-01")!, to: Day("2026-11-15")!, cases: cases,
                                               context: s.context())
        for (from, to) in [("2026-11-15", "2026-11-30"), ("2026-10-20", "2026-11-01"), ("2026-11-03", "2026-11-04"), ("2026-10-01", "2026-12-31")] {
            do {
                _ = try s.services.issueNotice(year: 2026, issue: nil, from: Day(from)!, to: Day(to)!, cases: cases, context: s.context())
                Issue.record("\(from) … \(to) overlaps 2026-11-01 … 2026-11-15 but was issued")
            } catch {
                #expect(error.description.contains("第\(first)期") || error.description.contains("overlaps"), "\(error.description)")
            }
        }
        #expect(try s.store.nextNoticeIssue(year: 2026) == first + 1, "nothing was recorded")
        #expect(try s.services.issueNotice(year: 2026, issue: nil, from: Day("2026-11-16")!, to: Day("2026-11-30")!, cases: cases,
                                           context: s.context()) == first + 1, "the next period is fine")
    }
}
