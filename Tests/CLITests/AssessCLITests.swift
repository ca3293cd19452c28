import Foundation
import Testing

@Suite("civgrid assess and civgrid annual, run as the binary", .serialized)
struct AssessCLITests {
    @Test("assess: the same seed gives the same figures; the text names the headline and every indicator")
    func assess() throws {
        let h = CLIHarness()
        try h.demo()
        let a = try #require(try h.json(["assess", "--json", "--runs", "2000"]) as? [String: Any])
        let b = try #require(try h.json(["assess", "--json", "--runs", "2000"]) as? [String: Any])
        #expect(a["expected"] as? Double == b["expected"] as? Double)
        let expected = try #require(a["expected"] as? Double), p5 = try #require(a["p5"] as? Double), p95 = try #require(a["p95"] as? Double)
        #expect(p5 <= expected && expected <= p95 && p95 <= 100)
        let indicators = try #require(a["indicators"] as? [[String: Any]])
        #expect(indicators.count == 11)
        let lost = indicators.compactMap { $0["expected_loss"] as? Double }.reduce(0, +)
        #expect(abs(100 - lost - expected) < 1e-6, "the score is the full score less what the indicators lose")
        let text = try h.run(["assess", "--runs", "2000"])
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out.contains("预计得分") && text.out.contains("目标 95") && text.out.contains("达到目标概率"))
        for code in indicators.compactMap({ $0["code"] as? String }) { #expect(text.out.contains(code)) }
    }

    @Test("--as-of: the deadlines' promise is at least today's score; the overdue cases' cost is reported")
    func whatIf() throws {
        let h = CLIHarness()
        try h.demo()
        let o = try #require(try h.json(["assess", "--json", "--runs", "2000", "--as-of", "2026-12-31"]) as? [String: Any])
        let today = try #require(o["today"] as? [String: Any])
        #expect(try #require(o["expected"] as? Double) >= (try #require(today["expected"] as? Double)))
        #expect(try #require(o["overdue_cost"] as? Double) >= 0)
        #expect(o["as_of"] as? String == "2026-12-31")
        let past = try h.run(["assess", "--as-of", "2026-11-01"])
        #expect(past.code == 2 && past.err.contains("--as-of 2026-11-01 is in the past"))
        let runs = try h.run(["assess", "--runs", "0"])
        #expect(runs.code == 2 && runs.err.contains("--runs 0"))
    }

    @Test("assess fixes: the top N, best first, each with its community, theme and gain; --scope narrows them")
    func fixes() throws {
        let h = CLIHarness()
        try h.demo()
        let fixes = try #require(try h.json(["assess", "fixes", "--top", "5", "--json", "--runs", "2000"]) as? [[String: Any]])
        #expect(fixes.count == 5)
        let gains = fixes.compactMap { $0["gain"] as? Double }
        #expect(gains == gains.sorted(by: >) && gains.allSatisfy { $0 > 0 })
        #expect(fixes.allSatisfy { !($0["community"] as? String ?? "").isEmpty && !($0["theme"] as? String ?? "").isEmpty })
        let street = try #require(fixes[0]["street"] as? String)
        let scoped = try #require(try h.json(["assess", "fixes", "--top", "50", "--json", "--runs", "500", "--scope", street]) as? [[String: Any]])
        #expect(!scoped.isEmpty && scoped.allSatisfy { $0["street"] as? String == street })
        let text = try h.run(["assess", "fixes", "--top", "3", "--runs", "500"])
        #expect(text.code == 0 && text.out.contains("预计提分") && text.lines.count == 5, "\(text.out)")
    }

    @Test("assess check: the built-in model is fine; a broken file is refused with file:line and exit 2")
    func check() throws {
        let h = CLIHarness()
        let ok = try h.run(["assess", "check"], login: nil)
        #expect(ok.code == 0 && ok.out.contains("(built in): ok — 11 项指标"), "\(ok.out) \(ok.err)")
        let bad = h.folder.appendingPathComponent("assessment.toml").path
        try "target = 95\n\n[[sample]]\nkind = \"residential\"\ncount = 2\n\n[[indicator]]\ncode = \"A\"\nname = \"公益广告\"\npoints = 10\nthemes = [\"ads\"]\nper_problem = 1\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try h.run(["assess", "check", bad], login: nil)
        #expect(r.code == 2)
        #expect(r.err.contains("\(bad):1: target must be"), "\(r.err)")
        #expect(r.err.contains("\(bad):11: [[indicator]] A: unknown theme “ads”"), "\(r.err)")
        // The file in force ($XDG_CONFIG_HOME/civgrid/assessment.toml) is what assess reads: a broken one stops it.
        let config = h.folder.appendingPathComponent("cfg/civgrid")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: bad, toPath: config.appendingPathComponent("assessment.toml").path)
        try h.demo()
        let run = try h.run(["assess"], extraEnv: ["XDG_CONFIG_HOME": h.folder.appendingPathComponent("cfg").path])
        #expect(run.code == 2 && run.err.contains("assessment.toml:11:"), "\(run.err)")
        let missing = try h.run(["assess", "check", "/nonexistent/a.toml"], login: nil)
        #expect(missing.code == 2 && missing.err.contains("no assessment file at /nonexistent/a.toml"))
    }

    @Test("annual: every unit ranked with its counts, candidates and the trace-back naming leaders; md and xlsx")
    func annual() throws {
        let h = CLIHarness()
        try h.demo()
        let text = try h.run(["annual", "2026"])
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out.contains("2026 年度综合绩效考核") && text.out.contains("表彰候选:") && text.out.contains("追责候选:"))
        #expect(text.out.contains("倒查责任") && text.out.contains("责任领导"))
        let rank = try #require(try h.json(["rank", "--period", "2026", "--json"]) as? [[String: Any]])
        for unit in rank.compactMap({ $0["name"] as? String }) { #expect(text.out.contains(unit)) }
        let md = try h.run(["annual", "2026", "--format", "md"])
        #expect(md.code == 0 && md.out.hasPrefix("# 2026 年度综合绩效考核") && md.out.contains("| 名次 | 责任单位 |"))
        let xlsx = h.folder.appendingPathComponent("annual.xlsx").path
        let x = try h.run(["annual", "2026", "--format", "xlsx", "-o", xlsx])
        #expect(x.code == 0 && FileManager.default.fileExists(atPath: xlsx))
        #expect(try h.run(["annual", "2026", "--format", "xlsx"]).code == 2)
        #expect(try h.run(["annual", "twenty"]).err.contains("give a year such as 2026"))
    }
}
