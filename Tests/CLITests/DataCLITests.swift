import Foundation
import Testing

@Suite("civgrid import, export, report, backup", .serialized)
struct DataCLITests {
    func write(_ h: CLIHarness, _ name: String, _ data: Data) throws -> String {
        let path = h.folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func gbk(_ text: String) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", "GBK"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data
    }

    static let sheet = """
        城关县小区名单（2026年11月）,,,,
        小区名称,所属街道,责任单位,物业公司,联系电话
        阳光小区,城关街道,县住建局,阳光物业,13800001234
        "锦绣华庭, 一期",城关街道,县城管局,锦绣物业,0571-87654321
        东湖农贸市场,东城街道,县市场监管局,,123
        ,东城街道,县住建局,,

        """

    @Test("a GBK CSV from Chinese Excel: the dry run shows exactly what will change; the real run does it; again is a no-op")
    func gbkImport() throws {
        let h = CLIHarness()
        #expect(try h.run(["init", "--office", "城关县三创办"]).code == 0)
        let file = try write(h, "小区名单.csv", try gbk(DataCLITests.sheet))
        let dry = try h.run(["import", file, "--dry-run"])
        #expect(dry.code == 0, "\(dry.err)")
        #expect(dry.out.contains("DRY RUN"))
        #expect(dry.out.contains("GB18030"))
        #expect(dry.out.contains("新增 new 11"), "3 units, 2 property companies, 3 communities, 3 links")
        #expect(dry.out.contains("小区名单.csv:6 小区名称 (community name) is empty"))
        #expect(dry.out.contains("phone “123”"))
        #expect(try h.run(["tree"]).out.split(separator: "\n").count == 2, "the dry run wrote nothing")
        let real = try h.run(["import", file])
        #expect(real.code == 0, "\(real.err)")
        #expect(real.out.contains("新增 new 11"))
        #expect(real.out.contains("小区名单.csv.rejected.csv"))
        let rejected = try String(contentsOfFile: h.folder.appendingPathComponent("小区名单.csv.rejected.csv").path, encoding: .utf8)
        #expect(rejected.contains("原因 reason"))
        #expect(rejected.contains("is empty"))
        let show = try h.run(["show", "锦绣华庭, 一期"])
        #expect(show.out.contains("县城管局"))
        #expect(show.out.contains("0571-87654321"))
        let again = try h.run(["import", file])
        #expect(again.out.contains("新增 new 0 · 变更 changed 0"))
    }

    @Test("the same data as XLSX imports identically")
    func xlsxImport() throws {
        let h = CLIHarness()
        #expect(try h.run(["init", "--office", "城关县三创办"]).code == 0)
        let csv = try write(h, "a.csv", Data(DataCLITests.sheet.utf8))
        #expect(try h.run(["import", csv]).code == 0)
        let exported = h.folder.appendingPathComponent("c.xlsx").path
        #expect(try h.run(["export", "--kind", "communities", "--format", "xlsx", "-o", exported]).code == 0)
        let other = CLIHarness()
        #expect(try other.run(["init", "--office", "城关县三创办"]).code == 0)
        let r = try other.run(["import", exported])
        #expect(r.code == 0, "\(r.err)")
        #expect(try other.run(["tree", "--depth", "5"]).out == (try h.run(["tree", "--depth", "5"])).out)
    }

