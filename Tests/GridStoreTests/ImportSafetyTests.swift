import Foundation
import GRDB
import GridCore
import Testing
@testable import GridStore

@Suite("Import transactions, backup, restore, check")
struct ImportSafetyTests {
    func batch(update: Bool = false) -> ImportBatch {
        var b = ImportBatch(source: "小区名单.csv", update: update)
        b.units = [ImportRecord(line: 2, UnitFields(office: "", name: "县住建局", head: Contact(name: "张伟", phone: "13800001234")))]
        b.properties = [ImportRecord(line: 2, PropertyFields(office: "", name: "阳光物业"))]
        b.communities = [ImportRecord(line: 2, CommunityFields(office: "", street: "城关街道", name: "阳光小区", address: "人民路1号")),
                         ImportRecord(line: 3, CommunityFields(office: "", street: "城关街道", name: "ＡＢＣ花园", kind: .oldEstate))]
        b.links = [ImportRecord(line: 2, LinkFields(office: "", street: "城关街道", community: "阳光小区", unit: "县住建局", role: .lead, property: "阳光物业")),
                   ImportRecord(line: 4, LinkFields(office: "", street: "城关街道", community: "不存在", unit: "县住建局", role: .lead, property: nil))]
        return b
    }

    func counts(_ store: SQLiteStore) throws -> [Int] {
        try store.db.read { db in
            try ["community", "unit", "property", "assignment", "cell", "audit", "street"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
        }
    }

    @Test("a dry run reports exactly what a real run then does, and writes nothing")
    func dryRun() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        let before = try counts(store)
        let dry = try store.importBatch(batch(), dryRun: true, context: Fixture.context())
        #expect(try counts(store) == before)
        let real = try store.importBatch(batch(), dryRun: false, context: Fixture.context())
        #expect(dry.changes == real.changes)
        #expect(real.count(.new) == 5)
        #expect(real.rejected.map(\.line) == [4])
        let after = try counts(store)
        #expect(after[0] == 2 && after[3] == 1)
        #expect(after[4] > 0, "new communities get their cells")
        let trail = try store.auditTrail(AuditQuery(limit: 100))
        #expect(trail.filter { $0.record.source == .importer }.allSatisfy { $0.record.entry.note.contains("小区名单.csv") })
    }

    @Test("importing the same batch again changes nothing and writes no audit rows")
    func idempotent() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        _ = try store.importBatch(batch(), dryRun: false, context: Fixture.context())
        let audit = try store.latestAuditID()
        let again = try store.importBatch(batch(), dryRun: false, context: Fixture.context())
        #expect(again.count(.new) == 0 && again.count(.changed) == 0)
        #expect(try store.latestAuditID() == audit)
    }

    @Test("near-duplicates match after normalisation; differences apply only with --update, audited")
    func updates() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        _ = try store.importBatch(batch(), dryRun: false, context: Fixture.context())
        var b = ImportBatch(source: "更正.csv", update: false)
        b.communities = [ImportRecord(line: 2, CommunityFields(office: "", street: "城关街道", name: "ABC 花园", address: "新地址"))]
        let report = try store.importBatch(b, dryRun: false, context: Fixture.context())
        #expect(report.changes.first?.kind == .changed)
        #expect(report.changes.first?.details.contains { $0.contains("ＡＢＣ花园") } == true)
        #expect(try store.findNodes("ＡＢＣ花园", levels: [.community]).count == 1)
        b.update = true
        _ = try store.importBatch(b, dryRun: false, context: Fixture.context())
        let row = try store.db.read { try String.fetchOne($0, sql: "SELECT address FROM community WHERE name = 'ＡＢＣ花园'") }
        #expect(row == "新地址")
    }

    @Test("a non-admin may not import master data; nothing is written")
    func permission() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let before = try counts(store)
        let clerk = Operator(login: "lina", name: "李娜", role: .clerk)
        #expect(throws: GridError.self) { try store.importBatch(batch(), dryRun: false, context: Fixture.context(clerk)) }
        #expect(try counts(store) == before)
    }

    @Test("backup while open, check passes, restore needs --force and brings the old state back")
    func backupRestore() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let copy = temp.folder.appendingPathComponent("copy.sqlite").path
        try store.backup(to: copy)
        #expect(try store.check().isEmpty)
        #expect(throws: GridError.self) { try store.backup(to: copy) }
        let (row, cell) = try Fixture.cell(store, status: .ok)
        _ = try store.changeStatus(communityID: row.community.id, themeID: cell.theme.id, StatusChangeRequest(status: .notApplicable),
                                   context: Fixture.context())
        #expect(throws: GridError.self) { try SQLiteStore.restore(from: copy, to: temp.path, force: false, context: Fixture.context()) }
        try SQLiteStore.restore(from: copy, to: temp.path, force: true, context: Fixture.context())
        let restored = try SQLiteStore.open(path: temp.path)
        #expect(try restored.cells(communityID: row.community.id).first { $0.theme.id == cell.theme.id }?.cell.status == .ok)
        #expect(try restored.auditTrail(AuditQuery(limit: 1)).first?.record.entry.field == "restored_from")
        #expect(try restored.check().isEmpty)
    }

    @Test("check finds a deleted audit row and a tally that disagrees with the cells")
    func checkFindsTampering() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        try store.db.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_delete")
            try db.execute(sql: "DELETE FROM audit WHERE id = 3")
            try db.execute(sql: "DROP TRIGGER cell_tally_update")
            try db.execute(sql: "UPDATE cell SET status = 'na' WHERE community_id = 1 AND theme_id = (SELECT min(theme_id) FROM cell WHERE community_id = 1 AND status <> 'na')")
        }
        let problems = try store.check()
        #expect(problems.contains { $0.contains("audit") && $0.contains("missing") })
        #expect(problems.contains { $0.hasPrefix("tally") })
    }
}

