import GridCore
import Testing

/// The declared-site register on any store that keeps one (`SiteRegisterReading`, `SiteRegisterTransaction`): numbers
/// unique per office whichever door a change comes through, responsible persons per unit and site, cadences, the
/// register's figures equal to the case ledger's, and refusals writing nothing.
@Suite("Store contract: declared-site register")
struct SiteRegisterContract {
    func register(_ s: StoreUnderTest) throws -> any SiteRegisterReading {
        try #require(s.store as? any SiteRegisterReading, "\(s.kind) does not offer SiteRegisterReading")
    }

    func sites(_ s: StoreUnderTest) throws -> [DeclaredSite] {
        try register(s).declaredSites(officeID: nil, today: s.today, utcOffsetSeconds: 8 * 3600)
    }

    @Test("the demo county's sites come by number, each once, with a lead unit, a supporting unit and their responsible persons",
          arguments: StoreKind.allCases)
    func demoRegister(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let all = try sites(s)
        #expect(all.map(\.number) == Array(1...all.count), "\(all.map(\.number))")
        #expect(all.count == 32)
        for site in all {
            #expect(site.lead != nil, "◆\(site.number) has no lead unit")
            #expect(!site.supporting.isEmpty, "◆\(site.number) has no supporting unit")
            #expect(site.units.allSatisfy { $0.responsible.map { !$0.name.isEmpty && !$0.phone.isEmpty } ?? false })
        }
        #expect(all.contains { $0.ownCadence } && all.contains { !$0.ownCadence && $0.cadence == .standard })
    }

    @Test("open and overdue counts and the last self-inspection equal the case ledger's", arguments: StoreKind.allCases)
    func figures(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        for site in try sites(s) {
            let cases = try s.store.cases(openOnly: false, communityID: site.community.id, limit: 10_000)
            let open = cases.filter(\.state.isOpen)
            #expect(site.openCases == open.count)
            #expect(site.overdueCases == open.filter { $0.isOverdue(today: s.today) }.count)
            let selfChecks = cases.filter { $0.source == .selfInspection }.map { $0.foundAt.day(offsetSeconds: 8 * 3600) }
            #expect(site.lastSelfInspection == selfChecks.max())
        }
    }

    @Test("an inspection in the lead unit's self-inspection round is the site's last self-inspection; a supervision round's is not",
          arguments: StoreKind.allCases)
    func selfInspectionRound(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let site = try #require(try sites(s).first { $0.lastSelfInspection == nil })
        let lead = try #require(site.lead).link.unit.id
        let cell = try #require(try s.store.cells(communityID: site.community.id).first { $0.cell.status == .ok || $0.cell.status == .unchecked })
        let supervision = try s.startedRound("12月督查（点位）", kind: .supervision)
        _ = try s.services.inspect(InspectionRequest(roundID: supervision.id, cell: cell.cell.key, result: .ok), context: s.context())
        #expect(try sites(s).first { $0.community.id == site.community.id }?.lastSelfInspection == nil)
        let own = try s.startedRound("\(site.community.name)第1周自查", kind: .selfInspection, unit: lead)
        _ = try s.services.inspect(InspectionRequest(roundID: own.id, cell: cell.cell.key, result: .ok), context: s.context())
        let after = try #require(try sites(s).first { $0.community.id == site.community.id })
        #expect(after.lastSelfInspection == s.today)
        #expect(!after.missedCadence(today: s.today))
        #expect(after.light(today: s.today) != .red || after.overdueCases > 0)
    }

