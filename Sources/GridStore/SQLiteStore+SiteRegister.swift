import GRDB
import GridCore

/// The declared-site register inside a service transaction: reads for the rules, and the writes of
/// `SiteRegisterChanges`.
extension SQLiteTransaction: SiteRegisterTransaction {
    func siteContact(communityID: RowID, unitID: RowID) throws -> Contact? {
        try Row.fetchOne(db, sql: "SELECT person, phone FROM site_contact WHERE community_id = ? AND unit_id = ?",
                         arguments: [communityID, unitID]).map { Contact(name: $0["person"], phone: $0["phone"]) }
    }

    func siteCadence(communityID: RowID) throws -> SiteCadence? {
        try Int.fetchOne(db, sql: "SELECT days FROM site_cadence WHERE community_id = ?", arguments: [communityID]).map(SiteCadence.init)
    }

    func storedDefaultCadence(officeID: RowID) throws -> SiteCadence? {
        try Int.fetchOne(db, sql: "SELECT days FROM office_cadence WHERE office_id = ?", arguments: [officeID]).map(SiteCadence.init)
    }

    func lastDispatchSlip(year: Int) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT max(seq) FROM dispatch_slip WHERE year = ?", arguments: [year]) ?? 0
    }

    /// Writes site contacts (an empty one deletes the row), cadences and dispatch slips.
    func persist(_ s: SiteRegisterChanges, at now: Timestamp) throws {
        for c in s.contacts {
            if c.person.name.isEmpty && c.person.phone.isEmpty {
                try db.execute(sql: "DELETE FROM site_contact WHERE community_id = ? AND unit_id = ?", arguments: [c.communityID, c.unitID])
            } else {
                try SiteRegisterRows.upsertContact(db, c)
            }
        }
        for (community, cadence) in s.siteCadences {
            if let cadence {
                try db.execute(sql: "INSERT INTO site_cadence (community_id, days) VALUES (?, ?) ON CONFLICT(community_id) DO UPDATE SET days = excluded.days",
                               arguments: [community, cadence.days])
            } else {
                try db.execute(sql: "DELETE FROM site_cadence WHERE community_id = ?", arguments: [community])
            }
        }
        for slip in s.slips {
            try db.execute(sql: "INSERT INTO dispatch_slip (year, seq, unit_id, issued_at, issued_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [slip.year, slip.seq, slip.unitID, now.description, slip.issuedBy])
            let id = db.lastInsertedRowID
            for n in slip.cases {
                try db.execute(sql: "INSERT INTO dispatch_slip_case (slip_id, case_id) VALUES (?, ?)", arguments: [id, try caseID(n)])
            }
        }
        for (office, cadence) in s.officeCadences {
            try db.execute(sql: "INSERT INTO office_cadence (office_id, days) VALUES (?, ?) ON CONFLICT(office_id) DO UPDATE SET days = excluded.days",
                           arguments: [office, cadence.days])
        }
    }
}

/// SQL shared by the transaction and the importer.
enum SiteRegisterRows {
    static func upsertContact(_ db: Database, _ c: SiteContact) throws {
        try db.execute(sql: """
            INSERT INTO site_contact (community_id, unit_id, person, phone) VALUES (?, ?, ?, ?)
            ON CONFLICT(community_id, unit_id) DO UPDATE SET person = excluded.person, phone = excluded.phone
            """, arguments: [c.communityID, c.unitID, c.person.name, c.person.phone])
    }

    /// Live declared sites with their street and office: (community, street name, office id), by number then id.
    static func sites(_ db: Database, officeID: RowID?) throws -> [(Community, String, RowID)] {
        let sql = """
            SELECT c.*, s.name AS street_name, s.office_id AS street_office FROM community c JOIN street s ON s.id = c.street_id
            WHERE c.declared_site IS NOT NULL AND c.retired_on IS NULL\(officeID == nil ? "" : " AND s.office_id = ?")
            ORDER BY c.declared_site, c.id
            """
        return try Row.fetchAll(db, sql: sql, arguments: officeID.map { [$0] } ?? []).map {
            (try Decode.community($0), $0["street_name"], $0["street_office"])
        }
    }
}

extension SQLiteStore: SiteRegisterReading {
    public func declaredSites(officeID: RowID?, today: Day, utcOffsetSeconds: Int) throws(GridError) -> [DeclaredSite] {
        let sites = try read { db in try SiteRegisterRows.sites(db, officeID: officeID) }
        // Self-inspection rounds' inspections (the rounds port, v8), besides the cases a self-inspection found.
        let inspected = try lastInspections(kind: .selfInspection, communityIDs: sites.map(\.0.id))
            .mapValues { $0.at.day(offsetSeconds: utcOffsetSeconds) }
        return try read { db in
            guard !sites.isEmpty else { return [] }
            let ids = sites.map(\.0.id)
            let list = ids.map(String.init).joined(separator: ",")
            let kinds = try KindRows.catalog(db)
            let chains = try fetchChain(db, where: "a.community_id IN (\(list)) AND \(SQL.inForce)", arguments: ["day": today.description])
            var contacts: [RowID: [RowID: Contact]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT * FROM site_contact WHERE community_id IN (\(list))") {
                contacts[r["community_id"], default: [:]][r["unit_id"]] = Contact(name: r["person"], phone: r["phone"])
            }
            let own = try Dictionary(Row.fetchAll(db, sql: "SELECT community_id, days FROM site_cadence WHERE community_id IN (\(list))")
                .map { ($0["community_id"] as RowID, SiteCadence(days: $0["days"])) }, uniquingKeysWith: { a, _ in a })
            let defaults = try Dictionary(Row.fetchAll(db, sql: "SELECT office_id, days FROM office_cadence")
                .map { ($0["office_id"] as RowID, SiteCadence(days: $0["days"])) }, uniquingKeysWith: { a, _ in a })
            var open: [RowID: (Int, Int)] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT community_id, count(*) AS n, sum(due_on IS NOT NULL AND due_on < ?) AS late FROM case_record
                WHERE community_id IN (\(list)) AND state NOT IN ('closed','fixed_on_site','void') GROUP BY community_id
                """, arguments: [today.description]) {
                open[r["community_id"]] = (r["n"], r["late"] ?? 0)
            }
            let last = try SiteRegisterRows.lastSelfInspections(db, list: list, utcOffsetSeconds: utcOffsetSeconds)
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
        try read { db in
            try Int.fetchOne(db, sql: "SELECT days FROM office_cadence WHERE office_id = ?", arguments: [officeID]).map(SiteCadence.init) ?? .standard
        }
    }
}
