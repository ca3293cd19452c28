import GRDB
import GridCore

/// Writes the demo county's declared-site register (`DemoSiteRegister`): supporting units linked to the declared
/// sites, each unit's responsible person on its site, and a few sites' own cadences, audited like the rest of the demo.
struct DemoSiteLoader {
    let store: SQLiteStore
    let register: DemoSiteRegister

    func load(context: ChangeContext) throws(GridError) {
        try store.write { db in
            let now = context.clock.now()
            let today = context.clock.today.description
            var audit: [AuditEntry] = []
            for (community, street, office) in try SiteRegisterRows.sites(db, officeID: nil) {
                let links = try store.fetchChain(db, where: "a.community_id = :c AND a.valid_to IS NULL", arguments: ["c": community.id])
                let units = try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE office_id = ? ORDER BY id", arguments: [office])
                let plan = register.plan(number: community.declaredSite ?? 0, onSite: links.map(\.unit.id), units: units)
                let property = links.first?.assignment.propertyID
                let from = links.map(\.assignment.validFrom).min()?.description ?? today
                for unit in plan.addSupporting {
                    try db.execute(sql: "INSERT INTO assignment (community_id, unit_id, role, property_id, valid_from) VALUES (?, ?, 'support', ?, ?)",
                                   arguments: [community.id, unit, property, from])
                    audit.append(AuditEntry(entity: .assignment, entityID: "\(db.lastInsertedRowID)", communityID: community.id, field: "link",
                                            oldValue: nil, newValue: "#\(unit)（配合）", note: "demo \(street)/\(community.name)"))
                }
                for (unit, person) in plan.persons.sorted(by: { $0.key < $1.key }) {
                    try SiteRegisterRows.upsertContact(db, SiteContact(communityID: community.id, unitID: unit, person: person))
                    audit.append(AuditEntry(entity: .community, entityID: "\(community.id)", communityID: community.id,
                                            field: "site_contact.\(unit)", oldValue: nil, newValue: person.display, note: "demo 具体责任人"))
                }
                if let cadence = plan.cadence {
                    try db.execute(sql: "INSERT INTO site_cadence (community_id, days) VALUES (?, ?)", arguments: [community.id, cadence.days])
                    audit.append(AuditEntry(entity: .community, entityID: "\(community.id)", communityID: community.id, field: "self_check_days",
                                            oldValue: nil, newValue: "\(cadence.days)", note: "demo 自查周期"))
                }
            }
            try SQLiteStore.appendAudit(db, audit, context: context, at: now)
        }
    }
}
