import GridCore
import GridUI

/// Builds browser columns from the store: offices → streets → communities → units → property companies.
struct BrowserLoader {
    let store: any GridRepository
    let today: Day

    func level(parent: NodeRef?) throws(GridError) -> BrowserLevel {
        guard let parent else { return BrowserLevel(parent: nil, items: try offices()) }
        switch parent.node {
        case .office(let id):
            let items = try store.rollups(groupedBy: .street, within: .office(id), today: today).compactMap { g -> BrowserItem? in
                guard let ref = g.node else { return nil }
                return BrowserItem(ref: ref, label: ref.name, counts: g.counts, details: ["街道/乡镇 · \(ref.path)"], hasChildren: true)
            }
            return BrowserLevel(parent: parent, items: items)
        case .street(let id):
            let rows = try store.communities(in: .street(id), filter: .none, offset: 0, limit: 100_000, today: today)
            // One query for every community's chain, not one per community.
            let chains = try store.chains(communityIDs: rows.map(\.community.id), on: today)
            return BrowserLevel(parent: parent, items: rows.map { community($0, chain: chains[$0.community.id] ?? []) })
        case .community(let id):
            return BrowserLevel(parent: parent, items: try store.chain(communityID: id, on: today).map(unitItem))
        case .unit(let id):
            return BrowserLevel(parent: parent, items: try properties(ofUnit: id))
        case .property:
            return BrowserLevel(parent: parent, items: [])
        }
    }

    func offices() throws(GridError) -> [BrowserItem] {
        let groups = try store.rollups(groupedBy: .office, within: .all, today: today)
        return try store.offices().map { o in
            let ref = NodeRef(node: .office(o.id), name: o.name, path: "")
            return BrowserItem(ref: ref, label: o.name, counts: groups.first { $0.node?.node == ref.node }?.counts ?? StatusCounts(),
                               details: ["三创办 creation office"], hasChildren: true)
        }
    }

    func community(_ row: CommunityRow, chain: [ChainLink]) -> BrowserItem {
        let c = row.community
        var details = ["\(c.kind.zh) · \(row.streetName)", c.declaredSite.map { "申报点位 第\($0)号" } ?? "非申报点位"]
        if !c.address.isEmpty { details.append("地址 \(c.address)") }
        if let h = c.households { details.append("户数 \(h)") }
        for link in chain {
            details.append("\(link.assignment.role.zh) \(link.unit.name)")
            details.append("  负责人 \(link.unit.head.display)")
            details.append("  联络员 \(link.unit.liaison.display)")
            details.append(link.property.map { "  物业 \($0.name) · \($0.manager.display)" } ?? "  无物业（自管）")
        }
        let site = c.declaredSite.map { "◆\($0) " } ?? ""
        return BrowserItem(ref: NodeRef(node: .community(c.id), name: c.name, path: row.streetName), label: site + c.name,
                           counts: row.counts, details: details, hasChildren: true)
    }

    func unitItem(_ link: ChainLink) -> BrowserItem {
        let u = link.unit
        var details = ["\(link.assignment.role.zh)单位 · \(u.kind.zh)", "负责人 \(u.head.display)", "联络员 \(u.liaison.display)",
                       "自 \(link.assignment.validFrom) 起"]
        details.append(link.property.map { "监管物业 \($0.name)" } ?? "无物业（自管）")
        return BrowserItem(ref: NodeRef(node: .unit(u.id), name: u.name, path: ""), label: "\(u.name)（\(link.assignment.role.zh)）",
                           counts: nil, details: details, hasChildren: true)
    }

    /// The property companies a unit supervises across its communities, with each one's roll-up.
    func properties(ofUnit id: RowID) throws(GridError) -> [BrowserItem] {
        let groups = try store.rollups(groupedBy: .property, within: .unit(id), today: today)
        var items: [BrowserItem] = []
        for g in groups {
            guard let ref = g.node, case .property(let pid) = ref.node else {
                items.append(BrowserItem(ref: nil, label: "无物业（自管）", counts: g.counts, details: ["这些小区没有物业服务企业"], hasChildren: false))
                continue
            }
            let manager = try store.property(id: pid)?.manager.display ?? "—"
            items.append(BrowserItem(ref: ref, label: ref.name, counts: g.counts, details: ["物业服务企业", "项目经理 \(manager)"],
                                     hasChildren: false))
        }
        return items
    }
}
