import GridCore

/// The declared-site register inside a service transaction on PostgreSQL: reads for the rules, and the writes of
/// `SiteRegisterChanges` — as the SQLite store's.
extension PostgresTransaction: SiteRegisterTransaction {
    func siteContact(communityID: RowID, unitID: RowID) throws -> Contact? {
        try s.query("SELECT person, phone FROM site_contact WHERE community_id = ? AND unit_id = ?", [communityID, unitID]).first
            .map { Contact(name: $0.text("person"), phone: $0.text("phone")) }
    }

    func siteCadence(communityID: RowID) throws -> SiteCadence? {
        try s.int("SELECT days FROM site_cadence WHERE community_id = ?", [communityID]).map { SiteCadence(days: Int($0)) }
    }

    func storedDefaultCadence(officeID: RowID) throws -> SiteCadence? {
        try s.int("SELECT days FROM office_cadence WHERE office_id = ?", [officeID]).map { SiteCadence(days: Int($0)) }
    }

    func lastDispatchSlip(year: Int) throws -> Int {
        Int(try s.int("SELECT max(seq) FROM dispatch_slip WHERE year = ?", [year]) ?? 0)
    }

    /// Writes site contacts (an empty one deletes the row), cadences and dispatch slips.
    func persist(_ r: SiteRegisterChanges, at now: Timestamp) throws {
        for c in r.contacts {
            if c.person.name.isEmpty && c.person.phone.isEmpty {
                try s.query("DELETE FROM site_contact WHERE community_id = ? AND unit_id = ?", [c.communityID, c.unitID])
            } else {
                try PGSiteRegisterRows.upsertContact(s, c)
            }
        }
        for (community, cadence) in r.siteCadences {
            if let cadence {
                try s.query("INSERT INTO site_cadence (community_id, days) VALUES (?, ?) ON CONFLICT (community_id) DO UPDATE SET days = excluded.days",
                            [community, cadence.days])
            } else {
                try s.query("DELETE FROM site_cadence WHERE community_id = ?", [community])
            }
        }
        for slip in r.slips {
            guard let id = try s.int("INSERT INTO dispatch_slip (year, seq, unit_id, issued_at, issued_by) VALUES (?, ?, ?, ?, ?) RETURNING id",
                                     [slip.year, slip.seq, slip.unitID, now.description, slip.issuedBy]) else {
                throw GridError.database("the database did not return the new dispatch slip's id")
            }
            for n in slip.cases {
                try s.query("INSERT INTO dispatch_slip_case (slip_id, case_id) VALUES (?, ?)", [id, try caseID(n)])
            }
        }
        for (office, cadence) in r.officeCadences {
            try s.query("INSERT INTO office_cadence (office_id, days) VALUES (?, ?) ON CONFLICT (office_id) DO UPDATE SET days = excluded.days",
                        [office, cadence.days])
        }
    }
}

/// SQL shared by the transaction, the register's reads and the importer.
enum PGSiteRegisterRows {
    static func upsertContact(_ s: PGSession, _ c: SiteContact) throws(GridError) {
        try s.query("""
            INSERT INTO site_contact (community_id, unit_id, person, phone) VALUES (?, ?, ?, ?)
            ON CONFLICT (community_id, unit_id) DO UPDATE SET person = excluded.person, phone = excluded.phone
            """, [c.communityID, c.unitID, c.person.name, c.person.phone])
    }

    /// Live declared sites with their street and office: (community, street name, office id), by number then id.
    static func sites(_ s: PGSession, officeID: RowID?) throws(GridError) -> [(Community, String, RowID)] {
        let sql = """
            SELECT c.*, s.name AS street_name, s.office_id AS street_office FROM community c JOIN street s ON s.id = c.street_id
            WHERE c.declared_site IS NOT NULL AND c.retired_on IS NULL\(officeID == nil ? "" : " AND s.office_id = ?")
            ORDER BY c.declared_site, c.id
            """
        return try s.query(sql, officeID.map { [$0] } ?? []).map { r throws(GridError) in
            (try decoded { try PGDecode.community(r) }, r.text("street_name"), r.int("street_office"))
        }
    }

