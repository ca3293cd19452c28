import GRDB
import GridCore

/// Units, property companies, communities and links: each matched by name with what exists (one map lookup), new
/// ones inserted with prepared statements, existing ones compared field by field (changed with --update).
extension ImportRun {
    mutating func unit(_ r: ImportRecord<UnitFields>) throws {
        guard let office = office(r.fields.office, line: r.line) else { return }
        let f = r.fields
        // The kind as the sheet names it, resolved against the office's unit kinds (see ImportRun+Kinds).
        guard let kind = try unitKind(r) else { return }
        if let id = try lookup(.unit, parent: office, name: f.name), let old = known.units[id] {
            var diffs: [(String, String, String, String)] = []
            if f.kindName != nil, kind.code != old.kindCode || kind.base != old.kind {
                diffs.append(("kind", "类型", old.kind.rawValue, kind.base.rawValue))
                diffs.append(("unit_kind", "单位类型", old.kindCode ?? "", kind.code ?? ""))
            }
            if let h = f.head, h != old.head {
                diffs.append(("head", "负责人", old.head.name, h.name))
                diffs.append(("head_phone", "负责人电话", old.head.phone, h.phone))
            }
            if let l = f.liaison, l != old.liaison {
                diffs.append(("liaison", "联络员", old.liaison.name, l.name))
                diffs.append(("liaison_phone", "联络员电话", old.liaison.phone, l.phone))
            }
            try update("unit", id: old.id, community: nil, diffs: diffs.filter { $0.2 != $0.3 }, line: r.line, what: "责任单位 \(old.name)",
                       importedName: f.name, storedName: old.name, note: r.note)
            return
        }
        let head = f.head ?? Contact(name: "", phone: ""), liaison = f.liaison ?? Contact(name: "", phone: "")
        try statements.insertUnit.execute(arguments: [office, f.name, kind.base.rawValue, head.name, head.phone, liaison.name, liaison.phone,
                                                      kind.code])
        let id = db.lastInsertedRowID
        remember(.unit, parent: office, name: f.name, id: id)
        known.units[id] = ResponsibleUnit(id: id, officeID: office, name: f.name, kind: kind.base, head: head, liaison: liaison,
                                          kindCode: kind.code)
        try audit(.unit, "\(id)", nil, "name", nil, f.name, note: r.note)
        outcome.changes.append(.init(kind: .new, line: r.line, what: "责任单位 \(f.name)", details: []))
    }

    mutating func property(_ r: ImportRecord<PropertyFields>) throws {
        guard let office = office(r.fields.office, line: r.line) else { return }
        let f = r.fields
        if let id = try lookup(.property, parent: office, name: f.name), let old = known.properties[id] {
            var diffs: [(String, String, String, String)] = []
            if let m = f.manager, m != old.manager {
                diffs.append(("manager", "项目经理", old.manager.name, m.name))
                diffs.append(("manager_phone", "经理电话", old.manager.phone, m.phone))
            }
            try update("property", id: old.id, community: nil, diffs: diffs.filter { $0.2 != $0.3 }, line: r.line, what: "物业 \(old.name)",
                       importedName: f.name, storedName: old.name, note: r.note)
            return
        }
        let manager = f.manager ?? Contact(name: "", phone: "")
        try statements.insertProperty.execute(arguments: [office, f.name, manager.name, manager.phone])
        let id = db.lastInsertedRowID
        remember(.property, parent: office, name: f.name, id: id)
        known.properties[id] = PropertyCompany(id: id, officeID: office, name: f.name, manager: manager)
        try audit(.property, "\(id)", nil, "name", nil, f.name, note: r.note)
        outcome.changes.append(.init(kind: .new, line: r.line, what: "物业 \(f.name)", details: []))
    }

