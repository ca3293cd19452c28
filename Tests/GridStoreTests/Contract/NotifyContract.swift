import GridCore
import Testing

/// Notifying a case on any store: the message comes from the register (the unit's responsible person on the site, its
/// liaison), and recording it is an append-only case event saying by whom, when and to whom; refusals write nothing.
@Suite("Store contract: notify at once")
struct NotifyContract {
    func openCaseAtSite(_ s: StoreUnderTest) throws -> (CaseRecord, DeclaredSite) {
        let register = try #require(s.store as? any SiteRegisterReading)
        let sites = try register.declaredSites(officeID: nil, today: s.today, utcOffsetSeconds: 8 * 3600)
        for site in sites {
            let cases = try s.store.cases(openOnly: true, communityID: site.community.id, limit: 100).filter { $0.handlingUnitID != nil }
            if let c = cases.first { return (c, site) }
        }
        Issue.record("no dispatched open case at a declared site in the demo")
        throw GridError.notFound("no case")
    }

    @Test("the message names the dispatched unit's person on the site; recording appends a notify event and changes nothing else",
          arguments: StoreKind.allCases)
    func record(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let (c, site) = try openCaseAtSite(s)
        let unit = try #require(site.units.first { $0.link.unit.id == c.handlingUnitID })
        let person = try #require(unit.responsible)
        let before = try s.store.caseEvents(c.number).count
        let preview = try s.services.notifyCase(c.number, record: false, context: s.context())
        #expect(try s.store.caseEvents(c.number).count == before)
        let clerk = try s.addOperator("lina_site", role: .clerk)
        let note = try s.services.notifyCase(c.number, context: s.context(clerk))
        #expect(note == preview)
        #expect(note.message.count <= 140)
        #expect(note.message.contains(person.phone) && note.message.contains(unit.link.unit.liaison.phone))
        #expect(note.message.contains("◆\(site.number)"))
        let events = try s.store.caseEvents(c.number)
        #expect(events.count == before + 1)
        let last = try #require(events.last)
        #expect(last.event.action == "notify" && last.event.actor == "lina_site" && last.event.from == c.state && last.event.to == c.state)
        #expect(last.event.reason.contains(person.name) && last.event.reason.contains(note.message))
        #expect(try s.store.caseRecord(c.number) == c)
    }

    @Test("a viewer may not record a notification; a closed case is not notified; nothing is written", arguments: StoreKind.allCases)
    func refusals(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let (c, _) = try openCaseAtSite(s)
        let viewer = try s.addOperator("leader_site", role: .viewer)
        let before = try s.store.caseEvents(c.number).count
        do {
            _ = try s.services.notifyCase(c.number, context: s.context(viewer))
            Issue.record("a viewer recorded a notification")
        } catch {
            #expect(error.exitCode == 3)
        }
        let closed = try #require(try s.store.cases(CaseQuery(openOnly: false, limit: 5_000)).first { !$0.state.isOpen })
        #expect(throws: GridError.self) { try s.services.notifyCase(closed.number, context: s.context()) }
        #expect(try s.store.caseEvents(c.number).count == before)
    }
}

/// Dispatch slips on any store: numbered per year, listing only open cases dispatched to the unit.
@Suite("Store contract: dispatch slips")
struct DispatchSlipContract {
    @Test("slips are numbered 1, 2 … in the year; a case not dispatched to the unit is refused and nothing is written",
          arguments: StoreKind.allCases)
    func numbering(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let open = try s.store.cases(CaseQuery(openOnly: true, limit: 5_000)).filter { $0.handlingUnitID != nil }
        let c = try #require(open.first)
        let unit = try #require(c.handlingUnitID)
        let mine = open.filter { $0.handlingUnitID == unit }.map(\.number)
        let first = try s.services.issueDispatchSlip(unitID: unit, cases: mine, context: s.context())
        let second = try s.services.issueDispatchSlip(unitID: unit, cases: [], context: s.context())
        #expect(first.seq == 1 && second.seq == 2 && first.year == s.today.civil.year)
        #expect(first.label == "\(s.today.civil.year)·交办第1号")
        let other = try #require(open.first { $0.handlingUnitID != unit })
        let clerk = try s.addOperator("wangfang_slip", role: .clerk)
        let before = try s.store.latestAuditID()
        #expect(throws: GridError.self) { try s.services.issueDispatchSlip(unitID: unit, cases: [other.number], context: s.context()) }
        #expect(throws: GridError.self) { try s.services.issueDispatchSlip(unitID: unit, cases: mine, context: s.context(clerk)) }
        #expect(try s.store.latestAuditID() == before)
        #expect(try s.services.issueDispatchSlip(unitID: unit, cases: [], context: s.context()).seq == 3)
    }
}
