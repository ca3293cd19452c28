import GridCore

/// The HTML report's photo section (整改前后对比): the cases in scope most recently given photos, each with its line and
/// its photos (see `EvidenceHTML`).
enum ReportEvidence {
    /// The most cases the section shows.
    static let limit = 30

    /// The section, or a line saying there are no photos in scope.
    static func section(store: any GridRepository, scope: GridNode?) throws(GridError) -> String {
        let e = HTMLText.escaped
        let themes = Dictionary(uniqueKeysWithValues: try store.themes().map { ($0.id, $0.zh) })
        var photos = EvidenceHTML(store: store)
        var body = ""
        var shown = 0
        for number in try store.recentlyAttachedCases(limit: limit * 10) where shown < limit {
            guard let c = try store.caseRecord(number), let community = try store.community(id: c.communityID),
                  try inScope(c, community, scope, store) else { continue }
            shown += 1
            body += "<p class=\"item\">\(c.number) \(e(community.name)) · \(e(themes[c.themeID] ?? ""))：\(e(c.description))（\(c.state.zh)）</p>"
            body += try photos.figures(try store.attachments(of: number))
        }
        return "<h2>整改前后对比 photo evidence</h2>" + (body.isEmpty ? "<p>范围内没有附照片的案件。</p>" : "<style>\(EvidenceHTML.style)</style>" + body)
    }

    /// Whether a case is within the report's scope: its community's street or office, its community, its unit (handling or
    /// registered) or its property company.
    static func inScope(_ c: CaseRecord, _ community: Community, _ scope: GridNode?, _ store: any GridRepository) throws(GridError) -> Bool {
        switch scope {
        case nil: return true
        case .community(let id)?: return community.id == id
        case .street(let id)?: return community.streetID == id
        case .office(let id)?:
            guard let office = try store.offices().first(where: { $0.id == id }) else { return false }
            return try store.nodeRef(.community(community.id))?.path.hasPrefix(office.name) == true
        case .unit(let id)?: return c.handlingUnitID == id || (c.handlingUnitID == nil && c.chain.unitID == id)
        case .property(let id)?:
            guard let name = c.chain.propertyName else { return false }
            return try store.property(id: id)?.name == name
        }
    }
}
