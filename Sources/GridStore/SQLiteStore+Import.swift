import GRDB
import GridCore

extension SQLiteStore {
    /// Compares an imported batch with the database and applies it in one transaction, with audit rows
    /// naming the file. A dry run does the same work and rolls it back, so its diff is exactly what a real
    /// run would do. Records the database refuses are reported and left out; the rest goes in together.
    public func importBatch(_ batch: ImportBatch, dryRun: Bool, context: ChangeContext, rules: ImportRules,
                            progress: ((Int, Int) -> Bool)?) throws(GridError) -> ImportOutcome {
        guard !isReadOnly else { throw .database("\(path) is read-only for you; nothing was imported") }
        do {
            var outcome = ImportOutcome()
            try db.writeWithoutTransaction { db in
                try db.inTransaction {
                    var run = try ImportRun(store: self, db: db, batch: batch, context: context, rules: rules)
                    run.progress = progress
                    outcome = try run.run()
                    try OrderKeys.settle(db)
                    return dryRun ? .rollback : .commit
                }
            }
            return outcome
        } catch let e as GridError {
            throw e
        } catch {
            throw StoreError.map(error, path: path)
        }
    }
}

/// One import inside a transaction: lookups of what exists, then upserts in dependency order.
struct ImportRun {
    let store: SQLiteStore
    let db: Database
    let rules: ImportRules
    let batch: ImportBatch
    let context: ChangeContext
    var outcome = ImportOutcome()
    var offices: [String: Int64] = [:]
    var progress: ((Int, Int) -> Bool)?
    var done = 0
    /// Normalised name → id, loaded once per table and office (or street), kept current as rows are added:
    /// an import of 100,000 rows must not rescan a street for every row.
    var index: [String: [String: Int64]] = [:]
    var themes: [CheckTheme] = []
    /// The kind lists, read when a row first names a kind (see ImportRun+Kinds).
    var kinds: KindCatalog?
    /// Ids above this were created by this import: an 编号 column never matches them (they are another
    /// database's numbers landing on rows this import just added).
    var lastCommunityIDBefore: Int64 = 0
    /// Streets whose 街道排序 this import has considered (see `importOrders`).
    var streetOrdersSeen: Set<Int64> = []
    let today: Day
    let now: Timestamp

    init(store: SQLiteStore, db: Database, batch: ImportBatch, context: ChangeContext, rules: ImportRules) throws {
        self.store = store
        self.rules = rules
        self.db = db
        self.batch = batch
        self.context = context
        today = context.clock.today
        now = context.clock.now()
        for r in try Row.fetchAll(db, sql: "SELECT id, name FROM office") { offices[NameKey.of(r["name"])] = r["id"] }
        themes = try Row.fetchAll(db, sql: "SELECT * FROM theme").map(Decode.theme)
        lastCommunityIDBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM community") ?? 0
    }

