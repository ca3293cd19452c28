import GridCore

/// Kinds named by a sheet, resolved against the office's editable lists (as the SQLite store's import): a known label
/// is used; an unknown one refuses its row with how to add the kind, or — with `--add-kinds` — is added (checked like
/// 其他 / counted as 部门; admins only, audited) and used.
extension PGImportRun {
    /// The seeded base kind and office kind code for a community row (nil code: a seeded kind); nil when refused.
    mutating func siteKind(_ r: ImportRecord<CommunityFields>) throws -> (base: CommunityKind, code: String?)? {
        guard let name = r.fields.kindName else { return (r.fields.kind ?? .residential, nil) }
        var catalog = try kindList()
        if catalog.siteKind(name) == nil, batch.addKinds {
            try addKind(.site, name, line: r.line)
            catalog = try kindList()
        }
        guard let kind = catalog.siteKind(name) else {
            reject(r.line, "unknown site kind “\(name)”; kinds are \(catalog.labels(.site)); "
                + KindCatalog.howToAdd(.site, name) + ", or import with --add-kinds")
            return nil
        }
        return (kind.base, kind.isSeeded ? nil : kind.code)
    }

    /// The seeded base kind and office kind code for a unit row; nil when refused.
    mutating func unitKind(_ r: ImportRecord<UnitFields>) throws -> (base: UnitKind, code: String?)? {
        guard let name = r.fields.kindName else { return (r.fields.kind ?? .department, nil) }
        var catalog = try kindList()
        if catalog.unitKind(name) == nil, batch.addKinds {
            try addKind(.unit, name, line: r.line)
            catalog = try kindList()
        }
        guard let kind = catalog.unitKind(name) else {
            reject(r.line, "unknown unit kind “\(name)”; kinds are \(catalog.labels(.unit)); "
                + KindCatalog.howToAdd(.unit, name) + ", or import with --add-kinds")
            return nil
        }
        return (kind.base, kind.isSeeded ? nil : kind.code)
    }

    /// The kind lists as they stand in this import (read again after a kind is added).
    mutating func kindList() throws -> KindCatalog {
        if let kinds { return kinds }
        let loaded = try PGKindRows.catalog(s)
        kinds = loaded
        return loaded
    }

    /// Adds a kind the sheet names (the import was authorised for `.editKinds` by `ImportRules`).
    mutating func addKind(_ list: KindList, _ raw: String, line: Int) throws {
        let label = try MasterDataRules.name(raw, field: "the kind “\(raw)”")
        let table = list == .site ? "site_kind" : "unit_kind"
        let taken = Set(try s.query("SELECT code FROM site_kind UNION SELECT code FROM unit_kind").map { $0.text("code") })
        var n = Int(try s.int("SELECT count(*) FROM \(table)") ?? 0) + 1
        while taken.contains("\(list.rawValue)_\(n)") { n += 1 }
        let code = "\(list.rawValue)_\(n)", base = list == .site ? CommunityKind.other.rawValue : UnitKind.department.rawValue
        try s.query("INSERT INTO \(table) (code, name_zh, base) VALUES (?, ?, ?)", [code, label, base])
        try audit(list == .site ? .siteKind : .unitKind, code, nil, "name", nil, label,
                  note: list == .site ? "新增点位类型 (added by --add-kinds); checked like 其他" : "新增单位类型 (added by --add-kinds)")
        outcome.changes.append(.init(kind: .new, line: line, what: "\(list.zh) \(label)", details: []))
        kinds = nil
    }

    /// Office orders from a sheet (排序/序号 for the community, 街道排序 for its street): written where none is stored,
    /// replacing a different one only with --update; each change audited and shown in the diff (a new community's order
    /// is part of its "new" line). A street's order is considered once per import.
    mutating func importOrders(_ r: ImportRecord<CommunityFields>, street: Int64, community: Int64, isNew: Bool = false) throws {
        if let order = r.fields.streetOrder, streetOrdersSeen.insert(street).inserted {
            try importOrder(order, table: "street", entity: .street, id: street, communityID: nil, line: r.line,
                            what: "街道 \(r.fields.street)")
        }
        guard let order = r.fields.order else { return }
        if isNew {
            // Inserted with the community: only its audit entry is left (its "new" line shows it).
            return try audit(.community, "\(community)", community, "office_order", nil, "\(order)")
        }
        try importOrder(order, table: "community", entity: .community, id: community, communityID: community, line: r.line,
                        what: "小区 \(r.fields.street)/\(r.fields.name)")
    }

    mutating func importOrder(_ order: Int, table: String, entity: AuditEntity, id: Int64, communityID: Int64?, line: Int,
                              what: String, quiet: Bool = false) throws {
        let stored = try s.int("SELECT office_order FROM \(table) WHERE id = ?", [id]).map(Int.init)
        guard stored != order else { return }
        let detail = "排序: \(stored.map(String.init) ?? "—") → \(order)"
        guard stored == nil || batch.update else {
            outcome.changes.append(.init(kind: .changed, line: line, what: what, details: [detail, "未应用 (not applied without --update)"]))
            return
        }
        try s.query("UPDATE \(table) SET office_order = ? WHERE id = ?", [order, id])
        try audit(entity, "\(id)", communityID, "office_order", stored.map(String.init), "\(order)")
        if quiet { return }
        outcome.changes.append(.init(kind: .changed, line: line, what: what, details: [detail]))
    }
}