    @Test("a number another site holds is refused by every service — set, add, unretire — naming it, and nothing is written",
          arguments: StoreKind.allCases)
    func duplicateRefused(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let all = try sites(s)
        let (a, b) = (all[0], all[1])
        let before = try s.store.latestAuditID()
        var edit = SiteEdit(communityID: b.community.id)
        edit.number = .set(a.number)
        edit.cadence = .set(SiteCadence(days: 3))
        #expect(throws: GridError.self) { try s.services.editSite(edit, context: s.context()) }
        do { _ = try s.services.editSite(edit, context: s.context()) } catch {
            #expect(error.description.contains("申报点位 第\(a.number)号") && error.description.contains(a.community.name))
            #expect(error.exitCode == 2)
        }
        #expect(throws: GridError.self) {
            try s.services.addCommunity(CommunityDraft(streetID: b.community.streetID, name: "欧阳路第二农贸市场", kind: "农贸市场",
                                                       declaredSite: a.number), context: s.context())
        }
        #expect(try s.store.latestAuditID() == before)
        #expect(try sites(s).first { $0.community.id == b.community.id }?.cadence == b.cadence)
        // Retire ◆a, give its number to b, then bringing a back is refused: the number is b's now.
        _ = try s.services.setRetired(communityID: a.community.id, true, context: s.context())
        _ = try s.services.editSite(SiteEdit(communityID: b.community.id).with(\.number, .set(a.number)), context: s.context())
        #expect(throws: GridError.self) { try s.services.setRetired(communityID: a.community.id, false, context: s.context()) }
        #expect(try s.store.community(id: a.community.id)?.isRetired == true)
        let numbers = try sites(s).map(\.number)
        #expect(Set(numbers).count == numbers.count)
    }

    @Test("number, kind, cadence and a unit's responsible person are set together, audited; again changes nothing",
          arguments: StoreKind.allCases)
    func editTogether(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let site = try #require(try sites(s).first { $0.community.kind == .toilet })
        let unit = try #require(site.supporting.first).link.unit
        _ = try s.services.addKind(.site, label: "旅游公厕", like: "公厕", context: s.context())
        var edit = SiteEdit(communityID: site.community.id)
        edit.number = .set(77)
        edit.kind = "旅游公厕"
        edit.cadence = .set(SiteCadence(days: 14))
        edit.contact = (unit.id, "司马晓燕", "(0576)8778 1234")
        let out = try s.services.editSite(edit, context: s.context())
        #expect(Set(out.audit.map(\.field)) == ["declared_site", "kind", "self_check_days", "site_contact.\(unit.id)"])
        let after = try #require(try sites(s).first { $0.community.id == site.community.id })
        #expect(after.number == 77 && after.kindLabel == "旅游公厕" && after.cadence.days == 14 && after.ownCadence)
        #expect(after.units.first { $0.link.unit.id == unit.id }?.responsible == Contact(name: "司马晓燕", phone: "0576-87781234"))
        #expect(try s.services.editSite(edit, context: s.context()).audit.isEmpty)
        // Back to the office default; the office default moves every site without its own.
        _ = try s.services.editSite(SiteEdit(communityID: site.community.id).with(\.cadence, .officeDefault), context: s.context())
        _ = try s.services.setDefaultCadence(officeID: nil, SiteCadence(days: 10), context: s.context())
        #expect(try sites(s).filter { !$0.ownCadence }.allSatisfy { $0.cadence.days == 10 })
        #expect(try sites(s).first { $0.community.id == site.community.id }?.cadence.days == 10)
    }

    @Test("refusals: a unit not on the site, a kind dropping themes, a retired site, a clerk or inspector; nothing is written",
          arguments: StoreKind.allCases)
    func refusals(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let site = try #require(try sites(s).first { $0.community.kind == .market })
        let onSite = Set(site.units.map(\.link.unit.id))
        let stranger = try #require(try sites(s).flatMap(\.units).map(\.link.unit).first { !onSite.contains($0.id) })
        let before = try s.store.latestAuditID()
        var edit = SiteEdit(communityID: site.community.id)
        edit.contact = (stranger.id, "王五", "13957612345")
        #expect(throws: GridError.self) { try s.services.editSite(edit, context: s.context()) }
        #expect(throws: GridError.self) {
            try s.services.editSite(SiteEdit(communityID: site.community.id).with(\.kind, "公厕"), context: s.context())
        }
        let inspector = try s.addOperator("dc_ouyang", role: .inspector)
        let after = try s.store.latestAuditID()
        do {
            _ = try s.services.editSite(SiteEdit(communityID: site.community.id).with(\.number, .set(99)), context: s.context(inspector))
            Issue.record("an inspector edited the register")
        } catch {
            #expect(error.exitCode == 3 && error.description.contains("维护申报点位"))
        }
        #expect(after > before)
        #expect(try s.store.latestAuditID() == after)
        _ = try s.services.setRetired(communityID: site.community.id, true, context: s.context())
        #expect(throws: GridError.self) {
            try s.services.editSite(SiteEdit(communityID: site.community.id).with(\.cadence, .set(.standard)), context: s.context())
        }
    }

    @Test("the board in site-number order and a range of numbers: windows and positions agree", arguments: StoreKind.allCases)
    func boardBySite(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        var filter = CommunityFilter()
        filter.bySiteNumber = true
        let total = try s.store.communityCount(in: .all, filter: filter, today: s.today)
        #expect(total == 32)
        let rows = try s.store.communities(in: .all, filter: filter, offset: 0, limit: 100, today: s.today)
        #expect(rows.map { $0.community.declaredSite ?? 0 } == Array(1...32))
        let tail = try s.store.communities(in: .all, filter: filter, offset: 30, limit: 10, today: s.today, total: total,
                                           anchor: WindowAnchor(index: 0, row: rows[0]))
        #expect(tail.map { $0.community.declaredSite ?? 0 } == [31, 32])
        #expect(try s.store.position(of: rows[9].community.id, in: .all, filter: filter, today: s.today) == 9)
        filter.siteNumbers = 5...8
        #expect(try s.store.communities(in: .all, filter: filter, offset: 0, limit: 10, today: s.today).map { $0.community.declaredSite ?? 0 }
            == [5, 6, 7, 8])
    }
}

extension SiteEdit {
    /// The edit with one more field set (tests build edits in one expression).
    func with<V>(_ path: WritableKeyPath<SiteEdit, V>, _ value: V) -> SiteEdit {
        var copy = self
        copy[keyPath: path] = value
        return copy
    }
}
