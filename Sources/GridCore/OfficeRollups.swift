/// Roll-ups over an office tree: a city's office sums its counties', so a city-level office sees one figure for the
/// city and drills into any county. The store answers per office (`CommunityScope.office`); the tree is GridCore's.
extension RollupReading {
    /// Counts by `grouping` over every community of `offices` (a city's office and the counties under it), a group met
    /// under several offices summed once. Groups keep the order the offices are given in, then the store's order.
    public func rollups(groupedBy grouping: Grouping, withinOffices offices: [RowID], today: Day) throws(GridError) -> [GroupCounts] {
        var order: [NodeRef?] = []
        var sums: [NodeRef?: StatusCounts] = [:]
        for office in offices {
            for group in try rollups(groupedBy: grouping, within: .office(office), today: today) {
                if sums[group.node] == nil { order.append(group.node) }
                sums[group.node, default: StatusCounts()].add(group.counts)
            }
        }
        return order.map { GroupCounts(node: $0, counts: sums[$0] ?? StatusCounts()) }
    }

    /// Each office's counts with those of every office under it (a city's = the sum of its counties' and its own).
    public func officeTreeCounts(_ offices: [Office], today: Day) throws(GridError) -> [RowID: StatusCounts] {
        var own: [RowID: StatusCounts] = [:]
        for group in try rollups(groupedBy: .office, within: .all, today: today) {
            if case .office(let id)? = group.node?.node { own[id] = group.counts }
        }
        return OfficeScope(offices: offices).treeSums(own)
    }
}

extension OfficeScope {
    /// Each office's `own` counts plus those of every office under it.
    public func treeSums(_ own: [RowID: StatusCounts]) -> [RowID: StatusCounts] {
        var out: [RowID: StatusCounts] = [:]
        for id in offices.keys {
            var total = StatusCounts()
            for d in descendants(of: id) { total.add(own[d] ?? StatusCounts()) }
            out[id] = total
        }
        return out
    }

    /// The offices directly under `id` (nil: the top-level offices), by name.
    public func children(of id: RowID?) -> [Office] {
        offices.values.filter { $0.parentID == id || (id == nil && $0.parentID.map { offices[$0] == nil } == true) }
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }
}
