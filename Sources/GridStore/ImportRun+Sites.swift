import GRDB
import GridCore

/// The declared-site numbers an import has seen, per office: the live communities holding a number, read once per
/// office and kept current as the import adds and renumbers communities, so a duplicate number is refused with
/// GridCore's message (`SiteRules.duplicate`) before the store's guard (v9's triggers) would abort the whole import.
struct ImportSites {
    var byOffice: [Int64: [Int: (id: Int64, name: String, street: String)]] = [:]

    mutating func holders(office: Int64, _ db: Database) throws -> [Int: (id: Int64, name: String, street: String)] {
        if let known = byOffice[office] { return known }
        var map: [Int: (id: Int64, name: String, street: String)] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT c.declared_site, c.id, c.name, s.name AS street FROM community c JOIN street s ON s.id = c.street_id
            WHERE s.office_id = ? AND c.declared_site IS NOT NULL AND c.retired_on IS NULL ORDER BY c.id
            """, arguments: [office]) where map[r["declared_site"]] == nil {
            map[r["declared_site"]] = (r["id"], r["name"], r["street"])
        }
        byOffice[office] = map
        return map
    }
}

extension ImportRun {
    /// Whether `number` may go to the community `id` (nil: a new one) of `office`; a clash rejects the line.
    mutating func siteNumberFree(_ number: Int, for id: Int64?, office: Int64, line: Int) throws -> Bool {
        do {
            try SiteRules.checkRange(number, field: "申报点位 (declared site)")
        } catch {
            reject(line, "\(error.description); correct or empty the cell")
            return false
        }
        if let holder = try sites.holders(office: office, db)[number], holder.id != id {
            reject(line, SiteRules.duplicate(number, heldBy: holder.name, id: holder.id, streetName: holder.street).description)
            return false
        }
        return true
    }

    /// Records that community `id` now holds `number` (and no longer `old`).
    mutating func claimSiteNumber(_ number: Int, old: Int?, id: Int64, name: String, street: String, office: Int64) throws {
        _ = try sites.holders(office: office, db)
        if let old, sites.byOffice[office]?[old]?.id == id { sites.byOffice[office]?[old] = nil }
        sites.byOffice[office]?[number] = (id, name, street)
    }
}

extension ImportRun {
    /// A 具体责任人 column: the unit's responsible person on the site, new or (with --update) changed, audited.
    mutating func importSiteContact(community: Int64, unit: Int64, _ person: Contact, line: Int, site: String) throws {
        let old = try Row.fetchOne(db, sql: "SELECT person, phone FROM site_contact WHERE community_id = ? AND unit_id = ?",
                                   arguments: [community, unit]).map { Contact(name: $0["person"], phone: $0["phone"]) }
        guard old != person else { return }
        let what = "具体责任人 \(site)"
        if old != nil && !batch.update {
            outcome.changes.append(.init(kind: .changed, line: line, what: what,
                                         details: ["\(old!.display) → \(person.display)", "未应用 (not applied without --update)"]))
            return
        }
        try newLinks.flush(db)
        try newCommunities.flush(db)
        try SiteRegisterRows.upsertContact(db, SiteContact(communityID: community, unitID: unit, person: person))
        try audit(.community, "\(community)", community, "site_contact.\(unit)", old?.display, person.display,
                  note: "具体责任人 (responsible person on the site)")
        outcome.changes.append(.init(kind: old == nil ? .new : .changed, line: line, what: what, details: [person.display]))
    }

    /// A cadence's audit row: by `importCadence`, and for a new community whose cadence `NewCommunities` writes with its row.
    mutating func auditCadence(community: Int64, old: Int?, _ cadence: SiteCadence) throws {
        try audit(.community, "\(community)", community, "self_check_days", old.map(String.init), "\(cadence.days)",
                  note: "自查周期 (self-inspection cadence) \(cadence)")
    }

    /// A 自查周期 column: the site's own cadence, new or (with --update) changed, audited.
    mutating func importCadence(community: Int64, _ cadence: SiteCadence, line: Int, site: String) throws {
        let old = try Int.fetchOne(db, sql: "SELECT days FROM site_cadence WHERE community_id = ?", arguments: [community])
        guard old != cadence.days else { return }
        if old != nil && !batch.update {
            outcome.changes.append(.init(kind: .changed, line: line, what: "自查周期 \(site)",
                                         details: ["\(old!)天 → \(cadence.days)天", "未应用 (not applied without --update)"]))
            return
        }
        try db.execute(sql: "INSERT INTO site_cadence (community_id, days) VALUES (?, ?) ON CONFLICT(community_id) DO UPDATE SET days = excluded.days",
                       arguments: [community, cadence.days])
        try auditCadence(community: community, old: old, cadence)
    }
}
