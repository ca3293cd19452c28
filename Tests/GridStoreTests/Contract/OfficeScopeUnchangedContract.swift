import GridCore
import Testing

/// A request aimed at another county that would change nothing (a status the cell already has, a link already in
/// force, a name already so) is refused exactly like one that would: the same message naming both offices, nothing
/// written. The rule is the one door's (`Workspace` records what a request is aimed at and `ScopeGuard` checks it in
/// `finish`, change set empty or not), so every service is covered by one table.
@Suite("Store contract: unchanged requests across offices")
struct OfficeScopeUnchangedContract {
    typealias City = OfficeScopeContract.City

    /// One request that changes nothing, made by `actor` of the city fixture.
    struct Unchanged: CustomStringConvertible, Sendable {
        let description: String
        /// A change made first by the city-level admin, so that the request then changes nothing.
        var prepare: @Sendable (City) throws -> Void = { _ in }
        let run: @Sendable (City, Operator) throws -> Void
    }

    /// Every kind of unchanged request the services take, each aimed at the demo county (东城, outside 西城).
    static let table: [Unchanged] = [
        Unchanged(description: "set a cell to the status it has") { c, actor in
            let cell = try #require(try c.s.cells([.unchecked]).first)
            let out = try c.s.services.setStatus(cell.key, StatusChangeRequest(status: cell.status), context: c.s.context(actor))
            #expect(!out.changesSomething)
        },
        Unchanged(description: "link the lead unit already linked") { c, actor in
            let community = try #require(try c.s.cells([.unchecked]).first).communityID
            let lead = try #require(try c.s.store.chain(communityID: community, on: c.s.today).first { $0.assignment.role == .lead })
            let entries = try c.s.services.assign(communityID: community, unitID: lead.unit.id, role: .lead,
                                                  propertyID: lead.assignment.propertyID, context: c.s.context(actor))
            #expect(entries.isEmpty)
        },
        Unchanged(description: "rename a street to its name") { c, actor in
            let street = try #require(try c.s.store.streets(officeID: c.east.id).first)
            _ = try c.s.services.renameStreet(id: street.id, to: street.name, context: c.s.context(actor))
        },
        Unchanged(description: "rename a community to its name") { c, actor in
            let id = try #require(try c.s.cells([.unchecked]).first).communityID
            let community = try #require(try c.s.store.community(id: id))
            _ = try c.s.services.renameCommunity(id: community.id, to: community.name, context: c.s.context(actor))
        },
        Unchanged(description: "bring back a live community") { c, actor in
            let community = try #require(try c.s.cells([.unchecked]).first).communityID
            _ = try c.s.services.setRetired(communityID: community, false, context: c.s.context(actor))
        },
        Unchanged(description: "edit a unit with nothing new") { c, actor in
            let community = try #require(try c.s.cells([.unchecked]).first).communityID
            let unit = try #require(try c.s.store.chain(communityID: community, on: c.s.today).first).unit
            _ = try c.s.services.updateUnit(id: unit.id, UnitEdit(name: unit.name), context: c.s.context(actor))
        },
        Unchanged(description: "set a street's order to the one it has", prepare: { c in
            let street = try #require(try c.s.store.streets(officeID: c.east.id).first)
            _ = try c.s.services.setOrder(.street(street.id), to: 7, context: c.s.context())
        }) { c, actor in
            let street = try #require(try c.s.store.streets(officeID: c.east.id).first)
            #expect(try c.s.services.setOrder(.street(street.id), to: 7, context: c.s.context(actor)).isEmpty)
        },
        Unchanged(description: "put the county under the office it is under") { c, actor in
            _ = try c.s.services.setOfficeParent(id: c.east.id, parentID: c.city.id, context: c.s.context(actor))
        },
        Unchanged(description: "save another county's operator as it is", prepare: { c in
            _ = try c.s.services.saveOperator(Operator(login: "zhou_dong", name: "周东城", role: .clerk, officeID: c.east.id),
                                              context: c.s.context())
        }) { c, actor in
            let east = try c.s.store.operatorAccount(login: "zhou_dong")
            let entries = try c.s.services.saveOperator(east, context: c.s.context(actor))
            #expect(entries.isEmpty)
        },
    ]

    @Test("a county admin's unchanged request into the other county is refused like a change, and writes nothing",
          arguments: StoreKind.allCases, table.indices)
    func refusedAcrossCounties(kind: StoreKind, row: Int) throws {
        let c = try City(kind)
        try Self.table[row].prepare(c)
        let westAdmin = try c.scoped(c.westAdmin)
        let auditBefore = try c.s.store.latestAuditID()
        let markerBefore = try c.s.store.changeMarker()
        do {
            try Self.table[row].run(c, westAdmin)
            Issue.record("\(Self.table[row]): not refused")
        } catch GridError.permissionDenied(let message) {
            #expect(message.contains("belongs to \(c.east.name)") && message.contains("you (qian_xi) work for \(c.west.name)"),
                    "\(Self.table[row]): \(message)")
        }
        #expect(try c.s.store.latestAuditID() == auditBefore, "\(Self.table[row])")
        #expect(try c.s.store.changeMarker() == markerBefore, "\(Self.table[row])")
    }

    @Test("the same unchanged requests by a city-level admin go through, changing nothing", arguments: StoreKind.allCases, table.indices)
    func cityLevelUnchanged(kind: StoreKind, row: Int) throws {
        let c = try City(kind)
        try Self.table[row].prepare(c)
        let before = try c.s.store.latestAuditID()
        try Self.table[row].run(c, Fixture.admin)
        #expect(try c.s.store.latestAuditID() == before, "\(Self.table[row])")
    }

    @Test("at home an unchanged request is still 未变更; a preview of the other county's case only reads", arguments: StoreKind.allCases)
    func unchangedAtHomeAndPreviews(kind: StoreKind) throws {
        let c = try City(kind)
        let clerk = try c.scoped(c.westClerk)
        // At home an unchanged status is still 未变更 (nothing refused, nothing written).
        let own = try #require(try c.s.store.cells(communityID: c.westCommunity).first)
        let key = CellKey(communityID: c.westCommunity, themeID: own.cell.themeID)
        let before = try c.s.store.latestAuditID()
        let out = try c.s.services.setStatus(key, StatusChangeRequest(status: own.cell.status), context: c.s.context(clerk))
        #expect(!out.changesSomething)
        #expect(try c.s.store.latestAuditID() == before)
        // A preview of another county's case notification only reads: reading is not scoped.
        let open = try #require(try c.s.store.cases(openOnly: true, communityID: nil, limit: 1).first)
        _ = try c.s.services.notifyCase(open.number, record: false, context: c.s.context(clerk))
        #expect(try c.s.store.latestAuditID() == before)
    }
}
