import GridCore

extension PostgresStore {
    /// Compares an imported batch with the database and applies it in one transaction, with audit rows naming the
    /// file; a dry run does the same work and rolls it back. The same steps as the SQLite store's import.
    public func importBatch(_ batch: ImportBatch, dryRun: Bool, context: ChangeContext, rules: ImportRules,
                            progress: ((Int, Int) -> Bool)?) throws(GridError) -> ImportOutcome {
        let outcome = try write(commit: !dryRun) { s in
            var run = try PGImportRun(s: s, batch: batch, context: context, rules: rules)
            run.progress = progress
            return try run.run()
        }
        if !dryRun && batch.communities.count + batch.links.count + batch.statuses.count >= PostgresStore.analyzeAfterRows {
            try analyze(PostgresStore.importedTables)
        }
        return outcome
    }

    /// Sheet rows from which an import refreshes the planner's statistics (`analyze`): below it autovacuum's own
    /// threshold (a tenth of a table) is soon reached and the plans barely move.
    static let analyzeAfterRows = 1_000
}

/// One import inside a transaction: lookups of what exists, then upserts in dependency order.
struct PGImportRun {
    let s: PGSession
    let rules: ImportRules
    let batch: ImportBatch
    let context: ChangeContext
    var outcome = ImportOutcome()
    var offices: [String: Int64] = [:]
    /// A scoped admin's check of each master-data row's office (nil: an operator of the whole database).
    var rowScope: ImportRowScope?
    var progress: ((Int, Int) -> Bool)?
    var done = 0
    /// Normalised name → id per table and parent, loaded once and kept current as rows are added.
    var index: [String: [String: Int64]] = [:]
    var themes: [CheckTheme] = []
    /// Ids above this were created by this import: an 编号 column never matches them.
    var lastCommunityIDBefore: Int64 = 0
    /// The kind lists, read when a row first names a kind (see PGImportRun+Kinds).
    var kinds: KindCatalog?
    /// Streets whose 街道排序 this import has considered (see `importOrders`).
    var streetOrdersSeen: Set<Int64> = []
    /// Declared-site numbers per office (see PGImportRun+Sites).
    var sites = PGImportSites()
    let today: Day
    let now: Timestamp
    /// Audit entries and new cells not yet written: sent many rows per statement (`flush`), since on a server each
    /// statement is a round trip — one row at a time, a 10,000-row chain sheet cost 270,000 of them (47 s).
    var pendingAudit: [AuditEntry] = []
    var pendingCells: [[SQLValue]] = []
    /// The links in force on communities this import created (nothing else can have linked them), so their links are
    /// not read back one community at a time.
    var linksOfNew: [Int64: [Assignment]] = [:]

    init(s: PGSession, batch: ImportBatch, context: ChangeContext, rules: ImportRules) throws {
        self.s = s
        self.rules = rules
        self.batch = batch
        self.context = context
        today = context.clock.today
        now = context.clock.now()
        for r in try s.query("SELECT id, name FROM office") { offices[NameKey.of(r.text("name"))] = r.int("id") }
        themes = try PostgresStore.themes(s)
        lastCommunityIDBefore = try s.int("SELECT max(id) FROM community") ?? 0
    }

    mutating func run() throws -> ImportOutcome {
        let actor = try s.query("SELECT * FROM operator WHERE login = ?", [context.actor.login]).first.map(PGDecode.operatorAccount)
            ?? .unknown(login: context.actor.login)
        try rules.authorize(batch, actor: actor)
        rowScope = rules.rowScope(actor: actor, offices: try s.query("SELECT * FROM office").map(PGDecode.office))
        let total = batch.units.count + batch.properties.count + batch.communities.count + batch.links.count + batch.statuses.count
            + batch.themes.count
        for r in batch.offices { try office(r) }
        for r in batch.themes { try theme(r); try tick(total) }
        for r in batch.units { try unit(r); try tick(total) }
        for r in batch.properties { try property(r); try tick(total) }
        for r in batch.communities { try community(r); try tick(total) }
        for r in batch.links { try link(r); try tick(total) }
        // A status row goes through GridCore's service, which reads cells and chains its own audit rows: everything
        // queued is written first, in order.
        try flush()
        for r in batch.statuses { try status(r); try tick(total) }
        try flush()
        _ = progress?(batch.fileRows > 0 ? batch.fileRows : total, batch.fileRows > 0 ? batch.fileRows : total)
        return outcome
    }