    mutating func run() throws -> ImportOutcome {
        let actor = try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [context.actor.login])
            .map(Decode.operatorAccount) ?? .unknown(login: context.actor.login)
        try rules.authorize(batch, actor: actor)
        let total = batch.units.count + batch.properties.count + batch.communities.count + batch.links.count + batch.statuses.count
            + batch.themes.count
        for r in batch.offices { try office(r) }
        for r in batch.themes { try theme(r); try tick(total) }
        for r in batch.units { try unit(r); try tick(total) }
        for r in batch.properties { try property(r); try tick(total) }
        for r in batch.communities { try community(r); try tick(total) }
        for r in batch.links { try link(r); try tick(total) }
        for r in batch.statuses { try status(r); try tick(total) }
        _ = progress?(batch.fileRows > 0 ? batch.fileRows : total, batch.fileRows > 0 ? batch.fileRows : total)
        return outcome
    }

    /// Reports progress every thousand records, in rows of the file (the records' share of them); a false answer
    /// cancels the whole import.
    mutating func tick(_ total: Int) throws {
        done += 1
        guard done % 1000 == 0, let progress else { return }
        let rows = batch.fileRows > 0 ? batch.fileRows : total
        if !progress(Int(Double(done) / Double(max(total, 1)) * Double(rows)), rows) {
            throw GridError.invalidInput("import cancelled; nothing was written")
        }
    }

    // MARK: Lookups

    /// A county's office: an existing one named as the office or as the county, else created (audited).
    mutating func office(_ r: ImportRecord<OfficeFields>) throws {
        let f = r.fields
        if let id = offices[NameKey.of(f.name)] ?? offices[NameKey.of(f.county)] {
            offices[NameKey.of(f.name)] = id
            return
        }
        try db.execute(sql: "INSERT INTO office (name) VALUES (?)", arguments: [f.name])
        let id = db.lastInsertedRowID
        offices[NameKey.of(f.name)] = id
        try audit(.office, "\(id)", nil, "name", nil, f.name, note: "区县 \(f.county)")
        outcome.changes.append(.init(kind: .new, line: r.line, what: "三创办 \(f.name)（区县 \(f.county)）", details: []))
    }

    mutating func office(_ name: String, line: Int) -> Int64? {
        if name.isEmpty {
            if offices.count == 1 { return offices.values.first }
            reject(line, offices.isEmpty ? "the database has no office yet: run civgrid init --office NAME first"
                : "the database has several offices: add a 三创办 (office) column")
            return nil
        }
        guard let id = offices[NameKey.of(name)] else {
            reject(line, "unknown office “\(name)”; offices are: \(offices.keys.sorted().joined(separator: ", "))")
            return nil
        }
        return id
    }

    /// The id of the row named `name` (after normalisation) in `table` under `parent` (an office, or a
    /// street for communities).
    mutating func lookup(_ table: String, parentColumn: String, parent: Int64, name: String) throws -> Int64? {
        let slot = "\(table)/\(parent)"
        if index[slot] == nil {
            var map: [String: Int64] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT id, name FROM \(table) WHERE \(parentColumn) = ?", arguments: [parent]) {
                map[NameKey.of(r["name"])] = r["id"]
            }
            index[slot] = map
        }
        return index[slot]?[NameKey.of(name)]
    }

    mutating func remember(_ table: String, parent: Int64, name: String, id: Int64) {
        index["\(table)/\(parent)", default: [:]][NameKey.of(name)] = id
    }

    mutating func find(_ table: String, office: Int64, name: String) throws -> Row? {
        guard let id = try lookup(table, parentColumn: "office_id", parent: office, name: name) else { return nil }
        return try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id])
    }

    mutating func findCommunity(street: Int64, name: String) throws -> Row? {
        guard let id = try lookup("community", parentColumn: "street_id", parent: street, name: name) else { return nil }
        return try Row.fetchOne(db, sql: "SELECT * FROM community WHERE id = ?", arguments: [id])
    }

    /// The community an 编号 (id) column names, when it is in the same street: then a different name is a
    /// rename (shown in the diff, applied with --update). An id from another street or database is ignored.
    func communityByID(_ f: CommunityFields, street: Int64, line: Int) throws -> Row? {
        guard let id = f.id, id <= lastCommunityIDBefore,
              let row = try Row.fetchOne(db, sql: "SELECT * FROM community WHERE id = ?", arguments: [id]),
              row["street_id"] as Int64 == street else { return nil }
        return row
    }

    mutating func street(office: Int64, name: String, create: Bool) throws -> Int64? {
        if let id = try lookup("street", parentColumn: "office_id", parent: office, name: name) { return id }
        guard create else { return nil }
        try db.execute(sql: "INSERT INTO street (office_id, name) VALUES (?, ?)", arguments: [office, name])
        let id = db.lastInsertedRowID
        remember("street", parent: office, name: name, id: id)
        try audit(.street, "\(id)", nil, "name", nil, name)
        return id
    }

    // MARK: Records

    mutating func unit(_ r: ImportRecord<UnitFields>) throws {
        guard let office = office(r.fields.office, line: r.line) else { return }
        let f = r.fields
        guard let kind = try unitKind(r) else { return }
        if let row = try find("unit", office: office, name: f.name) {
            let old = try Decode.unit(row)
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
        } else {
            try db.execute(sql: """
                INSERT INTO unit (office_id, name, kind, head, head_phone, liaison, liaison_phone, unit_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [office, f.name, kind.base.rawValue, f.head?.name ?? "", f.head?.phone ?? "",
                                 f.liaison?.name ?? "", f.liaison?.phone ?? "", kind.code])
            remember("unit", parent: office, name: f.name, id: db.lastInsertedRowID)
            try audit(.unit, "\(db.lastInsertedRowID)", nil, "name", nil, f.name, note: r.note)
            outcome.changes.append(.init(kind: .new, line: r.line, what: "责任单位 \(f.name)", details: []))
        }
    }

    mutating func property(_ r: ImportRecord<PropertyFields>) throws {
        guard let office = office(r.fields.office, line: r.line) else { return }
        let f = r.fields
        if let row = try find("property", office: office, name: f.name) {
            let old = try Decode.property(row)!
            var diffs: [(String, String, String, String)] = []
            if let m = f.manager, m != old.manager {
                diffs.append(("manager", "项目经理", old.manager.name, m.name))
                diffs.append(("manager_phone", "经理电话", old.manager.phone, m.phone))
            }
            try update("property", id: old.id, community: nil, diffs: diffs.filter { $0.2 != $0.3 }, line: r.line, what: "物业 \(old.name)",
                       importedName: f.name, storedName: old.name, note: r.note)
        } else {
            try db.execute(sql: "INSERT INTO property (office_id, name, manager, manager_phone) VALUES (?, ?, ?, ?)",
                           arguments: [office, f.name, f.manager?.name ?? "", f.manager?.phone ?? ""])
            remember("property", parent: office, name: f.name, id: db.lastInsertedRowID)
            try audit(.property, "\(db.lastInsertedRowID)", nil, "name", nil, f.name, note: r.note)
            outcome.changes.append(.init(kind: .new, line: r.line, what: "物业 \(f.name)", details: []))
        }
    }

    mutating func community(_ r: ImportRecord<CommunityFields>) throws {
        guard let kind = try siteKind(r) else { return }
        guard let office = office(r.fields.office, line: r.line),
              let street = try street(office: office, name: r.fields.street, create: true) else { return }
        let f = r.fields
        if let row = try communityByID(f, street: street, line: r.line) ?? findCommunity(street: street, name: f.name) {
            let old = try Decode.community(row)
            var diffs: [(String, String, String, String)] = []
            if old.name != f.name && NameKey.of(old.name) != NameKey.of(f.name) { diffs.append(("name", "名称", old.name, f.name)) }
            if let v = f.address, v != old.address { diffs.append(("address", "地址", old.address, v)) }
            if f.kindName != nil, kind.base != old.kind || kind.code != old.siteKindCode {
                diffs.append(("kind", "类型", old.kind.rawValue, kind.base.rawValue))
            }
            if let v = f.declaredSite, v != old.declaredSite { diffs.append(("declared_site", "申报点位", old.declaredSite.map(String.init) ?? "", "\(v)")) }
            if let v = f.households, v != old.households { diffs.append(("households", "户数", old.households.map(String.init) ?? "", "\(v)")) }
            if let v = f.note, v != old.note { diffs.append(("note", "备注", old.note, v)) }
            if diffs.contains(where: { $0.0 == "kind" }) {
                reject(r.line, "\(old.name): changing a community's kind changes which themes it is checked on; change it by hand")
                diffs.removeAll { $0.0 == "kind" }
            }
            try update("community", id: old.id, community: old.id, diffs: diffs, line: r.line, what: "小区 \(f.street)/\(old.name)",
                       importedName: f.name, storedName: old.name)
            try importOrders(r, street: street, community: old.id)
            return
        }
        try db.cachedStatement(sql: """
            INSERT INTO community (street_id, name, address, kind, declared_site, households, note, site_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [street, f.name, f.address ?? "", kind.base.rawValue, f.declaredSite, f.households, f.note ?? "", kind.code])
        let id = db.lastInsertedRowID
        remember("community", parent: street, name: f.name, id: id)
        for theme in themes where theme.applies(to: kind.base) {
            try db.cachedStatement(sql: "INSERT INTO cell (community_id, theme_id) VALUES (?, ?)").execute(arguments: [id, theme.id])
        }
        try audit(.community, "\(id)", id, "name", nil, "\(f.street)/\(f.name)")
        outcome.changes.append(.init(kind: .new, line: r.line, what: "小区 \(f.street)/\(f.name)", details: []))
        try importOrders(r, street: street, community: id, isNew: true)
    }

    mutating func link(_ r: ImportRecord<LinkFields>) throws {
        let f = r.fields
        guard let office = office(f.office, line: r.line) else { return }
        guard let street = try street(office: office, name: f.street, create: false),
              let community = try findCommunity(street: street, name: f.community).map({ $0["id"] as Int64 }) else {
            return reject(r.line, "no community “\(f.street)/\(f.community)” to link \(f.unit) to")
        }
        guard let unit = try find("unit", office: office, name: f.unit).map({ $0["id"] as Int64 }) else {
            return reject(r.line, "no unit “\(f.unit)”; import the units (or a 责任单位 column) first")
        }
        var property: Int64?
        if let p = f.property, !p.isEmpty {
            guard let id = try find("property", office: office, name: p).map({ $0["id"] as Int64 }) else {
                return reject(r.line, "no property company “\(p)”")
            }
            property = id
        }
        let current = try Row.fetchAll(db, sql: """
            SELECT * FROM assignment a WHERE a.community_id = :c AND \(SQL.inForce)
            """, arguments: ["c": community, "day": today.description]).map { try Decode.assignment($0) }
        let what = "责任链 \(f.street)/\(f.community) ← \(f.unit)（\(f.role.zh)）"
        if current.contains(where: { $0.unitID == unit && $0.role == f.role && $0.propertyID == property }) {
            outcome.changes.append(.init(kind: .unchanged, line: r.line, what: what, details: []))
            return
        }
        let replaced = Assignment.replaced(by: unit, role: f.role, in: current)
        if !replaced.isEmpty && !batch.update {
            outcome.changes.append(.init(kind: .changed, line: r.line, what: what, details: ["未应用 (not applied without --update)"]))
            return
        }
        let newID = try AssignmentRows.relink(db, community: community, unit: unit, role: f.role, property: property, on: today, ending: replaced)
        for old in replaced { try audit(.assignment, "\(old.id)", community, "valid_to", nil, today.description) }
        try audit(.assignment, "\(newID)", community, "link", nil, "\(f.unit)（\(f.role.zh)）→ \(f.property ?? "无物业")")
        outcome.changes.append(.init(kind: replaced.isEmpty ? .new : .changed, line: r.line, what: what, details: []))
    }

    // MARK: Writing

    /// Applies field differences to a row (only with --update), audited; reports unchanged / changed.
    mutating func update(_ table: String, id: Int64, community: Int64?, diffs: [(String, String, String, String)],
                         line: Int, what: String, importedName: String, storedName: String, note: String = "") throws {
        // A name that matched only after normalisation (ＡＢＣ vs ABC, stray spaces) is a near-duplicate: say so.
        let nearDuplicate = importedName == storedName ? [] : ["按规范化名称匹配 matched “\(storedName)” (same name after normalisation)"]
        guard !diffs.isEmpty else {
            outcome.changes.append(.init(kind: .unchanged, line: line, what: what, details: nearDuplicate))
            return
        }
        var details = nearDuplicate + diffs.map { "\($0.1): \($0.2.isEmpty ? "—" : $0.2) → \($0.3)" }
        if batch.update {
            for d in diffs {
                try db.execute(sql: "UPDATE \(table) SET \(d.0) = ? WHERE id = ?", arguments: [d.3.isEmpty ? nil : d.3, id])
                try audit(AuditEntity(rawValue: table) ?? .database, "\(id)", community, d.0, d.2, d.3, note: note)
            }
        } else {
            details.append("未应用 (not applied without --update)")
        }
        outcome.changes.append(.init(kind: .changed, line: line, what: what, details: details))
    }

    func noted(_ note: String) -> String { context.annotate(note) }

    func audit(_ entity: AuditEntity, _ id: String, _ community: Int64?, _ field: String, _ old: String?, _ new: String?,
               note: String = "") throws {
        try SQLiteStore.appendAudit(db, [AuditEntry(entity: entity, entityID: id, communityID: community, field: field,
                                                    oldValue: old, newValue: new, note: noted(note))], context: context, at: now)
    }

    mutating func reject(_ line: Int, _ reason: String) {
        outcome.rejected.append((line, reason))
    }
}
