import GridCore
import GridStorePostgres
import Testing

/// The server settings the benchmark prints beside its PostgreSQL rows (a cluster without fsync commits faster than a
/// real server, so a reader of the numbers must be told).
@Suite("PostgreSQL server settings")
struct PostgresSettingsTests {
    @Test("settings reports the server's version and whether commits reach the disk",
          .enabled(if: PGTestServer.location != nil || PGTestServer.required))
    func reported() throws {
        let db = try PGTestDatabase()
        let store = try PostgresStore.create(db.location)
        db.stores.append(store)
        let settings = try store.settings(["server_version", "fsync", "synchronous_commit"])
        #expect(settings.count == 3)
        #expect(settings["server_version"]?.first?.isNumber == true, "\(settings)")
        #expect(["on", "off"].contains(settings["fsync"] ?? ""), "\(settings)")
        #expect(["on", "off", "local", "remote_write", "remote_apply"].contains(settings["synchronous_commit"] ?? ""), "\(settings)")
    }

    @Test("an unknown setting is refused with the server's message, not answered empty",
          .enabled(if: PGTestServer.location != nil || PGTestServer.required))
    func unknownRefused() throws {
        let db = try PGTestDatabase()
        let store = try PostgresStore.create(db.location)
        db.stores.append(store)
        let refused = #expect(throws: GridError.self) { try store.settings(["fsync", "no_such_setting_城关"]) }
        #expect(refused?.description.contains("no_such_setting") == true, "\(refused?.description ?? "")")
    }
}
