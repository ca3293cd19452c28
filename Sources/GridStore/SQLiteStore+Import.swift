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
                // Each many-row INSERT keeps a statement journal (the pages it changes, to undo that one statement):
                // past 64 KB it goes to a temp file, a write per page, and a 100,000-row import wrote 800,000 of them.
                // In memory it is the same journal. SQLite reads this setting when the transaction begins.
                let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = \(tempStore)") }
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
///
/// Built for sheets of 100,000 rows: what exists is read once per office (units, property companies, streets) or
/// street (communities and their links in force) into maps kept current as rows are added, the statements run per
/// row are compiled once, and audit rows are written in batches with the chain computed in one pass (`ImportAudit`)
/// — no query per row that a map can answer.
struct ImportRun {
    let store: SQLiteStore
    let db: Database
    let rules: ImportRules
    let batch: ImportBatch
    let context: ChangeContext
    var outcome = ImportOutcome()
    var offices: [String: Int64] = [:]
    /// A scoped admin's check of each master-data row's office (nil: an operator of the whole database).
    var rowScope: ImportRowScope?
    var progress: ((Int, Int) -> Bool)?
    var done = 0
    /// Normalised name → id, loaded once per table and office (or street), kept current as rows are added:
    /// an import of 100,000 rows must not rescan a street for every row.
    var index: [ImportSlot: [String: Int64]] = [:]
    /// The rows behind `index`, decoded once (and again after an update): compared field by field with the sheet.
    var known = ImportKnown()
    var themes: [CheckTheme] = []
    /// The kind lists, read when a row first names a kind (see ImportRun+Kinds).
    var kinds: KindCatalog?
    /// Ids above this were created by this import: an 编号 column never matches them (they are another
    /// database's numbers landing on rows this import just added).
    var lastCommunityIDBefore: Int64 = 0
    /// Streets whose 街道排序 this import has considered (see `importOrders`).
    var streetOrdersSeen: Set<Int64> = []
    /// Streets' ranks as this import found them (see `streetRank`).
    var streetRanks: [Int64: Int64?] = [:]
    let today: Day
    let now: Timestamp
    let statements: ImportStatements
    var audits: ImportAudit
    var newCommunities: NewCommunities
    var newLinks = RowInserter(table: "assignment", columns: ["id", "community_id", "unit_id", "role", "property_id", "valid_from"])
    var nextLinkID: Int64 = 1
    /// Declared-site numbers per office (see ImportRun+Sites).
    var sites = ImportSites()

    init(store: SQLiteStore, db: Database, batch: ImportBatch, context: ChangeContext, rules: ImportRules) throws {
        self.store = store
        self.rules = rules
        self.db = db
        self.batch = batch
        self.context = context
        today = context.clock.today
        now = context.clock.now()
        statements = try ImportStatements(db)
        audits = ImportAudit(context: context, at: now)
        for r in try Row.fetchAll(db, sql: "SELECT id, name FROM office") { offices[NameKey.of(r["name"])] = r["id"] }
        themes = try Row.fetchAll(db, sql: "SELECT * FROM theme").map(Decode.theme)
        lastCommunityIDBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM community") ?? 0
        newCommunities = NewCommunities(after: lastCommunityIDBefore)
        nextLinkID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM assignment") ?? 0) + 1
    }

