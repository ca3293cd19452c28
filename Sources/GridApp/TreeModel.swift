import GridCore

/// One line of `civgrid tree`: a node with its roll-up (if it has one), contacts, and children.
struct TreeItem {
    var ref: NodeRef?
    var label: String
    var counts: StatusCounts?
    var contacts: String
    var children: [TreeItem] = []
}

/// Builds the hierarchy office → street → community → unit → property company from the store,
/// fetching each level with one roll-up query, to `depth` levels.
struct TreeBuilder {
    let store: any GridRepository
    let today: Day
    /// The kind lists, for the office's own labels (学校, 县直部门 …).
    var kinds: KindCatalog = .seeded
    let depth: Int

    /// The top level: every office, or the node asked for.
    func roots(_ node: NodeRef?) throws(GridError) -> [TreeItem] {
        guard let node else {
            // Every top-level office (a city's above its counties'), including a new one with no communities yet.
            return try offices(under: nil, level: 1)
        }
        if case .office(let id) = node.node { return [try office(node, counts: try officeTree()[id] ?? StatusCounts(), level: 1)] }
        let counts = try store.rollup(of: node.node, today: today)
        switch node.node {
        case .office: return []
        case .street: return [try street(node, counts: counts, level: 1)]
        case .community(let id):
            let row = try store.communities(in: .community(id), filter: .none, offset: 0, limit: 1, today: today)
            return try row.map { r throws(GridError) in try community(r, level: 1) }
        case .unit(let id):
            return [try scoped(node, counts: counts, contacts: try unitContacts(id), scope: .unit(id))]
        case .property(let id):
            return [try scoped(node, counts: counts, contacts: try propertyContacts(id), scope: .property(id))]
        }
    }

    /// Each office's counts with everything under it (a city's office sums its counties').
    func officeTree() throws(GridError) -> [RowID: StatusCounts] {
        try store.officeTreeCounts(try store.offices(), today: today)
    }

    /// The offices directly under `parent` (nil: the top level), each with its subtree's counts.
    func offices(under parent: RowID?, level: Int) throws(GridError) -> [TreeItem] {
        let all = try store.offices()
        let children = OfficeScope(offices: all).children(of: parent)
        // A county with no office under it (the usual case) costs no roll-up here.
        guard !children.isEmpty else { return [] }
        let sums = try store.officeTreeCounts(all, today: today)
        return try children.map { o throws(GridError) in
            try office(NodeRef(node: .office(o.id), name: o.name, path: ""), counts: sums[o.id] ?? StatusCounts(), level: level)
        }
    }

    func office(_ ref: NodeRef, counts: StatusCounts, level: Int) throws(GridError) -> TreeItem {
        var item = TreeItem(ref: ref, label: ref.name, counts: counts, contacts: "")
        guard level < depth else { return item }
        // A county office sits under its city's at the same depth as the city's own streets.
        if case .office(let id) = ref.node { item.children = try offices(under: id, level: level) }
        for g in try store.rollups(groupedBy: .street, within: CommunityScope(ref.node), today: today) {
            if let n = g.node { item.children.append(try street(n, counts: g.counts, level: level + 1)) }
        }
        return item
    }

    func street(_ ref: NodeRef, counts: StatusCounts, level: Int) throws(GridError) -> TreeItem {
        var item = TreeItem(ref: ref, label: ref.name, counts: counts, contacts: "")
        guard level < depth else { return item }
        item.children = try store.communities(in: CommunityScope(ref.node), filter: .none, offset: 0, limit: Int.max, today: today)
            .map { r throws(GridError) in try community(r, level: level + 1) }
        return item
    }

    func community(_ row: CommunityRow, level: Int) throws(GridError) -> TreeItem {
        let c = row.community
        let ref = NodeRef(node: .community(c.id), name: c.name, path: row.streetName)
        let site = c.declaredSite.map { " 点位\($0)" } ?? ""
        var item = TreeItem(ref: ref, label: "\(c.name)\(site)", counts: row.counts, contacts: kinds.label(of: c))
        guard level < depth else { return item }
        item.children = try store.chain(communityID: c.id, on: today).map { link in
            unitItem(link, withProperty: level + 1 < depth)
        }
        return item
    }

    func unitItem(_ link: ChainLink, withProperty: Bool) -> TreeItem {
        let u = link.unit
        var item = TreeItem(ref: NodeRef(node: .unit(u.id), name: u.name, path: ""),
                            label: "\(u.name)（\(link.assignment.role.zh)）", counts: nil,
                            contacts: "负责人 \(u.head.display) · 联络员 \(u.liaison.display)")
        if withProperty {
            let p = link.property
            item.children = [TreeItem(ref: p.map { NodeRef(node: .property($0.id), name: $0.name, path: "") },
                                      label: p.map { "物业：\($0.name)" } ?? "无物业（自管）", counts: nil,
                                      contacts: p.map { "项目经理 \($0.manager.display)" } ?? "")]
        }
        return item
    }

    /// A unit's or property company's communities, each with its chain.
    func scoped(_ ref: NodeRef, counts: StatusCounts, contacts: String, scope: CommunityScope) throws(GridError) -> TreeItem {
        var item = TreeItem(ref: ref, label: ref.name, counts: counts, contacts: contacts)
        guard depth > 1 else { return item }
        item.children = try store.communities(in: scope, filter: .none, offset: 0, limit: Int.max, today: today)
            .map { r throws(GridError) in try community(r, level: 2) }
        return item
    }

    func unitContacts(_ id: RowID) throws(GridError) -> String {
        guard let u = try store.unit(id: id) else { return "" }
        return "负责人 \(u.head.display) · 联络员 \(u.liaison.display)"
    }

    func propertyContacts(_ id: RowID) throws(GridError) -> String {
        guard let p = try store.property(id: id) else { return "" }
        return "项目经理 \(p.manager.display)"
    }
}
