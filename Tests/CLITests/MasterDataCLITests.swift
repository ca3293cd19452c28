import Foundation
import Testing

/// `civgrid street|community|unit|property|kind`: master data without a spreadsheet, through the one door, audited,
/// and every refusal (role, duplicate, bad phone, control character, unknown street or kind) changing nothing.
@Suite("civgrid command line: master data", .serialized)
struct MasterDataCLITests {
    /// Every row and the schema, as `sqlite3 .dump` prints them, to prove a refused command wrote nothing at all. (The
    /// file's header is not compared: opening a database for writing touches its change counter, refusal or not.)
    func snapshot(_ h: CLIHarness) throws -> String {
        try CLIHarness.sqlite3(h.dbPath, ".dump")
    }

    func demoWithStreet(_ street: String = "新城街道") throws -> CLIHarness {
        let h = CLIHarness()
        try h.demo()
        #expect(try h.run(["street", "add", street]).code == 0)
        return h
    }

    @Test("add a street, a community, a declared site of an office kind, a unit and a property company; all audited, check passes")
    func addEverything() throws {
        let h = try demoWithStreet("高新技术产业开发区管委会")
        let before = try h.lastAuditID()
        #expect(try h.run(["kind", "add", "site", "政务服务大厅", "--like", "公园广场"]).code == 0)
        let site = try h.run(["community", "add", "高新技术产业开发区管委会", "县政务服务中心", "--kind", "政务服务大厅", "--site", "41"])
        #expect(site.code == 0, "\(site.err)")
        #expect(site.out.contains("县政务服务中心"), "\(site.out)")
        #expect(try h.run(["community", "add", "高新技术产业开发区管委会", "苑"]).code == 0)
        let unit = try h.run(["unit", "add", "县数据资源管理局", "--head", "欧阳建华", "--head-phone", "139 5761 2345"])
        #expect(unit.code == 0, "\(unit.err)")
        #expect(try h.run(["property", "add", "ＡＢＣ物业服务有限公司", "--manager", "李", "--phone", "(0576)87781234"]).code == 0)
        let show = try h.json(["show", "县政务服务中心", "--json"]) as? [String: Any]
        #expect(show?["kind_label"] as? String == "政务服务大厅")
        #expect(show?["kind"] as? String == "park")
        #expect(show?["declared_site"] as? Int == 41)
        #expect((show?["cells"] as? [Any])?.isEmpty == false)
        // Full-width letters are folded like an import's; phones are stored in their one form, the original in the note.
        let log = try h.json(["log", "--limit", "20", "--json"]) as? [[String: Any]] ?? []
        #expect(log.contains { $0["new"] as? String == "ABC物业服务有限公司" || $0["new_value"] as? String == "ABC物业服务有限公司" }, "\(log.prefix(3))")
        let phones = try CLIHarness.sqlite3(h.dbPath, "SELECT head_phone FROM unit WHERE name = '县数据资源管理局'")
        #expect(phones == "13957612345")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT manager_phone FROM property WHERE name = 'ABC物业服务有限公司'") == "0576-87781234")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM audit WHERE note LIKE '%原文 139 5761 2345%'") == "1")
        #expect(try h.lastAuditID() >= before + 6)
        #expect(try h.run(["check"]).code == 0)
    }

