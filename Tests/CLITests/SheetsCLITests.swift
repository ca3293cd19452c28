import Foundation
import Testing

@Suite("civgrid import of real office sheets; export of cases and events", .serialized)
struct SheetsCLITests {
    func write(_ h: CLIHarness, _ name: String, _ text: String) throws -> String {
        let path = h.folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("the dry run lists ignored columns, conflicts and skipped rows; phones stored in one form, the original in the audit note")
    func dryRunSummary() throws {
        let h = CLIHarness()
        #expect(try h.run(["init", "--office", "天台县三创办"]).code == 0)
        let file = try write(h, "包保责任表.csv", """
            序号,街道（乡镇）,小区（网格）名称,包保单位,包保领导,联系电话,物业服务企业名称,联系电话
            1,赤城街道,丽景湾小区,县住建局,王建国,(0576)87781234,丽景物业,13957612345
            2,赤城街道,ＡＢＣ国际公寓,县住建局,李红,13900001111,无物业,
            合计,,2,,,,,

            """)
        let dry = try h.run(["import", file, "--dry-run"])
        #expect(dry.code == 0, "\(dry.err)")
        #expect(dry.out.contains("跳过 skipped 1"))
        #expect(dry.out.contains("冲突 conflicts 1"))
        #expect(!dry.out.contains("ignored columns"), "序号 is read as the communities' office order")
        #expect(dry.out.contains("≠ 包保责任表.csv:3"))
        let real = try h.run(["import", file])
        #expect(real.code == 0, "\(real.err)")
        let show = try h.run(["show", "ＡＢＣ国际公寓"])
        #expect(show.code == 0, "\(show.err)")
        #expect(show.out.contains("ABC国际公寓"), "stored folded; the full-width spelling finds it")
        #expect(show.out.contains("0576-87781234"))
        #expect(!show.out.contains("丽景物业"), "无物业 is no company")
        #expect(try h.run(["show", "ABC国际公寓"]).code == 0)
        let log = try h.run(["log", "--limit", "50"])
        #expect(log.out.contains("(0576)87781234"), "the original spelling is in the audit note")
    }

    @Test("a county column: each county is an office, same-named streets stay apart; a clerk may not create offices")
    func counties() throws {
        let h = CLIHarness()
        #expect(try h.run(["init", "--office", "天台县"]).code == 0)
        let file = try write(h, "台州市.csv", """
            县（市、区）,街道,小区名称
            天台县,城关街道,阳光小区
            仙居县,城关街道,阳光小区
            临海市,古城街道,紫阳小区

            """)
        let r = try h.run(["import", file])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("三创办 仙居县三创办"))
        #expect(!r.out.contains("三创办 天台县三创办"), "天台县 is the existing office")
        let tree = try h.run(["tree"]).out
        #expect(tree.contains("仙居县三创办") && tree.contains("临海市三创办"))
        #expect(tree.components(separatedBy: "城关街道").count - 1 == 2, "\(tree)")
    }

    @Test("every row rejected exits non-zero; an unknown kind and a --map to no column are refused, nothing written")
    func refusals() throws {
        let h = CLIHarness()
        #expect(try h.run(["init", "--office", "天台县三创办"]).code == 0)
        let before = try h.lastAuditID()
        let bad = try write(h, "bad.csv", "所属街道,小区名称,户数\n城关街道,阳光小区,很多\n城关街道,锦绣小区,若干\n")
        let r = try h.run(["import", bad])
        #expect(r.code != 0)
        #expect(r.err.contains("every row was rejected"))
        let unknown = try write(h, "unknown.csv", "街道,网点,责任单位\n城关街道,东门,县住建局\n")
        let u = try h.run(["import", unknown, "--dry-run"])
        #expect(u.code != 0)
        #expect(u.err.contains("cannot tell") && u.err.contains("B 网点"))
        let m = try h.run(["import", bad, "--map", "H=head"])
        #expect(m.code != 0)
        #expect(m.err.contains("names no column"))
        #expect(try h.lastAuditID() == before)
    }

    @Test("a statuses import shows every field that changes")
    func statusDiff() throws {
        let h = CLIHarness()
        #expect(try h.run(["init", "--office", "天台县三创办"]).code == 0)
        #expect(try h.run(["import", try write(h, "c.csv", "所属街道,小区名称\n城关街道,阳光小区\n")]).code == 0)
        let first = try write(h, "s1.csv", "所属街道,小区名称,测评主题,状态,期限,说明\n城关街道,阳光小区,环境卫生,挂账,2027-01-31,待改造\n")
        let dry = try h.run(["import", first, "--dry-run"])
        #expect(dry.code == 0, "\(dry.err)")
        #expect(dry.out.contains("状态: 未查 → 挂账"), "\(dry.out)")
        #expect(dry.out.contains("期限: — → 2027-01-31"))
        #expect(dry.out.contains("说明: — → 待改造"))
    }

    @Test("export --kind cases and --kind events: CSV, JSON and XLSX")
    func exportCases() throws {
        let h = CLIHarness()
        try h.demo()
        let csv = try h.run(["export", "--kind", "cases"])
        #expect(csv.code == 0, "\(csv.err)")
        #expect(csv.out.contains("编号,状态,来源,发现时间"))
        let cases = try #require(try h.json(["export", "--kind", "cases", "--format", "json"]) as? [[String: Any]])
        #expect(!cases.isEmpty)
        #expect(cases.allSatisfy { $0["number"] != nil && $0["unit_then"] != nil && $0["unit_now"] != nil && $0["events"] != nil })
        let events = try #require(try h.json(["export", "--kind", "events", "--format", "json"]) as? [[String: Any]])
        #expect(events.count == cases.reduce(0) { $0 + ($1["events"] as? Int ?? -1_000_000) }, "events count per case adds up")
        let xlsx = h.folder.appendingPathComponent("cases.xlsx").path
        #expect(try h.run(["export", "--kind", "cases", "--format", "xlsx", "-o", xlsx]).code == 0)
        #expect(FileManager.default.fileExists(atPath: xlsx))
        let open = try #require(try h.json(["export", "--kind", "cases", "--format", "json", "--filter", "open"]) as? [[String: Any]])
        #expect(open.count <= cases.count)
        #expect(try h.run(["export", "--kind", "cases", "--filter", "declared"]).code != 0)
    }
}
