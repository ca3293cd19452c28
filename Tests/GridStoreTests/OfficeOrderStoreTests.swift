import Foundation
import GRDB
import GridCore
import Testing
@testable import GridStore

/// Streets and communities in the office's own order (schema v7): office order number first, then pinyin.
@Suite("Office order in the store: board, keyset paging, roll-ups, setOrder, import, migration")
struct OfficeOrderStoreTests {
    /// Three streets in code-point order 兰 < 城 < 湖 (pinyin: cheng, hu, lan) with communities of mixed names.
    static let streets: [(String, [String])] = [
        ("兰平镇", ["兰苑小区", "平安里", "A区"]),
        ("城关镇", ["阳光小区", "10号楼", "2号楼", "ABC国际公寓", "北区", "长安花园", "重庆路小区", "曾家湾", "Z座", "西安村", "先锋村"]),
        ("湖康镇", ["康乐小区"]),
    ]

    func store(_ temp: TempDatabase) throws -> SQLiteStore {
        let store = try Fixture.office(temp)
        var b = ImportBatch(source: "名单.csv", update: false)
        var line = 2
        for (street, names) in Self.streets {
            for name in names {
                b.communities.append(ImportRecord(line: line, CommunityFields(office: "", street: street, name: name)))
                line += 1
            }
        }
        _ = try store.importBatch(b, dryRun: false, context: Fixture.context())
        return store
    }

    func board(_ store: SQLiteStore, _ scope: CommunityScope = .all) throws -> [String] {
        try store.communities(in: scope, filter: .none, offset: 0, limit: 1000, today: Fixture.today).map { "\($0.streetName)/\($0.community.name)" }
    }

    func streetID(_ store: SQLiteStore, _ name: String) throws -> RowID {
        try store.findNodes(name, levels: [.street]).first!.node.id
    }

    func communityID(_ store: SQLiteStore, _ name: String) throws -> RowID {
        try store.findNodes(name, levels: [.community]).first!.node.id
    }

