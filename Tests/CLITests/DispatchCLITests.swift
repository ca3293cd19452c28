import Foundation
import Testing

/// `civgrid dispatch --unit U`: the slip in three formats, numbered per year and recorded with its cases; names that
/// look like markup stay text; `--preview` records nothing; clerks may not issue one.
@Suite("civgrid command line: dispatch slips", .serialized)
struct DispatchCLITests {
    /// A unit with open dispatched cases, renamed to a name full of markup characters.
    func demoWithHostileUnit() throws -> (CLIHarness, String) {
        let h = CLIHarness()
        try h.demo()
        let unit = try CLIHarness.sqlite3(h.dbPath, """
            SELECT u.name FROM case_record c JOIN unit u ON u.id = c.handling_unit_id
            WHERE c.state NOT IN ('closed','fixed_on_site','void') GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1
            """)
        let hostile = "<b>\(unit)</b>&'\"|*"
        let r = try h.run(["unit", "rename", unit, hostile])
        #expect(r.code == 0, "\(r.err)")
        return (h, hostile)
    }

    @Test("text, Markdown and HTML list every open case of the unit; HTML and Markdown escape the unit's name; numbers go 1, 2, 3")
    func formats() throws {
        let (h, unit) = try demoWithHostileUnit()
        let open = try CLIHarness.sqlite3(h.dbPath, """
            SELECT count(*) FROM case_record c JOIN unit u ON u.id = c.handling_unit_id
            WHERE u.name = '\(unit.replacingOccurrences(of: "'", with: "''"))' AND c.state NOT IN ('closed','fixed_on_site','void')
            """)
        let text = try h.run(["dispatch", "--unit", unit])
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out.contains("2026·交办第1号") && text.out.contains("以下 \(open) 个问题"), "\(text.out)")
        #expect(text.out.contains("具体责任人") || text.out.contains("负责人"))
        let html = h.folder.appendingPathComponent("交办单.html")
        let r = try h.run(["dispatch", "--unit", unit, "--format", "html", "-o", html.path])
        #expect(r.code == 0, "\(r.err)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("2026·交办第2号"))
        #expect(!page.contains("<b>") && page.contains("&lt;b&gt;") && page.contains("&amp;&#39;&quot;"))
        #expect(page.components(separatedBy: "<tr").count - 2 == Int(open))
        let md = try h.run(["dispatch", "--unit", unit, "--format", "md"])
        #expect(md.out.contains("2026·交办第3号") && md.out.contains("&lt;b&gt;") && md.out.contains("\\|\\*"), "\(md.out.prefix(300))")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT group_concat(seq) FROM dispatch_slip") == "1,2,3")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM dispatch_slip_case") == String(3 * Int(open)!))
        #expect(try h.run(["check"]).code == 0)
    }

    @Test("--preview records nothing; a clerk may not issue a slip (exit 3); an unknown unit is bad input (exit 2)")
    func refusals() throws {
        let (h, unit) = try demoWithHostileUnit()
        #expect(try h.run(["dispatch", "--unit", unit, "--preview"]).code == 0)
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM dispatch_slip") == "0")
        let clerk = try h.run(["dispatch", "--unit", unit], login: "lina")
        #expect(clerk.code == 3 && clerk.err.contains("发交办单"), "\(clerk.err)")
        #expect(try h.run(["dispatch", "--unit", "不存在的单位"]).code == 2)
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM dispatch_slip") == "0")
    }
}