    mutating func community(_ r: ImportRecord<CommunityFields>) throws {
        // The kind as the sheet names it, resolved against the office's site kinds (see ImportRun+Kinds).
        guard let kind = try siteKind(r) else { return }
        guard let office = office(r.fields.office, line: r.line),
              let street = try street(office: office, name: r.fields.street, create: true) else { return }
        let f = r.fields
        // What the table's CHECK constraints say, checked here: the import writes with them off (see `ImportRun.run`).
        if let v = f.declaredSite, v <= 0 {
            return reject(r.line, "申报点位 (declared site) \(v) is not a site number: site numbers start at 1; correct or empty the cell")
        }
        let byID = try communityByID(f, street: street)
        let existing = try byID ?? findCommunity(street: street, name: f.name)
        if let v = f.declaredSite, v != existing?.declaredSite, existing?.isRetired != true,
           try !siteNumberFree(v, for: existing?.id, office: office, line: r.line) { return }
        if let v = f.households, v < 0 { return reject(r.line, "户数 (households) \(v) is negative; correct or empty the cell") }
        if let old = existing {
            var diffs: [(String, String, String, String)] = []
            if old.name != f.name && NameKey.of(old.name) != NameKey.of(f.name) { diffs.append(("name", "名称", old.name, f.name)) }
            if let v = f.address, v != old.address { diffs.append(("address", "地址", old.address, v)) }
            if f.kindName != nil, kind.base != old.kind || kind.code != old.siteKindCode {
                diffs.append(("kind", "类型", old.kind.rawValue, kind.base.rawValue))
            }
            if let v = f.declaredSite, v != old.declaredSite {
                diffs.append(("declared_site", "申报点位", old.declaredSite.map(String.init) ?? "", "\(v)"))
                if batch.update, !old.isRetired { try claimSiteNumber(v, old: old.declaredSite, id: old.id, name: old.name, street: f.street, office: office) }
            }
            if let v = f.households, v != old.households { diffs.append(("households", "户数", old.households.map(String.init) ?? "", "\(v)")) }
            if let v = f.note, v != old.note { diffs.append(("note", "备注", old.note, v)) }
            if diffs.contains(where: { $0.0 == "kind" }) {
                reject(r.line, "\(old.name): changing a community's kind changes which themes it is checked on; change it by hand")
                diffs.removeAll { $0.0 == "kind" }
            }
            // Matched by 编号: a different name is a rename (in the diff), not a near-duplicate spelling.
            try update("community", id: old.id, community: old.id, diffs: diffs, line: r.line, what: "小区 \(f.street)/\(old.name)",
                       importedName: byID == nil ? f.name : old.name, storedName: old.name)
            try importOrders(r, street: street, community: old.id)
            if let cadence = f.cadence { try importCadence(community: old.id, cadence, line: r.line, site: old.name) }
            return
        }
        let id = newCommunities.nextID
        let cells = themes.filter { $0.applies(to: kind.base) }.map(\.id)
        // The order and cadence go in with the row (queued, many per statement), audited as the one-row paths audit them;
        // so do the order keys `OrderKeys.settle` would set one row at a time (a street placed or renumbered later in
        // this transaction rewrites its communities' street_rank then).
        try newCommunities.add([id.databaseValue, street.databaseValue, f.name.databaseValue, (f.address ?? "").databaseValue,
                                kind.base.rawValue.databaseValue, AuditChain.stored(f.declaredSite), AuditChain.stored(f.households),
                                (f.note ?? "").databaseValue, AuditChain.stored(kind.code), AuditChain.stored(f.order),
                                OfficeOrder.collationKey(f.name).databaseValue, AuditChain.stored(try streetRank(street))],
                               cells: cells, cadence: f.cadence?.days, db)
        if let v = f.declaredSite { try claimSiteNumber(v, old: nil, id: id, name: f.name, street: f.street, office: office) }
        // Not kept in `known`: a sheet names each community once; a status row for it reads it back if it comes.
        remember(.community, parent: street, name: f.name, id: id)
        try audit(.community, "\(id)", id, "name", nil, "\(f.street)/\(f.name)")
        outcome.changes.append(.init(kind: .new, line: r.line, what: "小区 \(f.street)/\(f.name)", details: []))
        if let cadence = f.cadence { try auditCadence(community: id, old: nil, cadence) }
        if let order = f.order { try audit(.community, "\(id)", id, "office_order", nil, "\(order)") }
        if f.streetOrder != nil { try importStreetOrder(r, street: street) }
    }

    mutating func link(_ r: ImportRecord<LinkFields>) throws {
        let f = r.fields
        guard let office = office(f.office, line: r.line) else { return }
        guard let street = try street(office: office, name: f.street, create: false),
              let community = try lookup(.community, parent: street, name: f.community) else {
            return reject(r.line, "no community “\(f.street)/\(f.community)” to link \(f.unit) to")
        }
        guard let unit = try lookup(.unit, parent: office, name: f.unit) else {
            return reject(r.line, "no unit “\(f.unit)”; import the units (or a 责任单位 column) first")
        }
        var property: Int64?
        if let p = f.property, !p.isEmpty {
            guard let id = try lookup(.property, parent: office, name: p) else { return reject(r.line, "no property company “\(p)”") }
            property = id
        }
        let current = try known.links(community: community, street: street, on: today, db)
        let what = "责任链 \(f.street)/\(f.community) ← \(f.unit)（\(f.role.zh)）"
        if current.contains(where: { $0.unitID == unit && $0.role == f.role && $0.propertyID == property }) {
            outcome.changes.append(.init(kind: .unchanged, line: r.line, what: what, details: []))
            if let person = f.person { try importSiteContact(community: community, unit: unit, person, line: r.line, site: "\(f.community) · \(f.unit)") }
            return
        }
        let replaced = Assignment.replaced(by: unit, role: f.role, in: current)
        if !replaced.isEmpty && !batch.update {
            outcome.changes.append(.init(kind: .changed, line: r.line, what: what, details: ["未应用 (not applied without --update)"]))
            return
        }
        let link = try relink(community: community, unit: unit, role: f.role, property: property, ending: replaced)
        known.links[community] = current.filter { c in !replaced.contains { $0.id == c.id } } + [link]
        for old in replaced { try audit(.assignment, "\(old.id)", community, "valid_to", nil, today.description) }
        try audit(.assignment, "\(link.id)", community, "link", nil, "\(f.unit)（\(f.role.zh)）→ \(f.property ?? "无物业")")
        outcome.changes.append(.init(kind: replaced.isEmpty ? .new : .changed, line: r.line, what: what, details: []))
        // The person is recorded once the unit answers for the site (a link not applied leaves the person out too).
        if let person = f.person { try importSiteContact(community: community, unit: unit, person, line: r.line, site: "\(f.community) · \(f.unit)") }
    }

    /// Reassignment with history: links are ended today, never deleted, so the chain on any past day stays known. New
    /// links are queued (many per statement) with the ids SQLite would give them.
    mutating func relink(community: Int64, unit: Int64, role: AssignmentRole, property: Int64?, ending old: [Assignment]) throws -> Assignment {
        // A link this import queued may be the one ended: the queue goes in first.
        if !old.isEmpty { try newLinks.flush(db) }
        for link in old { try statements.endLink.execute(arguments: [today.description, link.id]) }
        let id = nextLinkID
        nextLinkID += 1
        try newLinks.add([id.databaseValue, community.databaseValue, unit.databaseValue, role.rawValue.databaseValue,
                          AuditChain.stored(property), today.description.databaseValue], db)
        return Assignment(id: id, communityID: community, unitID: unit, role: role, propertyID: property, validFrom: today, validTo: nil)
    }
}
