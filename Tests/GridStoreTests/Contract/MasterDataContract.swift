import GridCore
import Testing

/// Master data by hand on any store: rows written whole with their audit rows in one transaction, new communities with
/// their cells, retired ones off the board and roll-ups but still readable, kinds as lists, refusals writing nothing.
@Suite("Store contract: master data")
struct MasterDataContract {
    /// The first street of the demo county, and its office.
    func firstStreet(_ s: StoreUnderTest) throws -> (office: RowID, street: RowID) {
        let office = try #require(try s.store.offices().first)
        let street = try #require(try s.store.streets(officeID: office.id).first)
        return (office.id, street.id)
    }

    @Test("a street and a community of an office kind are added with their cells and audit rows; check stays clean",
          arguments: StoreKind.allCases)
    func addStreetAndCommunity(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let before = try s.store.latestAuditID()
        let boardBefore = try s.store.communityCount(in: .all, filter: .none, today: s.today)
        let street = try s.services.addStreet(officeID: nil, name: "高新技术产业开发区", context: s.context())
        let school = try s.services.addKind(.site, label: "学校", like: "公园广场", context: s.context())
        let added = try s.services.addCommunity(CommunityDraft(streetID: street.id, name: "县第一实验小学", kind: "学校", declaredSite: 33),
                                                context: s.context())
        let c = try #require(try s.store.community(id: added.id))
        #expect(c.name == "县第一实验小学" && c.kind == .park && c.siteKindCode == school.code && c.declaredSite == 33)
        #expect(try s.store.kinds().label(of: c) == "学校")
        let themes = try s.store.themes().filter { $0.applies(to: .park) }
        #expect(try s.store.cells(communityID: c.id).count == themes.count)
        #expect(try s.store.communityCount(in: .all, filter: .none, today: s.today) == boardBefore + 1)
        let office = try #require(try s.store.offices().first)
        #expect(try s.store.streets(officeID: office.id).contains { $0.id == street.id && $0.name == "高新技术产业开发区" })
        let trail = try s.store.auditTrail(AuditQuery(afterID: before, limit: 10))
        #expect(trail.map(\.record.entry.entity).sorted { $0.rawValue < $1.rawValue } == [.community, .siteKind, .street])
        #expect(trail.first { $0.record.entry.entity == .community }?.record.entry.communityID == c.id)
    }

    @Test("rename, move and edit write whole rows; a retired community leaves the board and roll-ups and comes back",
          arguments: StoreKind.allCases)
    func editMoveRetire(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let (office, streetID) = try firstStreet(s)
        let other = try s.services.addStreet(officeID: office, name: "西城街道", context: s.context())
        let row = try #require(try s.store.communities(in: .street(streetID), filter: .none, offset: 0, limit: 1, today: s.today).first)
        let id = row.community.id
        _ = try s.services.renameCommunity(id: id, to: "幸福里花园（一期）", context: s.context())
        _ = try s.services.moveCommunity(id: id, toStreet: other.id, context: s.context())
        var c = try #require(try s.store.community(id: id))
        #expect(c.name == "幸福里花园（一期）" && c.streetID == other.id)
        let rollupBefore = try s.store.rollup(of: .street(other.id), today: s.today).total
        #expect(rollupBefore > 0)
        _ = try s.services.setRetired(communityID: id, true, context: s.context())
        c = try #require(try s.store.community(id: id))
        #expect(c.retiredOn == s.today)
        #expect(try s.store.communityCount(in: .street(other.id), filter: .none, today: s.today) == 0)
        #expect(try s.store.rollup(of: .street(other.id), today: s.today).total == 0)
        #expect(try !s.store.cells(communityID: id).isEmpty)
        #expect(try s.store.search("幸福里花园", limit: 5).isEmpty)
        #expect(try s.store.findNodes("幸福里花园（一期）", levels: [.community]).count == 1)
        _ = try s.services.setRetired(communityID: id, false, context: s.context())
        #expect(try s.store.communityCount(in: .street(other.id), filter: .none, today: s.today) == 1)
        #expect(try s.store.search("幸福里花园", limit: 5).count == 1)
    }

    @Test("units and property companies: contacts in their stored form, one audit row per changed field",
          arguments: StoreKind.allCases)
    func unitsAndProperties(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        _ = try s.services.addKind(.unit, label: "县直部门", context: s.context())
        let unit = try s.services.addUnit(officeID: nil, name: "县数据资源管理局",
                                          details: UnitEdit(kind: "县直部门", head: "欧阳建华", headPhone: "+86 139-5761-2345"), context: s.context())
        let u = try #require(try s.store.unit(id: unit.id))
        #expect(u.head == Contact(name: "欧阳建华", phone: "13957612345"))
        #expect(try s.store.kinds().label(of: u) == "县直部门")
        let before = try s.store.latestAuditID()
        let edit = try s.services.updateUnit(id: unit.id, UnitEdit(name: "县大数据发展中心", head: "欧阳建华", liaison: "李"), context: s.context())
        #expect(edit.audit.map(\.field) == ["name", "liaison"])
        #expect(try s.store.auditTrail(AuditQuery(afterID: before, limit: 10)).count == 2)
        let company = try s.services.addProperty(officeID: nil, name: "ＡＢＣ物业", manager: "王", phone: "0576 87791234", context: s.context())
        let p = try #require(try s.store.property(id: company.id))
        #expect(p.name == "ABC物业" && p.manager.phone == "0576-87791234")
    }

    @Test("refusals write nothing: a clerk, a duplicate after folding, a bad phone, an unknown kind", arguments: StoreKind.allCases)
    func refusals(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let (_, street) = try firstStreet(s)
        let clerk = try s.addOperator("lina", role: .clerk)
        let existing = try #require(try s.store.communities(in: .street(street), filter: .none, offset: 0, limit: 1, today: s.today).first)
        let before = try s.store.latestAuditID()
        let duplicate = FullWidth.widenAlphanumerics(existing.community.name) + " "
        #expect(throws: GridError.self) { try s.services.addStreet(officeID: nil, name: "新区", context: s.context(clerk)) }
        #expect(throws: GridError.self) {
            try s.services.addCommunity(CommunityDraft(streetID: street, name: duplicate), context: s.context())
        }
        #expect(throws: GridError.self) {
            try s.services.addUnit(officeID: nil, name: "县卫健局", details: UnitEdit(headPhone: "12345"), context: s.context())
        }
        #expect(throws: GridError.self) {
            try s.services.addCommunity(CommunityDraft(streetID: street, name: "县人民医院", kind: "医院"), context: s.context())
        }
        #expect(throws: GridError.self) { try s.services.addKind(.site, label: "学校", context: s.context(clerk)) }
        #expect(try s.store.latestAuditID() == before)
        #expect(try s.store.kinds() == KindCatalog.seeded)
    }
}
