import GridCore
import GridUI

/// Builds browser columns from the store (data only; GridUI's browser view writes the labels and details): offices → streets → communities → units → property companies.
struct BrowserLoader {
    let store: any GridRepository
    let today: Day

    func level(parent: NodeRef?) throws(GridError) -> BrowserLevel {
        guard let parent else { return BrowserLevel(parent: nil, items: try offices()) }
        switch parent.node {
        case .office(let id):
            // A city's office lists its county offices first (each with everything under it), then its own streets.
            var items = try offices(under: id)
            items += try store.rollups(groupedBy: .street, within: .office(id), today: today).compactMap { g -> BrowserItem? in
                guard let ref = g.node else { return nil }
                return BrowserItem(ref: ref, node: .street, counts: g.counts, hasChildren: true)
            }
            // A street without live communities (just added, or all retired) has no roll-up group but is still there.
            let listed = Set(items.compactMap(\.ref?.node))
            for street in try store.streets(officeID: id) where !listed.contains(.street(street.id)) {
                items.append(BrowserItem(ref: NodeRef(node: .street(street.id), name: street.name, path: parent.name), node: .street,
                                         counts: StatusCounts(), hasChildren: true))
            }
            return BrowserLevel(parent: parent, items: items)
        case .street(let id):
            let rows = try store.communities(in: .street(id), filter: .none, offset: 0, limit: 100_000, today: today)
            // One query for every community's chain, not one per community.
            let chains = try store.chains(communityIDs: rows.map(\.community.id), on: today)
            let kinds = try store.kinds()
            return BrowserLevel(parent: parent, items: rows.map { row in
                var item = community(row, chain: chains[row.community.id] ?? [])
                item.kindLabel = kinds.label(of: row.community)
                return item
            })
        case .community(let id):
            let kinds = try store.kinds()
            return BrowserLevel(parent: parent, items: try store.chain(communityID: id, on: today).map { link in
                var item = unitItem(link)
                item.kindLabel = kinds.label(of: link.unit)
                return item
            })
        case .unit(let id):
            return BrowserLevel(parent: parent, items: try properties(ofUnit: id))
        case .property:
            return BrowserLevel(parent: parent, items: [])
        }
    }

    /// The top-level offices (a city's, or each county's when there is no city), each counting the offices under it.
    func offices() throws(GridError) -> [BrowserItem] { try offices(under: nil) }

    /// The offices directly under `parent` (nil: the top level), each with the counts of its whole subtree.
    func offices(under parent: RowID?) throws(GridError) -> [BrowserItem] {
        let all = try store.offices()
        let scope = OfficeScope(offices: all)
        let children = scope.children(of: parent)
        guard !children.isEmpty else { return [] }
        let sums = try store.officeTreeCounts(all, today: today)
        let parentName = parent.map(scope.name) ?? ""
        return children.map { o in
            BrowserItem(ref: NodeRef(node: .office(o.id), name: o.name, path: parentName), node: .office,
                        counts: sums[o.id] ?? StatusCounts(), hasChildren: true)
        }
    }

    func community(_ row: CommunityRow, chain: [ChainLink]) -> BrowserItem {
        let c = row.community
        return BrowserItem(ref: NodeRef(node: .community(c.id), name: c.name, path: row.streetName),
                           node: .community(c, streetName: row.streetName, chain: chain), counts: row.counts, hasChildren: true)
    }

    func unitItem(_ link: ChainLink) -> BrowserItem {
        let u = link.unit
        return BrowserItem(ref: NodeRef(node: .unit(u.id), name: u.name, path: ""), node: .unit(link), counts: nil, hasChildren: true)
    }

    /// The property companies a unit supervises across its communities, with each one's roll-up.
    func properties(ofUnit id: RowID) throws(GridError) -> [BrowserItem] {
        let groups = try store.rollups(groupedBy: .property, within: .unit(id), today: today)
        var items: [BrowserItem] = []
        for g in groups {
            guard let ref = g.node, case .property(let pid) = ref.node else {
                items.append(BrowserItem(ref: nil, node: .selfManaged, counts: g.counts, hasChildren: false))
                continue
            }
            let manager = try store.property(id: pid)?.manager.display ?? "—"
            items.append(BrowserItem(ref: ref, node: .property(manager: manager), counts: g.counts, hasChildren: false))
        }
        return items
    }
}