    @Test("the board lists 城关镇 before 兰平镇 (pinyin), communities by pinyin with digits first and by value")
    func pinyinOrder() throws {
        let temp = TempDatabase()
        let s = try store(temp)
        let rows = try board(s)
        #expect(rows.prefix(11) == ["城关镇/2号楼", "城关镇/10号楼", "城关镇/ABC国际公寓", "城关镇/北区", "城关镇/长安花园", "城关镇/重庆路小区",
                                    "城关镇/西安村", "城关镇/先锋村", "城关镇/阳光小区", "城关镇/Z座", "城关镇/曾家湾"][...], "z zuo before zeng")
        #expect(rows.suffix(4) == ["湖康镇/康乐小区", "兰平镇/A区", "兰平镇/兰苑小区", "兰平镇/平安里"][...])
        let streets = try s.rollups(groupedBy: .street, within: .all, today: Fixture.today).compactMap { $0.node?.name }
        #expect(streets == ["城关镇", "湖康镇", "兰平镇"])
        let communities = try s.rollups(groupedBy: .community, within: .all, today: Fixture.today).compactMap { $0.node?.name }
        #expect(communities == rows.map { String($0.split(separator: "/")[1]) })
        // Every row is keyed and every street placed once the write has committed.
        let unkeyed = try s.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM community WHERE pinyin_key IS NULL OR street_rank IS NULL") }
        #expect(unkeyed == 0)
    }

    @Test("an office order puts a street or community first, by number; clearing it returns it to pinyin order; audited")
    func officeOrderOverridesPinyin() throws {
        let temp = TempDatabase()
        let s = try store(temp)
        let lanping = try streetID(s, "兰平镇"), hukang = try streetID(s, "湖康镇")
        let entries = try s.services.setOrder(.street(lanping), to: 2, context: Fixture.context())
        #expect(entries.map(\.field) == ["office_order"] && entries[0].newValue == "2")
        _ = try s.services.setOrder(.street(hukang), to: 1, context: Fixture.context())
        #expect(try s.rollups(groupedBy: .street, within: .all, today: Fixture.today).compactMap { $0.node?.name } == ["湖康镇", "兰平镇", "城关镇"])
        #expect(try board(s).first == "湖康镇/康乐小区")
        let sun = try communityID(s, "阳光小区"), z = try communityID(s, "Z座")
        _ = try s.services.setOrder(.community(z), to: 5, context: Fixture.context())
        _ = try s.services.setOrder(.community(sun), to: 5, context: Fixture.context())
        // Equal numbers fall back to pinyin; numbered before unnumbered.
        #expect(try board(s, .street(try streetID(s, "城关镇"))).prefix(3) == ["城关镇/阳光小区", "城关镇/Z座", "城关镇/2号楼"][...])
        #expect(try s.services.setOrder(.community(z), to: 5, context: Fixture.context()).isEmpty, "unchanged writes nothing")
        _ = try s.services.setOrder(.street(hukang), to: nil, context: Fixture.context())
        #expect(try s.rollups(groupedBy: .street, within: .all, today: Fixture.today).compactMap { $0.node?.name } == ["兰平镇", "城关镇", "湖康镇"])
        let trail = try s.auditTrail(AuditQuery(limit: 10)).filter { $0.record.entry.field == "office_order" }
        #expect(trail.count == 5)
        #expect(try s.community(id: z)?.officeOrder == 5)
    }

    @Test("setOrder refuses non-admins, bad numbers, other levels and missing rows, and changes nothing")
    func refusals() throws {
        let temp = TempDatabase()
        let s = try store(temp)
        let inspector = Operator(login: "li", name: "李督查", role: .inspector)
        _ = try s.services.saveOperator(inspector, context: Fixture.context())
        let street = try streetID(s, "城关镇")
        let before = try Fixture.auditCount(s)
        #expect(throws: GridError.self) { try s.services.setOrder(.street(street), to: 1, context: Fixture.context(inspector)) }
        #expect(throws: GridError.self) { try s.services.setOrder(.street(street), to: -3, context: Fixture.context()) }
        #expect(throws: GridError.self) { try s.services.setOrder(.street(street), to: 1_000_000, context: Fixture.context()) }
        #expect(throws: GridError.self) { try s.services.setOrder(.unit(1), to: 1, context: Fixture.context()) }
        #expect(throws: GridError.self) { try s.services.setOrder(.community(99_999), to: 1, context: Fixture.context()) }
        #expect(try Fixture.auditCount(s) == before)
        #expect(try board(s).first == "城关镇/2号楼")
    }

    @Test("keyset paging from any anchor agrees with plain offsets across numbered and unnumbered rows")
    func keysetAcrossTheBoundary() throws {
        let temp = TempDatabase()
        let s = try store(temp)
        for (name, order) in [("北区", 3), ("先锋村", 1), ("A区", 0), ("康乐小区", 7)] {
            _ = try s.services.setOrder(.community(try communityID(s, name)), to: order, context: Fixture.context())
        }
        _ = try s.services.setOrder(.street(try streetID(s, "兰平镇")), to: 9, context: Fixture.context())
        let rows = try s.communities(in: .all, filter: .none, offset: 0, limit: 1000, today: Fixture.today)
        #expect(rows.prefix(6).map(\.community.name) == ["A区", "兰苑小区", "平安里", "先锋村", "北区", "2号楼"],
                "兰平镇 (9) first, then the unnumbered streets; in each street numbered communities first, by number")
        #expect(rows.last?.community.name == "康乐小区")
        let total = rows.count
        for anchorIndex in 0..<total {
            for offset in 0..<total {
                let window = try s.communities(in: .all, filter: .none, offset: offset, limit: 3, today: Fixture.today, total: total,
                                               anchor: WindowAnchor(index: anchorIndex, row: rows[anchorIndex]))
                #expect(window.map(\.community.id) == rows.dropFirst(offset).prefix(3).map(\.community.id), "offset \(offset) anchor \(anchorIndex)")
            }
            #expect(try s.position(of: rows[anchorIndex].community.id, in: .all, filter: .none, today: Fixture.today) == anchorIndex)
        }
    }

    @Test("a window costs the same statements as before: ids, overdue counts, rows")
    func statementsPerWindow() throws {
        let temp = TempDatabase()
        _ = try Fixture.county(temp)
        final class Counter: @unchecked Sendable { var selects = 0 }
        let counter = Counter()
        var config = Configuration()
        config.prepareDatabase { db in
            db.trace { event in if case .statement(let s) = event, s.sql.hasPrefix("SELECT") { counter.selects += 1 } }
        }
        let traced = SQLiteStore(path: temp.path, db: try DatabaseQueue(path: temp.path, configuration: config), readOnly: false)
        let today = Fixture.today
        let first = try traced.communities(in: .all, filter: .none, offset: 0, limit: 66, today: today)
        func selects(_ body: () throws -> Void) rethrows -> Int {
            let before = counter.selects
            try body()
            return counter.selects - before
        }
        #expect(try selects { _ = try traced.communities(in: .all, filter: .none, offset: 0, limit: 66, today: today) } == 3)
        let anchor = WindowAnchor(index: 65, row: first[65])
        #expect(try selects { _ = try traced.communities(in: .all, filter: .none, offset: 66, limit: 66, today: today, total: 300, anchor: anchor) } == 3)
        #expect(try selects { _ = try traced.communities(in: .office(1), filter: .none, offset: 66, limit: 66, today: today, total: 300, anchor: anchor) } == 3)
    }

    @Test("renaming or moving a community by any path re-keys it; a new street takes its place between its neighbours")
    func rekeyedAfterRename() throws {
        let temp = TempDatabase()
        let s = try store(temp)
        let id = try communityID(s, "阳光小区")
        try s.write { db in try db.execute(sql: "UPDATE community SET name = '安康小区' WHERE id = ?", arguments: [id]) }
        #expect(try board(s).prefix(4) == ["城关镇/2号楼", "城关镇/10号楼", "城关镇/ABC国际公寓", "城关镇/安康小区"][...])
        let ranks = try s.db.read { try Int64.fetchAll($0, sql: "SELECT rank FROM street ORDER BY rank") }
        var b = ImportBatch(source: "新增.csv", update: false)
        b.communities = [ImportRecord(line: 2, CommunityFields(office: "", street: "和平街道", name: "和平小区"))]
        _ = try s.importBatch(b, dryRun: false, context: Fixture.context())
        let after = try s.db.read { try Int64.fetchAll($0, sql: "SELECT rank FROM street WHERE name != '和平街道' ORDER BY rank") }
        #expect(after == ranks, "the other streets keep their ranks (their communities are not rewritten)")
        #expect(try s.rollups(groupedBy: .street, within: .all, today: Fixture.today).compactMap { $0.node?.name } == ["城关镇", "和平街道", "湖康镇", "兰平镇"])
        // Moved to another street: keyed under the new street.
        let heping = try streetID(s, "和平街道")
        try s.write { db in try db.execute(sql: "UPDATE community SET street_id = ? WHERE id = ?", arguments: [heping, id]) }
        #expect(try board(s, .street(heping)) == ["和平街道/安康小区", "和平街道/和平小区"])
    }

    @Test("a rename made with another SQLite client is keyed when civgrid next opens the file")
    func keyedOnOpen() throws {
        let temp = TempDatabase()
        let s = try store(temp)
        s.close()
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { try $0.execute(sql: "UPDATE street SET name = '安平镇' WHERE name = '兰平镇'") }
        try raw.close()
        let reopened = try SQLiteStore.open(path: temp.path)
        #expect(try reopened.rollups(groupedBy: .street, within: .all, today: Fixture.today).compactMap { $0.node?.name } == ["安平镇", "城关镇", "湖康镇"])
        #expect(try board(reopened).first == "安平镇/A区")
    }

    @Test("a 排序 column sets the order of new rows, fills an empty one, and changes a different one only with --update")
    func importedOrder() throws {
        let temp = TempDatabase()
        let s = try store(temp)
        var b = ImportBatch(source: "排序.csv", update: false)
        var moved = CommunityFields(office: "", street: "湖康镇", name: "康乐小区")
        moved.order = 4
        moved.streetOrder = 1
        var fresh = CommunityFields(office: "", street: "湖康镇", name: "新建小区")
        fresh.order = 2
        b.communities = [ImportRecord(line: 2, moved), ImportRecord(line: 3, fresh)]
        let outcome = try s.importBatch(b, dryRun: false, context: Fixture.context())
        #expect(try board(s).prefix(2) == ["湖康镇/新建小区", "湖康镇/康乐小区"][...])
        #expect(outcome.changes.contains { $0.what == "街道 湖康镇" && $0.details == ["排序: — → 1"] })
        moved.order = 1
        b = ImportBatch(source: "排序2.csv", update: false)
        b.communities = [ImportRecord(line: 2, moved)]
        let refused = try s.importBatch(b, dryRun: false, context: Fixture.context())
        #expect(refused.changes.contains { $0.details.contains("未应用 (not applied without --update)") })
        #expect(try board(s).prefix(2) == ["湖康镇/新建小区", "湖康镇/康乐小区"][...])
        b.update = true
        _ = try s.importBatch(b, dryRun: false, context: Fixture.context())
        #expect(try board(s).prefix(2) == ["湖康镇/康乐小区", "湖康镇/新建小区"][...])
    }

    @Test("a database made before v7 is upgraded on opening: rows keyed, streets placed, board in pinyin order")
    func migrationFromV5() throws {
        let temp = TempDatabase()
        let queue = try DatabaseQueue(path: temp.path)
        try Schema.migrator.migrate(queue, upTo: "v5-case-queue")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('kind', 'office')")
            try db.execute(sql: "INSERT INTO office (name) VALUES ('城关县三创办')")
            for (s, (street, names)) in Self.streets.enumerated() {
                try db.execute(sql: "INSERT INTO street (id, office_id, name) VALUES (?, 1, ?)", arguments: [s + 1, street])
                for name in names {
                    try db.execute(sql: "INSERT INTO community (street_id, name, kind) VALUES (?, ?, 'residential')", arguments: [s + 1, name])
                }
            }
        }
        try queue.close()
        let store = try SQLiteStore.open(path: temp.path)
        let applied = try store.db.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied.contains("v7-office-order"))
        #expect(try board(store).first == "城关镇/2号楼")
        #expect(try board(store).last == "兰平镇/平安里")
        let keys = try store.db.read { try String.fetchAll($0, sql: "SELECT pinyin_key FROM street ORDER BY rank") }
        #expect(keys == ["cheng guan zhen", "hu kang zhen", "lan ping zhen"])
        #expect(try store.check().isEmpty, "the new triggers are the ones the migrations create")
    }
}