    mutating func tick(_ total: Int) throws {
        done += 1
        guard done % 1000 == 0, let progress else { return }
        let rows = batch.fileRows > 0 ? batch.fileRows : total
        if !progress(Int(Double(done) / Double(max(total, 1)) * Double(rows)), rows) {
            throw GridError.invalidInput("import cancelled; nothing was written")
        }
    }

    /// Inserts a row and returns its id.
    func insert(_ sql: String, _ args: [any SQLBindable]) throws -> Int64 {
        guard let id = try s.int(sql + " RETURNING id", args) else { throw GridError.database("the database returned no id") }
        return id
    }

    // MARK: Lookups

    mutating func office(_ r: ImportRecord<OfficeFields>) throws {
        let f = r.fields
        if let id = offices[NameKey.of(f.name)] ?? offices[NameKey.of(f.county)] {
            offices[NameKey.of(f.name)] = id
            return
        }
        do { try rowScope?.checkNewOffice(f.name, line: r.line) } catch { return reject(r.line, error.description) }
        let id = try insert("INSERT INTO office (name) VALUES (?)", [f.name])
        offices[NameKey.of(f.name)] = id
        try audit(.office, "\(id)", nil, "name", nil, f.name, note: "区县 \(f.county)")
        outcome.changes.append(.init(kind: .new, line: r.line, what: "三创办 \(f.name)（区县 \(f.county)）", details: []))
    }

    mutating func office(_ name: String, line: Int) -> Int64? {
        if name.isEmpty {
            if offices.count == 1, let only = offices.values.first { return inScope(only, line: line) }
            reject(line, offices.isEmpty ? "the database has no office yet: run civgrid init --office NAME first"
                : "the database has several offices: add a 三创办 (office) column")
            return nil
        }
        guard let id = offices[NameKey.of(name)] else {
            reject(line, "unknown office “\(name)”; offices are: \(offices.keys.sorted().joined(separator: ", "))")
            return nil
        }
        return inScope(id, line: line)
    }

    /// `office`, or nil with the row rejected when it lies outside a scoped admin's offices (the scope's message).
    mutating func inScope(_ office: Int64, line: Int) -> Int64? {
        guard let reason = rowScope?.refusal(office: office, line: line) else { return office }
        reject(line, reason)
        return nil
    }

    mutating func lookup(_ table: String, parentColumn: String, parent: Int64, name: String) throws -> Int64? {
        let slot = "\(table)/\(parent)"
        if index[slot] == nil {
            var map: [String: Int64] = [:]
            for r in try s.query("SELECT id, name FROM \(table) WHERE \(parentColumn) = ?", [parent]) { map[NameKey.of(r.text("name"))] = r.int("id") }
            index[slot] = map
        }
        return index[slot]?[NameKey.of(name)]
    }

    mutating func remember(_ table: String, parent: Int64, name: String, id: Int64) {
        index["\(table)/\(parent)", default: [:]][NameKey.of(name)] = id
    }

    mutating func find(_ table: String, office: Int64, name: String) throws -> SQLRow? {
        guard let id = try lookup(table, parentColumn: "office_id", parent: office, name: name) else { return nil }
        return try s.query("SELECT * FROM \(table) WHERE id = ?", [id]).first
    }

    mutating func findCommunity(street: Int64, name: String) throws -> SQLRow? {
        guard let id = try lookup("community", parentColumn: "street_id", parent: street, name: name) else { return nil }
        return try s.query("SELECT * FROM community WHERE id = ?", [id]).first
    }

    /// The community an 编号 (id) column names, when it is in the same street: then a different name is a rename. An
    /// 编号 is trusted for a rename only: when the sheet's name is another community of the street, the 编号 came from
    /// another database (an export imported elsewhere) and the name wins.
    mutating func communityByID(_ f: CommunityFields, street: Int64) throws -> SQLRow? {
        guard let id = f.id, id <= lastCommunityIDBefore, let row = try s.query("SELECT * FROM community WHERE id = ?", [id]).first,
              row.int("street_id") == street else { return nil }
        if NameKey.of(row.text("name")) != NameKey.of(f.name),
           let other = try lookup("community", parentColumn: "street_id", parent: street, name: f.name), other != id {
            return nil
        }
        return row
    }

    mutating func street(office: Int64, name: String, create: Bool) throws -> Int64? {
        if let id = try lookup("street", parentColumn: "office_id", parent: office, name: name) { return id }
        guard create else { return nil }
        let id = try insert("INSERT INTO street (office_id, name) VALUES (?, ?)", [office, name])
        remember("street", parent: office, name: name, id: id)
        try audit(.street, "\(id)", nil, "name", nil, name)
        return id
    }

