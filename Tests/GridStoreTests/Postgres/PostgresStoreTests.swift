import Foundation
import Synchronization
import GridCore
@testable import GridStore
import GridStoreCopy
@testable import GridStorePostgres
import Testing

/// What only the PostgreSQL store has to prove: its server is there when CI says it must be, the audit chain is the
/// SQLite store's byte for byte, its guards hold against a superuser's edits, and copying and opening refuse what
/// they must.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    @Test("a PostgreSQL test server is configured (required when CI=true or CIVGRID_REQUIRE_PG=1)",
          .enabled(if: PGTestServer.location != nil || PGTestServer.required,
                   "no PostgreSQL server (CIVGRID_TEST_PG unset): PostgreSQL store tests skipped; `bash .ci/run` starts one"))
    func serverAvailable() throws {
        let location = try #require(PGTestServer.location, Comment(rawValue: PGTestServer.missingReason))
        let store = try PGSession(location: location)
        #expect(try store.int("SELECT 1") == 1)
    }

    @Test("over the socket the server knows who connects: claiming another role is refused by peer authentication",
          .enabled(if: PGTestServer.location != nil && ProcessInfo.processInfo.environment["CIVGRID_TEST_PG_AUTH"] == "peer"))
    func peerAuthentication() throws {
        var other = try #require(PGTestServer.location)
        other.user = other.user == "postgres" ? "root" : "postgres"
        let refused = #expect(throws: GridError.self) { try PostgresStore.open(other) }
        #expect(refused?.description.contains("refused the connection") == true, "\(refused?.description ?? "")")
        #expect(refused?.exitCode == 4)
    }

    @Test("addresses: a socket directory, a host with port and user, and no database named", arguments: [
        ("postgresql:///civgrid?host=/run/postgresql", "/run/postgresql", 5432, "城关", "civgrid"),
        ("postgres://zhang@db.example:5433/city", "db.example", 5433, "zhang", "city"),
        ("postgresql://localhost/province?user=li", "localhost", 5432, "li", "province"),
    ])
    func addresses(text: String, host: String, port: Int, user: String, database: String) throws {
        let l = try PostgresLocation(url: text, osUser: "城关")
        #expect(l.host == host && l.port == port && l.user == user && l.database == database)
        #expect(!l.display.contains("password"))
    }

    @Test("an address without a database, or not a PostgreSQL address, is refused with how to write one")
    func badAddresses() {
        for text in ["postgresql:///?host=/run/postgresql", "postgres://host", "grid.sqlite", "mysql://x/y"] {
            let e = #expect(throws: GridError.self) { try PostgresLocation(url: text, osUser: "x") }
            #expect(e?.description.contains("postgres") == true, "\(text)")
        }
        #expect(PostgresLocation.isPostgres("postgres://a/b") && !PostgresLocation.isPostgres("/tmp/postgres.sqlite"))
    }

    @Test("placeholders outside quotes are numbered; quoted question marks stay")
    func placeholders() {
        #expect(PGSession.numbered("SELECT ? || '?' FROM \"a?\" WHERE x = ? AND y IN (?, ?)")
            == "SELECT $1 || '?' FROM \"a?\" WHERE x = $2 AND y IN ($3, $4)")
    }

    @Test("the same change on both stores extends the audit chain to the same hash", .enabled(if: PGTestServer.location != nil))
    func sameChainOnBothStores() throws {
        let sqlite = try StoreKind.sqliteFile.demoCounty(), pg = try StoreKind.postgres.demoCounty()
        #expect(try sqlite.store.auditChainHead() == pg.store.auditChainHead())
        let cell = try #require(try sqlite.cells([.ok]).first)
        for s in [sqlite, pg] {
            _ = try s.services.setStatus(cell.key, StatusChangeRequest(status: .problem, note: "楼道堆放杂物、电动车充电"), context: s.context())
        }
        let a = try sqlite.store.auditChainHead(), b = try pg.store.auditChainHead()
        #expect(a.seq > 16_000)
        #expect(a == b, "SQLite \(a.anchor), PostgreSQL \(b.anchor)")
        #expect(try (pg.store as? PostgresStore)?.check() == [])
    }

    @Test("audit rows, case events and chain entries refuse UPDATE, DELETE and TRUNCATE", .enabled(if: PGTestServer.location != nil))
    func appendOnly() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        for sql in ["UPDATE audit SET note = '改' WHERE id = 1", "DELETE FROM audit WHERE id = 1", "TRUNCATE audit CASCADE",
                    "UPDATE case_event SET reason = '改' WHERE id = 1", "DELETE FROM case_event WHERE id = 1",
                    "UPDATE chain SET hash = 'x' WHERE seq = 1", "DELETE FROM chain WHERE seq = 1"] {
            let e = #expect(throws: GridError.self, "\(sql)") { try store.read { s throws(GridError) in try s.query(sql) } }
            #expect(e?.description.contains("append-only") == true, "\(sql): \(e?.description ?? "")")
        }
        #expect(try store.check() == [])
    }

    @Test("check names an audit row a superuser edited behind the triggers' back, and a deleted chain entry",
          .enabled(if: PGTestServer.location != nil))
    func checkFindsTampering() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        try store.read { s throws(GridError) in
            try s.query("ALTER TABLE audit DISABLE TRIGGER audit_append_only")
            try s.query("UPDATE audit SET new_value = 'ok' WHERE id = 7")
            try s.query("ALTER TABLE audit ENABLE TRIGGER audit_append_only")
        }
        let problems = try store.check()
        #expect(problems.contains { $0.contains("audit #7") && $0.contains("changed after it was written") }, "\(problems)")
        #expect(try store.check(anchor: (seq: 3, prefix: "00000000")).contains { $0.hasPrefix("anchor:") })
    }

    @Test("copying into a database that already holds an office is refused and duplicates nothing",
          .enabled(if: PGTestServer.location != nil))
    func copyRefusesNonEmpty() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        let temp = TempDatabase()
        let source = try Fixture.office(temp)
        let audit = try store.latestAuditID()
        let e = #expect(throws: GridError.self) { try StoreCopy.copy(from: source, to: store) }
        #expect(e?.description.contains("already holds an office") == true)
        #expect(try store.latestAuditID() == audit)
        #expect(try store.offices().count == 1)
    }

    @Test("an office copied from SQLite keeps its counts, chain head and board", .enabled(if: PGTestServer.location != nil))
    func copyOffice() throws {
        let temp = TempDatabase()
        let source = try Fixture.office(temp)
        var batch = ImportBatch(source: "街道.csv", update: false)
        for (i, name) in ["阳光小区", "幸福里", "东关街道第一居民委员会老旧小区", "桥"].enumerated() {
            batch.communities.append(ImportRecord(line: i + 2, CommunityFields(office: "城关县三创办", street: "城关街道", name: name)))
        }
        _ = try GridServices(source).importBatch(batch, into: source, dryRun: false, context: Fixture.context())
        let db = try PGTestDatabase()
        let target = try PostgresStore.create(db.location)
        db.stores.append(target)
        let report = try StoreCopy.copy(from: source, to: target)
        #expect(report.head == (try source.auditChainHead()))
        #expect(report.counts.first { $0.table == "community" }?.rows == 4)
        // The server has counted what arrived (else it plans a board window's cells as a scan of every cell).
        let unanalysed = try target.read { s throws(GridError) in
            try s.query("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NULL AND relname IN ('cell', 'community', 'tally', 'case_record')")
        }
        #expect(unanalysed.isEmpty, "\(unanalysed.map { $0[0].text ?? "" })")
        let names = try target.communities(in: .all, filter: .none, offset: 0, limit: 10, today: Fixture.today).map(\.community.name)
        #expect(names == (try source.communities(in: .all, filter: .none, offset: 0, limit: 10, today: Fixture.today).map(\.community.name)))
        // The copy's identity sequences moved past the copied ids: a new row gets a fresh id.
        var more = ImportBatch(source: "补充.csv", update: false)
        more.communities.append(ImportRecord(line: 2, CommunityFields(office: "城关县三创办", street: "城关街道", name: "新村")))
        _ = try GridServices(target).importBatch(more, into: target, dryRun: false, context: Fixture.context())
        #expect(try target.communityCount(in: .all, filter: .none, today: Fixture.today) == 5)
        #expect(try target.check() == [])
    }

    @Test("a database without civgrid's schema, or from a newer civgrid, is refused on open", .enabled(if: PGTestServer.location != nil))
    func openRefuses() throws {
        let db = try PGTestDatabase()
        let empty = #expect(throws: GridError.self) { try PostgresStore.open(db.location) }
        #expect(empty?.description.contains("civgrid init") == true)
        let store = try PostgresStore.create(db.location)
        try store.read { s throws(GridError) in try s.query("INSERT INTO civgrid_migration (name, applied_at) VALUES ('pg99-future', 'x')") }
        store.close()
        let newer = #expect(throws: GridError.self) { try PostgresStore.open(db.location) }
        #expect(newer?.description.contains("newer civgrid") == true)
        let again = #expect(throws: GridError.self) { try PostgresStore.create(db.location) }
        #expect(again?.description.contains("already holds") == true)
    }

    @Test("eight writers on their own connections commit every change, and the chain verifies", .enabled(if: PGTestServer.location != nil))
    func concurrentWriters() throws {
        let s = try StoreKind.postgres.demoCounty()
        let cells = try s.cells([.ok, .unchecked], count: 8 * 12)
        let before = try s.store.latestAuditID()
        let failures = Mutex<[String]>([])
        let location = try #require(s.store as? PostgresStore).location
        let context = s.context()
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            do {
                let store = try PostgresStore.open(location)
                for (i, cell) in cells[(writer * 12)..<((writer + 1) * 12)].enumerated() {
                    let status: CellStatus = cell.status == .ok ? .unchecked : .ok
                    _ = try GridServices(store).setStatus(cell.key, StatusChangeRequest(status: status, note: "第\(writer)组\(i)"),
                                                          context: context)
                }
                store.close()
            } catch {
                failures.withLock { $0.append("\(writer): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try s.store.latestAuditID() - before >= 96)
        #expect(try (s.store as? PostgresStore)?.verifyAuditChain() == [])
    }

    @Test("a listening store learns of another connection's commit from its notification, without a query",
          .enabled(if: PGTestServer.location != nil), arguments: [false, true])
    func notifiedOfCommits(inBackground: Bool) throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        if inBackground {
            // As the console starts: the listener connects beside the first frame; the marker is read until it is up.
            let before = try store.changeMarker()
            store.startListeningForChanges()
            var up = false
            for _ in 0..<250 where !up {
                up = store.listenerState.withLock { $0 != nil }
                if !up { Thread.sleep(forTimeInterval: 0.02) }
            }
            #expect(up, "the listener did not connect within 5 s")
            #expect(try store.changeMarker() == before)
        } else {
            try store.listenForChanges()
        }
        let marker = try store.changeMarker()
        let statements = store.statementCount
        let cell = try #require(try s.cells([.ok]).first)
        let other = try s.reopen()
        _ = try GridServices(other).setStatus(cell.key, StatusChangeRequest(status: .unchecked), context: s.context())
        let afterReads = store.statementCount
        var moved = false
        for _ in 0..<100 where !moved {
            moved = try store.changeMarker() != marker
            if !moved { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(moved, "no notification within 2 s")
        #expect(store.statementCount == afterReads, "the marker was read from notifications, not queried")
        #expect(afterReads > statements)
    }

    @Test("a store closed while its listener is still connecting closes the listener too", .enabled(if: PGTestServer.location != nil))
    func closedWhileListening() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        store.startListeningForChanges()
        store.close()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(store.listenerState.withLock { $0 == nil })
    }

    @Test("the server's roles: a clerk may change cells but never rewrite the audit log; a viewer only reads",
          .enabled(if: PGTestServer.location != nil))
    func serverRoles() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        try store.installRoles()
        try store.installRoles() // again: existing roles are kept, grants repeated
        func asRole(_ role: OperatorRole, _ sql: String) throws(GridError) {
            try store.read { s throws(GridError) in
                try s.query("SET ROLE \(PostgresStore.serverRole(for: role))")
                defer { _ = try? s.query("RESET ROLE") }
                try s.query(sql)
            }
        }
        try asRole(.clerk, "UPDATE cell SET note = '复查' WHERE community_id = (SELECT min(community_id) FROM cell)")
        try asRole(.viewer, "SELECT count(*) FROM audit")
        for (role, sql) in [(OperatorRole.clerk, "UPDATE audit SET note = '改' WHERE id = 1"), (.admin, "DELETE FROM case_event WHERE id = 1"),
                            (.inspector, "TRUNCATE chain"), (.viewer, "UPDATE cell SET note = 'x'"),
                            (.viewer, "INSERT INTO audit (at, operator, os_user, source, entity, entity_id, field) VALUES ('a','b','c','d','e','f','g')")] {
            let e = #expect(throws: GridError.self, "\(role): \(sql)") { try asRole(role, sql) }
            #expect(e?.exitCode == 3, "\(role): \(sql): \(e?.description ?? "")")
        }
    }

    @Test("a board window costs a fixed number of statements however deep it is", .enabled(if: PGTestServer.location != nil))
    func windowStatements() throws {
        let s = try StoreKind.postgres.demoCounty()
        let store = try #require(s.store as? PostgresStore)
        var costs: [Int] = []
        for offset in [0, 120, 250] {
            let before = store.statementCount
            _ = try store.communities(in: .all, filter: .none, offset: offset, limit: 40, today: s.today)
            costs.append(store.statementCount - before)
        }
        #expect(Set(costs).count == 1 && costs[0] <= 2, "ids, then rows with their overdue counts: \(costs)")
    }
}
