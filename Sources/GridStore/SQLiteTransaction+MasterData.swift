import GRDB
import GridCore

/// The master-data reads a service makes inside a transaction, and the writes of `MasterDataChanges`: whole rows,
/// inserted when new and overwritten by id otherwise.
extension SQLiteTransaction {
    func offices() throws -> [Office] {
        try Row.fetchAll(db, sql: "SELECT id, name, parent_id FROM office ORDER BY name").map(Decode.office)
    }

    func street(id: RowID) throws -> Street? {
        try Row.fetchOne(db, sql: "SELECT * FROM street WHERE id = ?", arguments: [id]).map(Decode.street)
    }

    func streets(officeID: RowID) throws -> [Street] {
        try Row.fetchAll(db, sql: "SELECT * FROM street WHERE office_id = ? ORDER BY id", arguments: [officeID]).map(Decode.street)
    }

    func community(id: RowID) throws -> Community? {
        try Row.fetchOne(db, sql: "SELECT * FROM community WHERE id = ?", arguments: [id]).map(Decode.community)
    }

    func communities(streetID: RowID) throws -> [Community] {
        try Row.fetchAll(db, sql: "SELECT * FROM community WHERE street_id = ? ORDER BY id", arguments: [streetID]).map(Decode.community)
    }

    func unit(id: RowID) throws -> ResponsibleUnit? {
        try Row.fetchOne(db, sql: "SELECT * FROM unit WHERE id = ?", arguments: [id]).map { try Decode.unit($0) }
    }

    func units(officeID: RowID) throws -> [ResponsibleUnit] {
        try Row.fetchAll(db, sql: "SELECT * FROM unit WHERE office_id = ? ORDER BY id", arguments: [officeID]).map { try Decode.unit($0) }
    }

    func property(id: RowID) throws -> PropertyCompany? {
        try Row.fetchOne(db, sql: "SELECT * FROM property WHERE id = ?", arguments: [id]).flatMap { try Decode.property($0) }
    }

    func properties(officeID: RowID) throws -> [PropertyCompany] {
        try Row.fetchAll(db, sql: "SELECT * FROM property WHERE office_id = ? ORDER BY id", arguments: [officeID]).compactMap { try Decode.property($0) }
    }

    func themes() throws -> [CheckTheme] {
        try Row.fetchAll(db, sql: "SELECT * FROM theme ORDER BY position, id").map(Decode.theme)
    }

    func kinds() throws -> KindCatalog { try KindRows.catalog(db) }

    func nextID(_ table: MasterTable) throws -> RowID {
        try (Int64.fetchOne(db, sql: "SELECT max(id) FROM \(table.rawValue)") ?? 0) + 1
    }

    func openCaseCount(communityID: RowID) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM case_record WHERE community_id = ? AND state NOT IN ('closed','fixed_on_site','void')",
                         arguments: [communityID]) ?? 0
    }

    /// Writes master-data rows before anything else in the change set, so cells and audit rows can name them.
    func persist(_ m: MasterDataChanges) throws {
        // This connection's own commits do not move its data version: make the search index compare its names stamp.
        store.searchCache.built.withLock { $0?.marker = Int.min }
        for o in m.offices {
            try db.execute(sql: """
                INSERT INTO office (id, name, parent_id) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id
                """, arguments: [o.id, o.name, o.parentID])
        }
        for k in m.siteKinds {
            try db.execute(sql: """
                INSERT INTO site_kind (code, name_zh, base) VALUES (?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh, base = excluded.base
                """, arguments: [k.code, k.zh, k.base.rawValue])
        }
        for k in m.unitKinds {
            try db.execute(sql: """
                INSERT INTO unit_kind (code, name_zh, base) VALUES (?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh, base = excluded.base
                """, arguments: [k.code, k.zh, k.base.rawValue])
        }
        for s in m.streets {
            try db.execute(sql: """
                INSERT INTO street (id, office_id, name) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET office_id = excluded.office_id, name = excluded.name
                """, arguments: [s.id, s.officeID, s.name])
        }
        for c in m.communities {
            try db.execute(sql: """
                INSERT INTO community (id, street_id, name, address, kind, declared_site, households, note, site_kind, retired_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET street_id = excluded.street_id, name = excluded.name, address = excluded.address,
                    kind = excluded.kind, declared_site = excluded.declared_site, households = excluded.households,
                    note = excluded.note, site_kind = excluded.site_kind, retired_on = excluded.retired_on
                """, arguments: [c.id, c.streetID, c.name, c.address, c.kind.rawValue, c.declaredSite, c.households, c.note,
                                 c.siteKindCode, c.retiredOn?.description])
        }
        for key in m.newCells {
            try db.cachedStatement(sql: "INSERT INTO cell (community_id, theme_id) VALUES (?, ?)").execute(arguments: [key.communityID, key.themeID])
        }
        for u in m.units {
            try db.execute(sql: """
                INSERT INTO unit (id, office_id, name, kind, head, head_phone, liaison, liaison_phone, unit_kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET office_id = excluded.office_id, name = excluded.name, kind = excluded.kind,
                    head = excluded.head, head_phone = excluded.head_phone, liaison = excluded.liaison,
                    liaison_phone = excluded.liaison_phone, unit_kind = excluded.unit_kind
                """, arguments: [u.id, u.officeID, u.name, u.kind.rawValue, u.head.name, u.head.phone, u.liaison.name, u.liaison.phone, u.kindCode])
        }
        for p in m.properties {
            try db.execute(sql: """
                INSERT INTO property (id, office_id, name, manager, manager_phone) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET office_id = excluded.office_id, name = excluded.name, manager = excluded.manager,
                    manager_phone = excluded.manager_phone
                """, arguments: [p.id, p.officeID, p.name, p.manager.name, p.manager.phone])
        }
    }
}

/// The kind lists as stored.
enum KindRows {
    static func catalog(_ db: Database) throws -> KindCatalog {
        let site = try Row.fetchAll(db, sql: "SELECT code, name_zh, base FROM site_kind ORDER BY rowid").map { r in
            SiteKind(code: r["code"], zh: r["name_zh"], base: try Decode.coded(CommunityKind.self, r["base"], "site_kind.base"))
        }
        let unit = try Row.fetchAll(db, sql: "SELECT code, name_zh, base FROM unit_kind ORDER BY rowid").map { r in
            UnitKindEntry(code: r["code"], zh: r["name_zh"], base: try Decode.coded(UnitKind.self, r["base"], "unit_kind.base"))
        }
        return KindCatalog(site: site, unit: unit)
    }
}

extension SQLiteStore {
    public func kinds() throws(GridError) -> KindCatalog {
        try read { db in try KindRows.catalog(db) }
    }

    public func streets(officeID: RowID) throws(GridError) -> [Street] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM street WHERE office_id = ? ORDER BY id", arguments: [officeID]).map(Decode.street) }
    }
}