    // MARK: Records

    mutating func unit(_ r: ImportRecord<UnitFields>) throws {
        guard let office = office(r.fields.office, line: r.line) else { return }
        let f = r.fields
        // The kind as the sheet names it, resolved against the office's unit kinds (see PGImportRun+Kinds).
        guard let kind = try unitKind(r) else { return }
        if let row = try find("unit", office: office, name: f.name) {
            let old = try PGDecode.unit(row)
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
            let id = try insert("""
                INSERT INTO unit (office_id, name, kind, head, head_phone, liaison, liaison_phone, unit_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [office, f.name, kind.base.rawValue, f.head?.name ?? "", f.head?.phone ?? "", f.liaison?.name ?? "", f.liaison?.phone ?? "",
                      kind.code])
            remember("unit", parent: office, name: f.name, id: id)
            try audit(.unit, "\(id)", nil, "name", nil, f.name, note: r.note)
            outcome.changes.append(.init(kind: .new, line: r.line, what: "责任单位 \(f.name)", details: []))
        }
    }

    mutating func property(_ r: ImportRecord<PropertyFields>) throws {
        guard let office = office(r.fields.office, line: r.line) else { return }
        let f = r.fields
        if let row = try find("property", office: office, name: f.name), let old = PGDecode.property(row) {
            var diffs: [(String, String, String, String)] = []
            if let m = f.manager, m != old.manager {
                diffs.append(("manager", "项目经理", old.manager.name, m.name))
                diffs.append(("manager_phone", "经理电话", old.manager.phone, m.phone))
            }
            try update("property", id: old.id, community: nil, diffs: diffs.filter { $0.2 != $0.3 }, line: r.line, what: "物业 \(old.name)",
                       importedName: f.name, storedName: old.name, note: r.note)
        } else {
            let id = try insert("INSERT INTO property (office_id, name, manager, manager_phone) VALUES (?, ?, ?, ?)",
                                [office, f.name, f.manager?.name ?? "", f.manager?.phone ?? ""])
            remember("property", parent: office, name: f.name, id: id)
            try audit(.property, "\(id)", nil, "name", nil, f.name, note: r.note)
            outcome.changes.append(.init(kind: .new, line: r.line, what: "物业 \(f.name)", details: []))
        }
    }

    mutating func community(_ r: ImportRecord<CommunityFields>) throws {
        // The kind as the sheet names it, resolved against the office's site kinds (see PGImportRun+Kinds).
        guard let kind = try siteKind(r) else { return }
        guard let office = office(r.fields.office, line: r.line),
              let street = try street(office: office, name: r.fields.street, create: true) else { return }
        let f = r.fields
        // The table's CHECK constraints, checked first: on PostgreSQL a violated one would abort the whole import.
        if let v = f.declaredSite, v <= 0 {
            return reject(r.line, "申报点位 (declared site) \(v) is not a site number: site numbers start at 1; correct or empty the cell")
        }
        let byID = try communityByID(f, street: street)
        let existing = try (byID ?? findCommunity(street: street, name: f.name)).map { try PGDecode.community($0) }
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
        // A new community's office order (排序/序号) goes in with it; `importOrders` audits it.
        let id = try insert("""
            INSERT INTO community (street_id, name, address, kind, declared_site, households, note, site_kind, office_order)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [street, f.name, f.address ?? "", kind.base.rawValue, f.declaredSite, f.households, f.note ?? "", kind.code, f.order])
        if let v = f.declaredSite { try claimSiteNumber(v, old: nil, id: id, name: f.name, street: f.street, office: office) }
        remember("community", parent: street, name: f.name, id: id)
        for theme in themes where theme.applies(to: kind.base) { pendingCells.append([.int(id), .int(theme.id)]) }
        if pendingCells.count >= 20_000 { try flush() }
        try audit(.community, "\(id)", id, "name", nil, "\(f.street)/\(f.name)")
        outcome.changes.append(.init(kind: .new, line: r.line, what: "小区 \(f.street)/\(f.name)", details: []))
        if let cadence = f.cadence { try importCadence(community: id, cadence, line: r.line, site: f.name) }
        try importOrders(r, street: street, community: id, isNew: true)
    }

    mutating func link(_ r: ImportRecord<LinkFields>) throws {
        let f = r.fields
        guard let office = office(f.office, line: r.line) else { return }
        // Ids from the name index alone (rows are never deleted, so an indexed id is a row): no read per row.
        guard let street = try street(office: office, name: f.street, create: false),
              let community = try lookup("community", parentColumn: "street_id", parent: street, name: f.community) else {
            return reject(r.line, "no community “\(f.street)/\(f.community)” to link \(f.unit) to")
        }
        guard let unit = try lookup("unit", parentColumn: "office_id", parent: office, name: f.unit) else {
            return reject(r.line, "no unit “\(f.unit)”; import the units (or a 责任单位 column) first")
        }
        var property: Int64?
        if let p = f.property, !p.isEmpty {
            guard let id = try lookup("property", parentColumn: "office_id", parent: office, name: p) else {
                return reject(r.line, "no property company “\(p)”")
            }
            property = id
        }
        let day = today.description
        let created = community > lastCommunityIDBefore
        let current = try created ? linksOfNew[community] ?? []
            : s.query("SELECT * FROM assignment a WHERE a.community_id = ? AND \(PGSQL.inForce)", [community, day, day]).map { try PGDecode.assignment($0) }
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
        for link in replaced { try s.query("UPDATE assignment SET valid_to = ? WHERE id = ?", [day, link.id]) }
        let newID = try insert("INSERT INTO assignment (community_id, unit_id, role, property_id, valid_from) VALUES (?, ?, ?, ?, ?)",
                               [community, unit, f.role.rawValue, property, day])
        if created {
            linksOfNew[community] = current.filter { link in !replaced.contains { $0.id == link.id } }
                + [Assignment(id: newID, communityID: community, unitID: unit, role: f.role, propertyID: property, validFrom: today)]
        }
        for old in replaced { try audit(.assignment, "\(old.id)", community, "valid_to", nil, day) }
        try audit(.assignment, "\(newID)", community, "link", nil, "\(f.unit)（\(f.role.zh)）→ \(f.property ?? "无物业")")
        outcome.changes.append(.init(kind: replaced.isEmpty ? .new : .changed, line: r.line, what: what, details: []))
        // The person is recorded once the unit answers for the site (a link not applied leaves the person out too).
        if let person = f.person { try importSiteContact(community: community, unit: unit, person, line: r.line, site: "\(f.community) · \(f.unit)") }
    }

    // MARK: Writing

    /// Applies field differences to a row (only with --update), audited; reports unchanged / changed.
    mutating func update(_ table: String, id: Int64, community: Int64?, diffs: [(String, String, String, String)],
                         line: Int, what: String, importedName: String, storedName: String, note: String = "") throws {
        let nearDuplicate = importedName == storedName ? [] : ["按规范化名称匹配 matched “\(storedName)” (same name after normalisation)"]
        guard !diffs.isEmpty else {
            outcome.changes.append(.init(kind: .unchanged, line: line, what: what, details: nearDuplicate))
            return
        }
        var details = nearDuplicate + diffs.map { "\($0.1): \($0.2.isEmpty ? "—" : $0.2) → \($0.3)" }
        if batch.update {
            for d in diffs {
                // Integer columns take the digits as a number (PostgreSQL does not coerce text parameters into bigint).
                let value: SQLValue = d.3.isEmpty ? .null : (["declared_site", "households"].contains(d.0) ? Int64(d.3).sqlValue : .text(d.3))
                try s.query("UPDATE \(table) SET \(d.0) = ? WHERE id = ?", [value, id])
                try audit(AuditEntity(rawValue: table) ?? .database, "\(id)", community, d.0, d.2, d.3, note: note)
            }
        } else {
            details.append("未应用 (not applied without --update)")
        }
        outcome.changes.append(.init(kind: .changed, line: line, what: what, details: details))
    }

    /// Queues an audit entry (written in order by `flush`).
    mutating func audit(_ entity: AuditEntity, _ id: String, _ community: Int64?, _ field: String, _ old: String?, _ new: String?,
                        note: String = "") throws {
        pendingAudit.append(AuditEntry(entity: entity, entityID: id, communityID: community, field: field, oldValue: old, newValue: new,
                                       note: context.annotate(note)))
        if pendingAudit.count >= 20_000 { try flush() }
    }

    /// Writes the queued cells, then the queued audit entries with their chain entries.
    mutating func flush() throws {
        try s.insertMany("cell", columns: ["community_id", "theme_id"], rows: pendingCells)
        pendingCells.removeAll(keepingCapacity: true)
        try PostgresStore.appendAudit(s, pendingAudit, context: context, at: now)
        pendingAudit.removeAll(keepingCapacity: true)
    }

    mutating func reject(_ line: Int, _ reason: String) {
        outcome.rejected.append((line, reason))
    }
}
