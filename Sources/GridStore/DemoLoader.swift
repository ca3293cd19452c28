import GRDB
import GridCore

/// Streams a `DemoGenerator`'s grid into a store with prepared statements in one transaction per office,
/// so a province (100,000 communities, a million cells) loads in seconds.
public struct DemoLoader {
    let store: SQLiteStore

    /// Creates a loader for a bootstrapped, empty store.
    public init(store: SQLiteStore) { self.store = store }

    /// Loads every office; `progress` is called after each office with (offices done, offices total).
    public func load(_ generator: DemoGenerator, context: ChangeContext,
                     progress: (Int, Int) -> Void = { _, _ in }) throws(GridError) {
        let offices = generator.offices()
        for (index, office) in offices.enumerated() {
            try store.write { db in try loadOffice(db, office, index: index, generator: generator, context: context) }
            progress(index + 1, offices.count)
        }
        // The case ledger behind the board at every scale: an open case behind every open cell (a problem is a case,
        // and `check` holds the board to it), and closed cases over the last three months.
        try DemoCaseLoader(store: store, generator: DemoCaseGenerator(today: generator.today, seed: generator.seed),
                           closedCases: generator.scale.closedDemoCases).load(context: context)
        try DemoSiteLoader(store: store, register: DemoSiteRegister(seed: generator.seed)).load(context: context)
        let operators = DemoOperators.all
        try store.write { db in
            for op in operators {
                try db.execute(sql: "INSERT INTO operator (login, name, role, added_at) VALUES (?, ?, ?, ?)",
                               arguments: [op.login, op.name, op.role.rawValue, context.clock.now().description])
            }
            try SQLiteStore.appendAudit(db, operators.flatMap { OperatorAudit.entries(old: nil, new: $0) },
                                        context: context, at: context.clock.now())
        }
    }

    func loadOffice(_ db: Database, _ office: DemoOffice, index: Int, generator: DemoGenerator,
                    context: ChangeContext) throws {
        try db.execute(sql: "INSERT INTO office (name) VALUES (?)", arguments: [office.name])
        let officeID = db.lastInsertedRowID
        let streetIDs = try office.streets.map { name -> Int64 in
            try db.execute(sql: "INSERT INTO street (office_id, name) VALUES (?, ?)", arguments: [officeID, name])
            return db.lastInsertedRowID
        }
        let unitIDs = try office.units.map { u -> Int64 in
            try db.execute(sql: """
                INSERT INTO unit (office_id, name, kind, head, head_phone, liaison, liaison_phone) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [officeID, u.name, u.kind.rawValue, u.head.name, u.head.phone, u.liaison.name, u.liaison.phone])
            return db.lastInsertedRowID
        }
        let propertyIDs = try office.properties.map { p -> Int64 in
            try db.execute(sql: "INSERT INTO property (office_id, name, manager, manager_phone) VALUES (?, ?, ?, ?)",
                           arguments: [officeID, p.name, p.manager.name, p.manager.phone])
            return db.lastInsertedRowID
        }
        let themeIDs = try Int64.fetchAll(db, sql: "SELECT id FROM theme ORDER BY position")
        let statements = try Statements(db)
        var chain = try ChainAppender(db)
        let osUser = context.osUser.databaseValue, demo = ChangeSource.demo.rawValue.databaseValue
        let cellEntity = AuditEntity.cell.rawValue.databaseValue
        let campaignStart = generator.today.adding(days: -90).description
        try generator.forEachCommunity(officeIndex: index) { c in
            try statements.community.execute(arguments: [streetIDs[c.streetIndex], c.name, c.address, c.kind.rawValue,
                                                         c.declaredSite, c.households])
            let communityID = db.lastInsertedRowID
            for link in c.links {
                try statements.assignment.execute(arguments: [communityID, unitIDs[link.unit], link.role.rawValue,
                                                              link.property.map { propertyIDs[$0] }, campaignStart])
            }
            for cell in c.cells {
                let themeID = themeIDs[cell.theme]
                try statements.cell.execute(arguments: [communityID, themeID, cell.status.rawValue, cell.dueOn?.description,
                                                        cell.note, cell.changedAt?.description, cell.changedBy])
                // The demo's history: who set each checked cell to its status and deadline, and when (chained).
                let at = (cell.changedAt ?? context.clock.now()).description, by = cell.changedBy ?? context.actor.login
                if cell.changedAt != nil || cell.dueOn != nil {
                    let key = "\(communityID)/\(themeID)"
                    func entry(_ field: String, _ old: String?, _ new: String?) throws {
                        try chain.insert(.audit, with: statements.audit, values: [
                            at.databaseValue, by.databaseValue, osUser, demo, cellEntity, key.databaseValue, communityID.databaseValue,
                            field.databaseValue, AuditChain.stored(old), AuditChain.stored(new), cell.note.databaseValue], db)
                    }
                    if cell.changedAt != nil { try entry("status", CellStatus.unchecked.rawValue, cell.status.rawValue) }
                    if let due = cell.dueOn { try entry("due_on", nil, due.description) }
                }
            }
        }
    }

    /// The prepared statements reused for every community.
    struct Statements {
        let community, assignment, cell, audit: Statement

        init(_ db: Database) throws {
            community = try db.makeStatement(sql: """
                INSERT INTO community (street_id, name, address, kind, declared_site, households) VALUES (?, ?, ?, ?, ?, ?)
                """)
            assignment = try db.makeStatement(sql: """
                INSERT INTO assignment (community_id, unit_id, role, property_id, valid_from) VALUES (?, ?, ?, ?, ?)
                """)
            cell = try db.makeStatement(sql: """
                INSERT INTO cell (community_id, theme_id, status, due_on, note, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            audit = try db.makeStatement(sql: """
                INSERT INTO audit (at, operator, os_user, source, entity, entity_id, community_id, field, old_value, new_value, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        }
    }
}