@Suite("Importing themes")
struct ThemeImportTests {
    @Test("a new theme gets a cell in every community of its kinds; kinds may be added, never dropped by import")
    func themes() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let cellsBefore = try store.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cell") ?? 0 }
        let residential = try store.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM community WHERE kind = 'residential'") ?? 0 }
        var b = ImportBatch(source: "主题.csv", update: true)
        b.themes = [ImportRecord(line: 2, ThemeFields(code: "smoking", zh: "禁烟标识", en: nil, kinds: [.residential])),
                    ImportRecord(line: 3, ThemeFields(code: "sanitation", zh: "环境卫生", en: nil, kinds: [.residential]))]
        let outcome = try store.importBatch(b, dryRun: false, context: Fixture.context())
        #expect(outcome.count(.new) == 1)
        #expect(outcome.rejected.map(\.line) == [3])
        #expect(try store.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cell") ?? 0 } == cellsBefore + residential)
        #expect(try store.check().isEmpty, "tallies follow the new cells")
        b.themes = [ImportRecord(line: 2, ThemeFields(code: "smoking", zh: "禁烟标识", en: nil, kinds: [.residential, .market]))]
        let widened = try store.importBatch(b, dryRun: false, context: Fixture.context())
        #expect(widened.count(.changed) == 1)
        #expect(try store.themes().first { $0.code == "smoking" }?.kinds == [.residential, .market])
    }
}

@Suite("Matching by id")
struct IDMatchTests {
    @Test("an 编号 column recognises a renamed community in its street; the rename needs --update")
    func rename() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, _) = try Fixture.cell(store, status: .ok)
        var b = ImportBatch(source: "更名.csv", update: false)
        b.communities = [ImportRecord(line: 2, CommunityFields(id: row.community.id, office: "", street: row.streetName, name: "新名字花园"))]
        let dry = try store.importBatch(b, dryRun: false, context: Fixture.context())
        #expect(dry.changes.first?.kind == .changed)
        #expect(dry.changes.first?.details.contains { $0.contains("名称") && $0.contains("新名字花园") } == true)
        #expect(try store.community(id: row.community.id)?.name == row.community.name)
        b.update = true
        _ = try store.importBatch(b, dryRun: false, context: Fixture.context())
        #expect(try store.community(id: row.community.id)?.name == "新名字花园")
        #expect(try store.communityCount(in: .all, filter: .none, today: Fixture.today) == 300, "renamed, not added")
    }
}
