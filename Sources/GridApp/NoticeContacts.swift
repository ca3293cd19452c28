import GridCore

/// The notice's "units with overdue cases" names who to call: for each unit, its responsible persons on the sites of
/// its overdue cases (具体责任人, from the site register), then its head (负责人) and liaison (联络员), with phones.
enum NoticeContacts {
    static func forOverdue(_ cases: [ScoredCase], store: any GridRepository, asOf: Day) throws(GridError) -> [String: String] {
        let register = store as? any SiteRegisterReading
        let sites = try register?.declaredSites(officeID: nil, today: asOf, utcOffsetSeconds: 0) ?? []
        var persons: [RowID: [RowID: (site: Int, contact: Contact)]] = [:]
        for site in sites {
            for u in site.units { if let p = u.responsible { persons[site.community.id, default: [:]][u.link.unit.id] = (site.number, p) } }
        }
        var out: [String: String] = [:]
        for (unitID, group) in Dictionary(grouping: cases.filter { $0.record.handlingUnitID != nil }, by: { $0.record.handlingUnitID! }) {
            guard let unit = try store.unit(id: unitID) else { continue }
            var parts: [String] = []
            var seen = Set<String>()
            for c in group.sorted(by: { $0.record.number < $1.record.number }) {
                guard let p = persons[c.record.communityID]?[unitID], seen.insert(p.contact.display).inserted else { continue }
                parts.append("◆\(p.site) 具体责任人 \(p.contact.display)")
            }
            if !unit.head.name.isEmpty || !unit.head.phone.isEmpty { parts.append("负责人 \(unit.head.display)") }
            if !unit.liaison.name.isEmpty || !unit.liaison.phone.isEmpty { parts.append("联络员 \(unit.liaison.display)") }
            out[unit.name] = parts.isEmpty ? "未登记联系人 (no contact on record)" : parts.joined(separator: "；")
        }
        return out
    }
}