    @Test("rename, move, set: one audit row per changed field; a second run changes nothing")
    func renameMoveSet() throws {
        let h = try demoWithStreet("东城街道")
        #expect(try h.run(["street", "add", "西城街道"]).code == 0)
        #expect(try h.run(["community", "add", "东城街道", "幸福里"]).code == 0)
        #expect(try h.run(["community", "rename", "幸福里", "幸福里花园（一期）"]).code == 0)
        #expect(try h.run(["community", "move", "幸福里花园（一期）", "西城街道"]).code == 0)
        let tree = try h.run(["show", "西城街道/幸福里花园（一期）"])
        #expect(tree.code == 0, "\(tree.err)")
        #expect(try h.run(["unit", "add", "县城投集团"]).code == 0)
        let set = try h.run(["unit", "set", "县城投集团", "--head", "司马相如", "--head-phone", "0576-87790001", "--kind", "企事业"])
        #expect(set.code == 0, "\(set.err)")
        let before = try h.lastAuditID()
        let again = try h.run(["unit", "set", "县城投集团", "--head", "司马相如"])
        #expect(again.code == 0)
        #expect(again.out.contains("未变更"))
        #expect(try h.lastAuditID() == before)
        #expect(try h.run(["street", "rename", "西城街道", "西城街道办事处"]).code == 0)
        #expect(try h.run(["property", "add", "城投物业"]).code == 0)
        #expect(try h.run(["property", "rename", "城投物业", "城投悦居物业"]).code == 0)
        #expect(try h.run(["property", "set", "城投悦居物业", "--phone", "13800001111"]).code == 0)
        #expect(try h.run(["check"]).code == 0)
    }

    @Test("refusals change nothing: viewer, clerk, duplicate, bad phone, control character, unknown street, unknown kind",
          arguments: [
            (["community", "add", "新城街道", "晨曦家园"], "leader", Int32(3)),
            (["community", "add", "新城街道", "晨曦家园"], "lina", Int32(3)),
            (["kind", "add", "site", "学校"], "zhangwei", Int32(3)),
            (["street", "add", "新城街道"], "admin", Int32(2)),
            (["street", "add", "新城 街道"], "admin", Int32(2)),
            (["unit", "add", "县卫健局", "--head-phone", "12345"], "admin", Int32(2)),
            (["community", "add", "新城街道", "晨曦\u{1B}[2J家园"], "admin", Int32(2)),
            (["community", "add", "新城街道", "晨曦\u{202E}家园"], "admin", Int32(2)),
            (["community", "add", "没有这个街道", "晨曦家园"], "admin", Int32(2)),
            (["community", "add", "新城街道", "县第一实验小学", "--kind", "学校"], "admin", Int32(2)),
            (["community", "add", "新城街道", String(repeating: "长", count: 101)], "admin", Int32(2)),
            (["property", "add", "无物业"], "admin", Int32(2)),
            (["kind", "add", "site", "住宅小区"], "admin", Int32(2)),
          ] as [([String], String, Int32)])
    func refusalsChangeNothing(args: [String], login: String, code: Int32) throws {
        let h = try demoWithStreet()
        let audit = try h.lastAuditID()
        let bytes = try snapshot(h)
        let r = try h.run(args, login: login)
        #expect(r.code == code, "\(args) as \(login): \(r.err)")
        #expect(!r.err.isEmpty)
        #expect(try snapshot(h) == bytes, "\(args) changed the database")
        #expect(try h.lastAuditID() == audit)
    }

    @Test("a duplicate is refused naming the existing one, also after folding full-width letters")
    func duplicateNamesTheExisting() throws {
        let h = try demoWithStreet()
        #expect(try h.run(["community", "add", "新城街道", "ABC国际公寓"]).code == 0)
        let r = try h.run(["community", "add", "新城街道", "ＡＢＣ国际公寓"])
        #expect(r.code == 2)
        #expect(r.err.contains("“ABC国际公寓”") && r.err.contains("already exists in 新城街道"), "\(r.err)")
        #expect(try h.run(["community", "retire", "ABC国际公寓"]).code == 0)
        let retired = try h.run(["community", "add", "新城街道", "ABC国际公寓"])
        #expect(retired.err.contains("已撤销") && retired.err.contains("unretire"), "\(retired.err)")
    }

