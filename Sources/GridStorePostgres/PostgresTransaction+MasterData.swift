import GridCore

/// The master-data reads a service makes inside a PostgreSQL transaction, and the writes of `MasterDataChanges`: whole
/// rows, inserted when new and overwritten by id otherwise — as the SQLite store's.
extension PostgresTransaction {
    func offices() throws -> [Office] {
        try s.query("SELECT id, name, parent_id FROM office ORDER BY name").map(PGDecode.office)
    }

    func street(id: RowID) throws -> Street? {
        try s.query("SELECT * FROM street WHERE id = ?", [id]).first.map(PGDecode.street)
    }

    func streets(officeID: RowID) throws -> [Street] {
        try s.query("SELECT * FROM street WHERE office_id = ? ORDER BY id", [officeID]).map(PGDecode.street)
    }

    func community(id: RowID) throws -> Community? {
        try s.query("SELECT * FROM community WHERE id = ?", [id]).first.map { try PGDecode.community($0) }
    }

    func communities(streetID: RowID) throws -> [Community] {
        try s.query("SELECT * FROM community WHERE street_id = ? ORDER BY id", [streetID]).map { try PGDecode.community($0) }
    }

    func unit(id: RowID) throws -> ResponsibleUnit? {
        try s.query("SELECT * FROM unit WHERE id = ?", [id]).first.map { try PGDecode.unit($0) }
    }

    func units(officeID: RowID) throws -> [ResponsibleUnit] {
        try s.query("SELECT * FROM unit WHERE office_id = ? ORDER BY id", [officeID]).map { try PGDecode.unit($0) }
    }

    func property(id: RowID) throws -> PropertyCompany? {
        try s.query("SELECT * FROM property WHERE id = ?", [id]).first.flatMap { PGDecode.property($0) }
    }

    func properties(officeID: RowID) throws -> [PropertyCompany] {
        try s.query("SELECT * FROM property WHERE office_id = ? ORDER BY id", [officeID]).compactMap { PGDecode.property($0) }
    }

    func themes() throws -> [CheckTheme] { try PostgresStore.themes(s) }

    func kinds() throws -> KindCatalog { try PGKindRows.catalog(s) }

    func nextID(_ table: MasterTable) throws -> RowID {
        (try s.int("SELECT max(id) FROM \(table.rawValue)") ?? 0) + 1
    }

    func openCaseCount(communityID: RowID) throws -> Int {
        Int(try s.int("SELECT count(*) FROM case_record WHERE community_id = ? AND state NOT IN ('closed','fixed_on_site','void')",
                      [communityID]) ?? 0)
    }

    func officeOrder(of node: GridNode) throws -> (name: String, order: Int?)? {
        let table: String
        switch node {
        case .street: table = "street"
        case .community: table = "community"
        default: return nil
        }
        return try s.query("SELECT name, office_order FROM \(table) WHERE id = ?", [node.id]).first
            .map { ($0.text("name"), $0["office_order"].int.map(Int.init)) }
    }

    /// Writes master-data rows before anything else in the change set, so cells and audit rows can name them. The
    /// services number new rows themselves (`nextID`): each identity sequence is then moved past them, so rows added
    /// later without an id (an import) never collide.
    func persist(_ m: MasterDataChanges) throws {
        for o in m.offices {
            try s.query("""
                INSERT INTO office (id, name, parent_id) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id
                """, [o.id, o.name, o.parentID])
        }
        for k in m.siteKinds {
            try s.query("""
                INSERT INTO site_kind (code, name_zh, base) VALUES (?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, base = excluded.base
                """, [k.code, k.zh, k.base.rawValue])
        }
        for k in m.unitKinds {
            try s.query("""
                INSERT INTO unit_kind (code, name_zh, base) VALUES (?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, base = excluded.base
                """, [k.code, k.zh, k.base.rawValue])
        }
        for st in m.streets {
            try s.query("""
                INSERT INTO street (id, office_id, name) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET office_id = excluded.office_id, name = excluded.name
                """, [st.id, st.officeID, st.name])
        }
        for c in m.communities {
            try s.query("""
                INSERT INTO community (id, street_id, name, address, kind, declared_site, households, note, site_kind, retired_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET street_id = excluded.street_id, name = excluded.name, address = excluded.address,
                    kind = excluded.kind, declared_site = excluded.declared_site, households = excluded.households,
                    note = excluded.note, site_kind = excluded.site_kind, retired_on = excluded.retired_on
                """, [c.id, c.streetID, c.name, c.address, c.kind.rawValue, c.declaredSite, c.households, c.note, c.siteKindCode,
                      c.retiredOn?.description])
        }
        for key in m.newCells {
            try s.query("INSERT INTO cell (community_id, theme_id) VALUES (?, ?)", [key.communityID, key.themeID])
        }
        for u in m.units {
            try s.query("""
                INSERT INTO unit (id, office_id, name, kind, head, head_phone, liaison, liaison_phone, unit_kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET office_id = excluded.office_id, name = excluded.name, kind = excluded.kind,
                    head = excluded.head, head_phone = excluded.head_phone, liaison = excluded.liaison,
                    liaison_phone = excluded.liaison_phone, unit_kind = excluded.unit_kind
                """, [u.id, u.officeID, u.name, u.kind.rawValue, u.head.name, u.head.phone, u.liaison.name, u.liaison.phone, u.kindCode])
        }
        for p in m.properties {
            try s.query("""
                INSERT INTO property (id, office_id, name, manager, manager_phone) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET office_id = excluded.office_id, name = excluded.name, manager = excluded.manager,
                    manager_phone = excluded.manager_phone
                """, [p.id, p.officeID, p.name, p.manager.name, p.manager.phone])
        }
        let touched = [("office", !m.offices.isEmpty), ("street", !m.streets.isEmpty), ("community", !m.communities.isEmpty), ("unit", !m.units.isEmpty),
                       ("property", !m.properties.isEmpty)]
        for (table, written) in touched where written {
            try s.query("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), greatest((SELECT max(id) FROM \(table)), 1))")
        }
    }
}

/// The kind lists as stored, in the order kinds were added.
enum PGKindRows {
    static func catalog(_ s: PGSession) throws(GridError) -> KindCatalog {
        let site = try s.query("SELECT code, name_zh, base FROM site_kind ORDER BY pos").map { r throws(GridError) in
            SiteKind(code: r.text("code"), zh: r.text("name_zh"),
                     base: try decoded { try PGDecode.coded(CommunityKind.self, r["base"].text, "site_kind.base") })
        }
        let unit = try s.query("SELECT code, name_zh, base FROM unit_kind ORDER BY pos").map { r throws(GridError) in
            UnitKindEntry(code: r.text("code"), zh: r.text("name_zh"),
                          base: try decoded { try PGDecode.coded(UnitKind.self, r["base"].text, "unit_kind.base") })
        }
        return KindCatalog(site: site, unit: unit)
    }
}

extension PostgresStore {
    public func kinds() throws(GridError) -> KindCatalog {
        try read { s throws(GridError) in try PGKindRows.catalog(s) }
    }

    public func streets(officeID: RowID) throws(GridError) -> [Street] {
        try read { s throws(GridError) in try s.query("SELECT * FROM street WHERE office_id = ? ORDER BY id", [officeID]).map(PGDecode.street) }
    }
}