    mutating func run() throws -> ImportOutcome {
        let actor = try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [context.actor.login])
            .map(Decode.operatorAccount) ?? .unknown(login: context.actor.login)
        try rules.authorize(batch, actor: actor)
        rowScope = rules.rowScope(actor: actor, offices: try Row.fetchAll(db, sql: "SELECT * FROM office").map(Decode.office))
        let total = batch.units.count + batch.properties.count + batch.communities.count + batch.links.count + batch.statuses.count
            + batch.themes.count
        // SQLite evaluates a CHECK with an IN list (community and unit kinds, cell statuses) by building a temporary
        // b-tree for every row written, which costs more than the row itself. Master data is written with CHECKs off:
        // every value they guard comes from a GridCore enum or is checked before it is written (site numbers,
        // households); NOT NULL, UNIQUE and foreign keys still apply. Statuses (GridCore's rule) run with them on.
        try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
        defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
        // A large sheet's transaction touches more pages than the default cache (8 MB) holds: spilled pages are written to
        // the WAL again and again. Up to 512 MB for the import (taken only as pages are used; a 100,000-row chain sheet
        // makes a 145 MB database), the usual size after it.
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -524288")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
        for r in batch.offices { try office(r) }
        for r in batch.themes { try theme(r); try tick(total) }
        for r in batch.units { try unit(r); try tick(total) }
        for r in batch.properties { try property(r); try tick(total) }
        let tallies = batch.communities.isEmpty ? nil : try ImportTallies(db, lastCommunityBefore: lastCommunityIDBefore)
        for r in batch.communities { try community(r); try tick(total) }
        try newCommunities.flush(db)
        try tallies?.finish(db, cells: newCommunities.cellCounts)
        for r in batch.links { try link(r); try tick(total) }
        try newLinks.flush(db)
        // Statuses go through GridCore's rule, which writes its own audit rows: the master data's go first.
        try audits.flush(db)
        try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        for r in batch.statuses { try status(r); try tick(total) }
        try audits.flush(db)
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
        do { try rowScope?.checkNewOffice(f.name, line: r.line) } catch { return reject(r.line, error.description) }
        try db.execute(sql: "INSERT INTO office (name) VALUES (?)", arguments: [f.name])
        let id = db.lastInsertedRowID
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

    /// The id of the row named `name` (after normalisation) in `table` under `parent` (an office, or a
    /// street for communities). The first lookup under a parent reads all its rows (and decodes them into `known`).
    mutating func lookup(_ table: ImportTable, parent: Int64, name: String) throws -> Int64? {
        let slot = ImportSlot(table: table, parent: parent)
        guard let names = index[slot] else {
            let loaded = try known.load(table, parent: parent, db)
            index[slot] = loaded
            return loaded[NameKey.of(name)]
        }
        return names[NameKey.of(name)]
    }

    mutating func remember(_ table: ImportTable, parent: Int64, name: String, id: Int64) {
        index[ImportSlot(table: table, parent: parent), default: [:]][NameKey.of(name)] = id
    }

    /// The community an 编号 (id) column names, when it is in the same street: then a different name is a
    /// rename (shown in the diff, applied with --update). An id from another street or database is ignored.
    mutating func communityByID(_ f: CommunityFields, street: Int64) throws -> Community? {
        guard let id = f.id, id <= lastCommunityIDBefore, let c = try known.community(id, db), c.streetID == street else { return nil }
        // An 编号 is trusted for a rename only: when the sheet's name is another community of the street, the 编号 came
        // from another database (an export imported elsewhere) and the name wins.
        if NameKey.of(c.name) != NameKey.of(f.name), let other = try lookup(.community, parent: street, name: f.name), other != c.id {
            return nil
        }
        return c
    }

    /// The community named `name` in `street`, as stored (or as this import left it).
    mutating func findCommunity(street: Int64, name: String) throws -> Community? {
        guard let id = try lookup(.community, parent: street, name: name) else { return nil }
        return try known.community(id, db)
    }

    /// The street's place among all streets (`OrderKeys`), read once per street; nil for a street not yet placed.
    mutating func streetRank(_ street: Int64) throws -> Int64? {
        if let known = streetRanks[street] { return known }
        let rank = try Int64.fetchOne(db, sql: "SELECT rank FROM street WHERE id = ?", arguments: [street])
        streetRanks[street] = rank
        return rank
    }

    mutating func street(office: Int64, name: String, create: Bool) throws -> Int64? {
        if let id = try lookup(.street, parent: office, name: name) { return id }
        guard create else { return nil }
        try statements.insertStreet.execute(arguments: [office, name])
        let id = db.lastInsertedRowID
        remember(.street, parent: office, name: name, id: id)
        try audit(.street, "\(id)", nil, "name", nil, name)
        return id
    }
}