    @Test("a retired community leaves the board, tree, stats and search; show and log still find it, flagged 已撤销")
    func retireKeepsHistory() throws {
        let h = try demoWithStreet()
        #expect(try h.run(["community", "add", "新城街道", "滨江壹号院"]).code == 0)
        #expect(try h.run(["set", "滨江壹号院", "1", "2", "--note", "楼道堆放杂物"]).code == 0)
        let statsBefore = try h.json(["stats", "--by", "street", "--json"])
        #expect(try h.run(["community", "retire", "滨江壹号院"]).code == 0)
        #expect(!(try h.run(["tree", "新城街道"]).out.contains("滨江壹号院")))
        let statsAfter = try h.json(["stats", "--by", "street", "--json"])
        #expect("\(statsBefore)" != "\(statsAfter)")
        let show = try h.run(["show", "滨江壹号院"])
        #expect(show.code == 0)
        #expect(show.out.contains("已撤销"), "\(show.out)")
        let log = try h.run(["log", "--community", "滨江壹号院"])
        #expect(log.out.contains("已撤销") && log.out.contains("案件"), "\(log.out)")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM case_record r JOIN community c ON c.id = r.community_id WHERE c.name = '滨江壹号院'") == "1")
        let export = h.folder.appendingPathComponent("out.csv")
        #expect(try h.run(["export", "--kind", "communities", "-o", export.path]).code == 0)
        #expect(!(try String(contentsOf: export, encoding: .utf8)).contains("滨江壹号院"))
        #expect(try h.run(["community", "rename", "滨江壹号院", "滨江贰号院"]).code == 2)
        #expect(try h.run(["community", "unretire", "滨江壹号院"]).code == 0)
        #expect(try h.run(["tree", "新城街道"]).out.contains("滨江壹号院"))
        #expect(try h.run(["check"]).code == 0)
    }

    @Test("kind list/add/rename: the nine seeded site kinds and four unit kinds, office kinds after them")
    func kinds() throws {
        let h = CLIHarness()
        try h.demo()
        #expect(try h.run(["kind", "add", "unit", "县直部门"]).code == 0)
        #expect(try h.run(["kind", "add", "site", "车站", "--code", "station", "--like", "主次干道"]).code == 0)
        #expect(try h.run(["kind", "rename", "site", "station", "汽车客运站"]).code == 0)
        let list = try h.json(["kind", "list", "--json"]) as? [String: [[String: Any]]]
        let site = list?["site"] ?? []
        #expect(site.count == 10)
        #expect(site.prefix(9).allSatisfy { $0["seeded"] as? Bool == true })
        #expect(site.last?["name"] as? String == "汽车客运站" && site.last?["like"] as? String == "main_road")
        #expect(list?["unit"]?.last?["name"] as? String == "县直部门")
        #expect(try h.run(["unit", "add", "县教育局", "--kind", "县直部门"]).code == 0)
        #expect(try h.run(["kind", "add", "site", "BAD", "--code", "Bad Code"]).code == 2)
        #expect(try h.run(["check"]).code == 0)
    }

    @Test("a sheet naming an unknown kind: its rows are refused with how to add the kind; --add-kinds adds it")
    func importUnknownKind() throws {
        let h = CLIHarness()
        try h.demo()
        let sheet = h.folder.appendingPathComponent("点位.csv")
        try "所属街道,小区名称,类型\n新城街道,县第一实验小学,学校\n新城街道,县人民医院,医院\n新城街道,阳光花园,住宅小区\n"
            .write(to: sheet, atomically: true, encoding: .utf8)
        let refused = try h.run(["import", sheet.path, "--kind", "communities"])
        #expect(refused.out.contains("unknown site kind “学校”") && refused.out.contains("civgrid kind add site 学校"), "\(refused.out)")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM community WHERE name IN ('县第一实验小学','县人民医院')") == "0")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM community WHERE name = '阳光花园'") == "1")
        let clerk = try h.run(["import", sheet.path, "--kind", "communities", "--add-kinds"], login: "lina")
        #expect(clerk.code == 3)
        let added = try h.run(["import", sheet.path, "--kind", "communities", "--add-kinds"])
        #expect(added.code == 0, "\(added.err)")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT group_concat(name_zh) FROM site_kind WHERE code LIKE 'site_%'") == "学校,医院")
        let show = try h.json(["show", "县人民医院", "--json"]) as? [String: Any]
        #expect(show?["kind_label"] as? String == "医院")
        #expect(try h.run(["check"]).code == 0)
    }
}
