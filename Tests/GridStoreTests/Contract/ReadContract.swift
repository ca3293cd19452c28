import GridCore
import Testing

/// Reads, chains, operators and imports on any store.
@Suite("Store contract: reads, chain, operators, import")
struct ReadContract {
    @Test("windows tile the whole board and agree with the count and positions", arguments: StoreKind.allCases)
    func windows(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let total = try s.store.communityCount(in: .all, filter: .none, today: s.today)
        var ids: [RowID] = []
        for offset in stride(from: 0, to: total, by: 70) {
            ids += try s.store.communities(in: .all, filter: .none, offset: offset, limit: 70, today: s.today).map(\.community.id)
        }
        #expect(ids.count == total)
        #expect(Set(ids).count == total)
        #expect(try s.store.position(of: ids[123], in: .all, filter: .none, today: s.today) == 123)
    }

    @Test("roll-ups for one node of every kind answer, and group totals agree", arguments: StoreKind.allCases)
    func rollups(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        var totals: [Int] = []
        for grouping in [Grouping.office, .street, .community] {
            let groups = try s.store.rollups(groupedBy: grouping, within: .all, today: s.today)
            totals.append(groups.reduce(0) { $0 + $1.counts.total })
            let node = try #require(groups.first?.node?.node)
            #expect(try s.store.rollup(of: node, today: s.today) == groups.first?.counts)
        }
        #expect(Set(totals).count == 1)
        for grouping in [Grouping.unit, .property] {
            let node = try #require(try s.store.rollups(groupedBy: grouping, within: .all, today: s.today).compactMap(\.node).first)
            #expect(try s.store.rollup(of: node.node, today: s.today).total > 0)
            #expect(try s.store.communityCount(in: CommunityScope(node.node), filter: .none, today: s.today) > 0)
        }
    }

    @Test("reassigning ends the old link and keeps it: the chain on an earlier day is the old one", arguments: StoreKind.allCases)
    func reassignKeepsHistory(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let row = try #require(try s.store.communities(in: .all, filter: .none, offset: 0, limit: 1, today: s.today).first)
        let old = try #require(try s.store.chain(communityID: row.community.id, on: s.today).first { $0.assignment.role == .lead })
        let units = try s.store.rollups(groupedBy: .unit, within: .all, today: s.today).compactMap { $0.node?.node }
        guard case .unit(let newLead)? = units.first(where: { $0 != .unit(old.unit.id) }) else { return }
        let entries = try s.services.assign(communityID: row.community.id, unitID: newLead, role: .lead, propertyID: nil, context: s.context())
        #expect(!entries.isEmpty)
        #expect(try s.store.chain(communityID: row.community.id, on: s.today).first { $0.assignment.role == .lead }?.unit.id == newLead)
        #expect(try s.store.chain(communityID: row.community.id, on: s.today.adding(days: -1)).first { $0.assignment.role == .lead }?.unit.id
            == old.unit.id)
        #expect(try s.store.assignmentHistory(communityID: row.community.id).count > 1)
        #expect(try s.services.assign(communityID: row.community.id, unitID: newLead, role: .lead, propertyID: nil, context: s.context()).isEmpty)
    }

    @Test("operators: admins add and change them; the last admin stays; others may not", arguments: StoreKind.allCases)
    func operators(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let inspector = try s.addOperator("li", role: .inspector)
        #expect(try s.store.operatorAccount(login: "li").role == .inspector)
        #expect(try s.store.operatorAccount(login: "nobody").role == .viewer)
        #expect(throws: GridError.self) {
            try s.services.saveOperator(Operator(login: "x", name: "x", role: .admin), context: s.context(inspector))
        }
        let admins = try s.store.operators().filter { $0.role == .admin }
        if admins.count == 1 {
            #expect(throws: GridError.self) {
                try s.services.saveOperator(Operator(login: "admin", name: "管理员", role: .clerk), context: s.context())
            }
        }
    }

    @Test("an import dry run writes nothing; a viewer may not import", arguments: StoreKind.allCases)
    func importRules(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let row = try #require(try s.store.communities(in: .all, filter: .none, offset: 0, limit: 1, today: s.today).first)
        let office = try #require(try s.store.offices().first?.name)
        var batch = ImportBatch(source: "contract.csv", update: false)
        batch.communities.append(ImportRecord(line: 2, CommunityFields(office: office, street: row.streetName, name: "新建测试小区")))
        let before = try s.store.latestAuditID()
        let dry = try s.services.importBatch(batch, into: s.store, dryRun: true, context: s.context())
        #expect(!dry.changes.isEmpty)
        #expect(try s.store.latestAuditID() == before)
        #expect(try s.store.findNodes("新建测试小区", levels: [.community]).isEmpty)
        #expect(throws: GridError.self) {
            try s.services.importBatch(batch, into: s.store, dryRun: false, context: s.context(.unknown(login: "stranger")))
        }
        _ = try s.services.importBatch(batch, into: s.store, dryRun: false, context: s.context())
        #expect(try s.store.findNodes("新建测试小区", levels: [.community]).count == 1)
    }

    @Test("search finds a community by its initials and its full pinyin, and sees names another connection adds",
          arguments: StoreKind.allCases)
    func pinyinSearch(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let row = try #require(try s.store.communities(in: .all, filter: .none, offset: 0, limit: 1, today: s.today).first)
        let name = row.community.name
        let initials = String(name.compactMap { Pinyin.readings($0).first?.first })
        let full = name.compactMap { Pinyin.readings($0).first }.joined()
        #expect(try s.store.search(initials, limit: 500).contains { $0.ref.node == .community(row.community.id) }, "\(initials)")
        #expect(try s.store.search(full, limit: 500).contains { $0.ref.node == .community(row.community.id) }, "\(full)")
        #expect(try s.store.search(name, limit: 5).first?.ref.name == name)
        let office = try #require(try s.store.offices().first?.name)
        var batch = ImportBatch(source: "new.csv", update: false)
        batch.communities.append(ImportRecord(line: 2, CommunityFields(office: office, street: row.streetName, name: "翠湖湾")))
        #expect(try s.store.search("cuihuwan", limit: 10).isEmpty)
        _ = try GridServices(try s.reopen()).importBatch(batch, into: try s.reopen(), dryRun: false, context: s.context())
        #expect(try s.store.search("cuihuwan", limit: 10).map(\.ref.name) == ["翠湖湾"])
    }

    @Test("a commit by another connection moves the change marker", arguments: StoreKind.allCases)
    func changeMarker(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let other = try s.reopen()
        let marker = try s.store.changeMarker()
        let cell = try #require(try s.cells([.ok]).first)
        _ = try GridServices(other).setStatus(cell.key, StatusChangeRequest(status: .unchecked), context: s.context())
        #expect(try s.store.changeMarker() != marker)
        #expect(try s.cell(cell.key)?.status == .unchecked)
    }
}