    /// The latest local day a case was found at each site by a self-inspection (自查).
    static func lastSelfInspections(_ s: PGSession, list: String, utcOffsetSeconds: Int) throws(GridError) -> [RowID: Day] {
        var last: [RowID: Day] = [:]
        for r in try s.query("""
            SELECT community_id, max(found_at) AS at FROM case_record
            WHERE community_id IN (\(list)) AND source = 'self_inspection' GROUP BY community_id
            """) {
            guard let text = r["at"].text, let at = Timestamp(iso: text) else { continue }
            last[r.int("community_id")] = at.day(offsetSeconds: utcOffsetSeconds)
        }
        return last
    }
}

extension PostgresStore: SiteRegisterReading {
    public func declaredSites(officeID: RowID?, today: Day, utcOffsetSeconds: Int) throws(GridError) -> [DeclaredSite] {
        let sites = try read { s throws(GridError) in try PGSiteRegisterRows.sites(s, officeID: officeID) }
        // Self-inspection rounds' inspections (the rounds port, pg4), besides the cases a self-inspection found.
        let inspected = try lastInspections(kind: .selfInspection, communityIDs: sites.map(\.0.id))
            .mapValues { $0.at.day(offsetSeconds: utcOffsetSeconds) }
        return try read { s throws(GridError) in
            guard !sites.isEmpty else { return [] }
            let ids = sites.map(\.0.id)
            let list = ids.map(String.init).joined(separator: ",")
            let kinds = try PGKindRows.catalog(s)
            let chains = try PostgresStore.fetchChain(s, where: "a.community_id IN (\(list)) AND \(PGSQL.inForce)",
                                                      [today.description, today.description])
            var contacts: [RowID: [RowID: Contact]] = [:]
            for r in try s.query("SELECT * FROM site_contact WHERE community_id IN (\(list))") {
                contacts[r.int("community_id"), default: [:]][r.int("unit_id")] = Contact(name: r.text("person"), phone: r.text("phone"))
            }
            var own: [RowID: SiteCadence] = [:]
            for r in try s.query("SELECT community_id, days FROM site_cadence WHERE community_id IN (\(list))") where own[r.int("community_id")] == nil {
                own[r.int("community_id")] = SiteCadence(days: Int(r.int("days")))
            }
            var defaults: [RowID: SiteCadence] = [:]
            for r in try s.query("SELECT office_id, days FROM office_cadence") where defaults[r.int("office_id")] == nil {
                defaults[r.int("office_id")] = SiteCadence(days: Int(r.int("days")))
            }
            var open: [RowID: (Int, Int)] = [:]
            for r in try s.query("""
                SELECT community_id, count(*) AS n, count(*) FILTER (WHERE due_on IS NOT NULL AND due_on < ?) AS late FROM case_record
                WHERE community_id IN (\(list)) AND state NOT IN ('closed','fixed_on_site','void') GROUP BY community_id
                """, [today.description]) {
                open[r.int("community_id")] = (Int(r.int("n")), Int(r.int("late")))
            }
            let last = try PGSiteRegisterRows.lastSelfInspections(s, list: list, utcOffsetSeconds: utcOffsetSeconds)
                .merging(inspected) { max($0, $1) }
            let byCommunity = Dictionary(grouping: chains) { $0.assignment.communityID }
            return sites.map { c, street, office in
                let units = (byCommunity[c.id] ?? [])
                    .sorted { ($0.assignment.role == .lead ? 0 : 1, $0.unit.name) < ($1.assignment.role == .lead ? 0 : 1, $1.unit.name) }
                    .map { SiteUnit(link: $0, responsible: contacts[c.id]?[$0.unit.id]) }
                let cadence = own[c.id] ?? defaults[office] ?? .standard
                return DeclaredSite(community: c, streetName: street, officeID: office, kindLabel: kinds.label(of: c), units: units,
                                    cadence: cadence, ownCadence: own[c.id] != nil, openCases: open[c.id]?.0 ?? 0,
                                    overdueCases: open[c.id]?.1 ?? 0, lastSelfInspection: last[c.id])
            }
        }
    }

    public func defaultCadence(officeID: RowID) throws(GridError) -> SiteCadence {
        try read { s throws(GridError) in
            try s.int("SELECT days FROM office_cadence WHERE office_id = ?", [officeID]).map { SiteCadence(days: Int($0)) } ?? .standard
        }
    }
}
