import GridCore
import Testing

@Suite("Store contract: the office's order of streets and communities")
struct OrderContract {
    func streetNames(_ s: StoreUnderTest) throws -> [String] {
        try s.store.rollups(groupedBy: .street, within: .all, today: s.today).compactMap { $0.node?.name }
    }

    @Test("streets and communities come in pinyin order; an office order number goes first and is visible to another connection; windows keep paging",
          arguments: StoreKind.allCases)
    func officeOrder(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let streets = try streetNames(s)
        #expect(streets.first == "城关镇" && streets.firstIndex(of: "城关镇")! < streets.firstIndex(of: "兰平镇")!)
        #expect(streets == streets.sorted { OfficeOrder.collationKey($0) < OfficeOrder.collationKey($1) })
        let rows = try s.store.communities(in: .all, filter: .none, offset: 0, limit: 400, today: s.today)
        let firstStreet = rows.prefix { $0.community.streetID == rows[0].community.streetID }.map(\.community.name)
        #expect(firstStreet == firstStreet.sorted { (OfficeOrder.collationKey($0), $0) < (OfficeOrder.collationKey($1), $1) })

        let last = try #require(s.store.findNodes(streets[streets.count - 1], levels: [.street]).first)
        let entries = try s.services.setOrder(last.node, to: 1, context: s.context())
        #expect(entries.count == 1)
        let community = rows[rows.count - 1].community
        _ = try s.services.setOrder(.community(community.id), to: 0, context: s.context())
        let other = try s.reopen()
        let reordered = try other.communities(in: .all, filter: .none, offset: 0, limit: 400, today: s.today)
        #expect(try other.rollups(groupedBy: .street, within: .all, today: s.today).first?.node?.name == last.name)
        #expect(reordered.first?.community.id == community.id, "the numbered community of the numbered street comes first")
        #expect(reordered.first?.community.officeOrder == 0)
        // Keyset windows agree with the plain list after the change.
        let total = reordered.count
        for (offset, anchorIndex) in [(30, 29), (10, 40), (total - 20, total - 50)] {
            let window = try other.communities(in: .all, filter: .none, offset: offset, limit: 20, today: s.today, total: total,
                                               anchor: WindowAnchor(index: anchorIndex, row: reordered[anchorIndex]))
            #expect(window.map(\.community.id) == reordered.dropFirst(offset).prefix(20).map(\.community.id))
        }
        #expect(try other.position(of: community.id, in: .all, filter: .none, today: s.today) == 0)
        let viewer = try s.addOperator("kan", role: .viewer)
        #expect(throws: GridError.self) { try s.services.setOrder(last.node, to: 2, context: s.context(viewer)) }
    }
}