    @Test("export → import into an empty database reproduces the demo grid")
    func roundTrip() throws {
        let h = CLIHarness()
        try h.demo()
        let communities = h.folder.appendingPathComponent("c.csv").path
        let cells = h.folder.appendingPathComponent("s.csv").path
        #expect(try h.run(["export", "--kind", "communities", "-o", communities]).code == 0)
        #expect(try h.run(["export", "--kind", "cells", "-o", cells]).code == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cells)).starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with BOM for Excel")
        let copy = CLIHarness()
        #expect(try copy.run(["init", "--office", "城关县三创办"]).code == 0)
        let a = try copy.run(["import", communities])
        let b = try copy.run(["import", cells])
        #expect(a.code == 0 && b.code == 0, "\(a.err) \(b.err)")
        #expect(!b.out.contains("✗"), "no status was refused: \(b.out.prefix(600))")
        #expect(try copy.run(["stats", "--by", "street"]).out == (try h.run(["stats", "--by", "street"])).out)
        #expect(try copy.run(["tree", "--depth", "5"]).out == (try h.run(["tree", "--depth", "5"])).out)
        let reexport = copy.folder.appendingPathComponent("s2.csv").path
        #expect(try copy.run(["export", "--kind", "cells", "-o", reexport]).code == 0)
        func statuses(_ path: String) throws -> [String] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(7).joined(separator: ",") }
        }
        #expect(try statuses(reexport) == (try statuses(cells)))
    }

    @Test("a bad file gives its message and leaves the database byte-for-byte unchanged", arguments: [
        ("binary.csv", Data([0x61, 0x2C, 0x62, 0x0A, 0x00, 0xFF, 0x10]), "NUL byte"),
        ("truncated.csv", Data("小区名称,所属街道\n\"阳光小区,城关\n".utf8), "never closed"),
        ("headers.csv", Data("foo,bar\n1,2\n".utf8), "no header row"),
        ("utf16.csv", Data([0xFF, 0xFE, 0x41]), "UTF-16"),
    ])
    func badFiles(name: String, data: Data, message: String) throws {
        let h = CLIHarness()
        try h.demo()
        let before = try Data(contentsOf: URL(fileURLWithPath: h.dbPath))
        let file = try write(h, name, data)
        let r = try h.run(["import", file])
        #expect(r.code == 2)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: h.dbPath)) == before)
    }

    @Test("export in GB18030 and JSON; report in Markdown, text and a self-contained HTML file")
    func exportsAndReport() throws {
        let h = CLIHarness()
        try h.demo()
        let gb = h.folder.appendingPathComponent("gb.csv").path
        #expect(try h.run(["export", "--kind", "communities", "--encoding", "gb18030", "-o", gb]).code == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: gb))
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(data: bytes, encoding: .utf8) == nil, "GB18030 bytes are not UTF-8")
        let json = try h.json(["export", "--kind", "audit", "--format", "json", "--limit", "5"]) as? [[String: Any]]
        #expect(json?.count == 5)
        #expect(json?.first?["operator"] is String)
        // Numbers are numbers in JSON (ids, counts, site numbers), empty ones null; text stays text.
        #expect(json?.allSatisfy { $0["id"] is Int } == true, "\(json?.first ?? [:])")
        let communities = try #require(try h.json(["export", "--kind", "communities", "--format", "json"]) as? [[String: Any]])
        #expect(communities.allSatisfy { $0["id"] is Int && ($0["households"] is Int || $0["households"] is NSNull) })
        #expect(communities.contains { $0["site"] is Int } && communities.contains { $0["site"] is NSNull })
        let cases = try #require(try h.json(["export", "--kind", "cases", "--format", "json"]) as? [[String: Any]])
        #expect(cases.allSatisfy { $0["number"] is String && $0["reworks"] is Int && $0["events"] is Int })
        let md = try h.run(["report"])
        #expect(md.out.hasPrefix("# 城关县三创办 创城测评准备情况"))
        #expect(md.out.contains("| 街道 |"))
        #expect(try h.run(["report", "--format", "txt"]).out.contains("█"))
        let html = try h.run(["report", "--format", "html"]).out
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script") && !html.contains("<link"), "self-contained: no scripts or external files")
        #expect(try h.run(["report", "--scope", "城关镇"]).out.contains("城关镇 创城测评准备情况"))
    }

    @Test("backup, check and restore from the command line")
    func safety() throws {
        let h = CLIHarness()
        try h.demo()
        let copy = h.folder.appendingPathComponent("copy.sqlite").path
        #expect(try h.run(["backup", "-o", copy]).code == 0)
        #expect(try h.run(["check"]).out.hasPrefix("ok"))
        #expect(try h.run(["restore", copy]).code == 2)
        #expect(try h.run(["restore", copy], login: "lina").code == 3)
        #expect(try h.run(["restore", copy, "--force"]).code == 0)
        #expect(try h.run(["check"]).code == 0)
    }
}
