import GRDB
import GridCore

/// Kinds named by a sheet, resolved against the office's editable lists: a known label (seeded or the office's own)
/// is used; an unknown one refuses its row with how to add the kind, or — with `--add-kinds` — is added (checked like
/// 其他 / counted as 部门; admins only, audited) and used.
extension ImportRun {
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
        let loaded = try KindRows.catalog(db)
        kinds = loaded
        return loaded
    }

    /// Adds a kind the sheet names (the import was authorised for `.editKinds` by `ImportRules`).
    mutating func addKind(_ list: KindList, _ raw: String, line: Int) throws {
        let label = try MasterDataRules.name(raw, field: "the kind “\(raw)”")
        let table = list == .site ? "site_kind" : "unit_kind"
        let taken = Set(try String.fetchAll(db, sql: "SELECT code FROM site_kind UNION SELECT code FROM unit_kind"))
        var n = try (Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0) + 1
        while taken.contains("\(list.rawValue)_\(n)") { n += 1 }
        let code = "\(list.rawValue)_\(n)", base = list == .site ? CommunityKind.other.rawValue : UnitKind.department.rawValue
        try db.execute(sql: "INSERT INTO \(table) (code, name_zh, base) VALUES (?, ?, ?)", arguments: [code, label, base])
        try audit(list == .site ? .siteKind : .unitKind, code, nil, "name", nil, label,
                  note: list == .site ? "新增点位类型 (added by --add-kinds); checked like 其他" : "新增单位类型 (added by --add-kinds)")
        outcome.changes.append(.init(kind: .new, line: line, what: "\(list.zh) \(label)", details: []))
        kinds = nil
    }
}
