import Foundation
import Testing

/// `civgrid round`, `civgrid inspect`, `civgrid coverage`: the built binary on a demo county.
@Suite("civgrid round, inspect, coverage", .serialized)
struct RoundCLITests {
    /// The first community of the demo's first street whose 公益广告 cell is 达标, as `街道/小区`.
    func okCommunity(_ h: CLIHarness) throws -> String {
        let tree = try h.json(["tree", "--depth", "3", "--json"]) as? [String: Any]
        let street = ((tree?["nodes"] as? [[String: Any]])?.first?["children"] as? [[String: Any]])?.first
        for child in (street?["children"] as? [[String: Any]]) ?? [] {
            let name = (child["node"] as? [String: Any])?["name"] as? String ?? ""
            let path = "\(street?["label"] as? String ?? "")/\(name)"
            let shown = try h.json(["show", path, "--json"]) as? [String: Any]
            let cells = shown?["cells"] as? [[String: Any]] ?? []
            if cells.contains(where: { $0["theme_zh"] as? String == "公益广告" && $0["status"] as? String == "ok" }) { return path }
        }
        Issue.record("no community with a 达标 公益广告 cell on the first street")
        return ""
    }

    func auditCount(_ h: CLIHarness) throws -> String { try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM audit") }

    @Test("plan, start, inspect (达标 leaves a fact though nothing changes), problem makes a linked case, close; coverage counts it",
          .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/sqlite3")))
    func endToEnd() throws {
        let h = CLIHarness()
        try h.demo()
        let place = try okCommunity(h)
        let add = try h.run(["round", "add", "--name", "11月第5周两督", "--kind", "两督", "--to", "+6", "--team", "admin,zhangwei",
                             "--community", place])
        #expect(add.code == 0, "\(add.err)")
        #expect(add.out.contains("计划中"))
        let id = try #require(add.out.split(separator: "#").dropFirst().first?.split(separator: " ").first.map(String.init))
        let early = try h.run(["inspect", place, "公益广告", "达标", "--round", id])
        #expect(early.code == 2 && early.err.contains("civgrid round start \(id)"), "\(early.err)")
        #expect(try h.run(["round", "start", "11月第5周两督"]).code == 0)
        let before = try auditCount(h)
        let ok = try h.run(["inspect", place, "公益广告", "ok", "--round", id, "--note", "复查仍达标"])
        #expect(ok.code == 0, "\(ok.err)")
        #expect(ok.out.contains("未变更 达标"), "\(ok.out)")
        #expect(Int(try auditCount(h)) == Int(before)! + 1, "one audit row: the inspection")
        let problem = try h.run(["inspect", place, "公益广告", "有问题", "--round", id, "--note", "公益广告破损", "--class", "immediate"])
        #expect(problem.code == 0, "\(problem.err)")
        #expect(problem.out.contains("已上报案件 2026-") && problem.out.contains("（督查）"), "\(problem.out)")
        let number = try #require(problem.out.components(separatedBy: "已上报案件 ").last?.split(separator: "（").first.map(String.init))
        let shown = try h.json(["case", "show", number, "--json"]) as? [String: Any]
        #expect(shown?["source"] as? String == "supervision")
        #expect((shown?["found_in_round"] as? [String: Any])?["kind"] as? String == "joint_supervision")
        #expect(try h.run(["case", "show", number]).out.contains("发现于 #\(id) 两督 11月第5周两督"))
        let coverage = try h.json(["coverage", "--round", id, "--json"]) as? [String: Any]
        #expect(coverage?["checked_cells"] as? Int == 1)
        #expect(coverage?["inspections"] as? Int == 2)
        #expect(coverage?["sites"] as? Int == 1)
        #expect((coverage?["operators"] as? [[String: Any]])?.first?["login"] as? String == "admin")
        let close = try h.run(["round", "close", id])
        #expect(close.code == 0 && close.out.contains("已结束"), "\(close.err)")
        let late = try h.run(["inspect", place, "公益广告", "ok", "--round", id])
        #expect(late.code == 2 && late.err.contains("已结束 (closed)"), "\(late.err)")
        let show = try h.run(["round", "show", id])
        #expect(show.out.contains("覆盖 1/") && show.out.contains("公益广告破损") && show.out.contains("admin, zhangwei"), "\(show.out)")
        let listed = try h.json(["round", "list", "--state", "closed", "--json"]) as? [[String: Any]]
        #expect(listed?.contains { $0["name"] as? String == "11月第5周两督" } == true)
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM inspection WHERE round_id = \(id)") == "2")
        #expect(try h.run(["check"]).code == 0)
    }

    @Test("bad input: a clear message, exit 2 (3 for permission), and nothing written",
          .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/sqlite3")))
    func badInput() throws {
        let h = CLIHarness()
        try h.demo()
        let place = try okCommunity(h)
        #expect(try h.run(["round", "add", "--name", "开放轮次", "--kind", "督查"]).code == 0)
        #expect(try h.run(["round", "start", "开放轮次"]).code == 0)
        let before = try auditCount(h)
        let cases: [([String], Int32, String, String?)] = [
            (["inspect", place, "公益广告", "好"], 2, "unknown result “好”", nil),
            (["inspect", place, "公益广告", "ok", "--round", "999"], 2, "no round #999", nil),
            (["inspect", place, "公益广告", "ok", "--round", "不存在的轮次"], 2, "no round numbered or named", nil),
            (["inspect", place, "公益广告", "ok", "--round", "开放轮次", "--note", "好\u{1B}[2J"], 2, "U+001B", nil),
            (["inspect", place, "公益广告", "ok", "--class", "immediate"], 2, "--class", nil),
            (["inspect", place, "公益广告", "problem", "--round", "开放轮次", "--source", "media", "--note", "x"], 2, "--source", nil),
            (["inspect", place, "公益广告", "problem", "--round", "开放轮次"], 2, "--note", nil),
            (["inspect", "没有这个小区", "公益广告", "ok"], 2, "no communities named", nil),
            (["inspect", place, "公益广告", "ok"], 3, "查看 (viewer)", "leader"),
            (["round", "add", "--name", "开放轮次", "--kind", "督查"], 2, "already exists", nil),
            (["round", "add", "--name", "坏类型", "--kind", "巡查"], 2, "not a round kind", nil),
            (["round", "add", "--name", "倒序", "--kind", "督查", "--from", "2026-12-05", "--to", "2026-12-01"], 2, "swap --from and --to", nil),
            (["round", "add", "--name", "自查无单位", "--kind", "self_inspection"], 2, "--unit", nil),
            (["round", "add", "--name", "陌生队员", "--kind", "暗访", "--team", "nobody"], 2, "no operator “nobody”", nil),
            (["round", "add", "--name", "录入员安排", "--kind", "督查"], 3, "may not 安排检查轮次", "lina"),
            (["round", "start", "开放轮次"], 2, "already 进行中", nil),
            (["round", "close", "42"], 2, "no round #42", nil),
            (["round", "list", "--state", "done"], 2, "not a round state", nil),
            (["coverage"], 2, "--since DATE", nil),
            (["coverage", "--since", "someday"], 2, "is not a date", nil),
            (["coverage", "--since", "2030-01-01"], 2, "after today", nil),
            (["coverage", "--since", "today", "--scope", "没有这个街道"], 2, "no nodes named", nil),
        ]
        for (args, code, message, login) in cases {
            let r = try h.run(args, login: login ?? "admin")
            #expect(r.code == code, "\(args): \(r.code) \(r.err)")
            #expect(r.err.contains(message), "\(args): \(r.err)")
            #expect(!r.err.contains("\u{1B}"), "errors are sanitised")
        }
        #expect(try auditCount(h) == before)
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM inspection i JOIN inspection_round r ON r.id = i.round_id WHERE r.name = '开放轮次'") == "0")
    }

    @Test("the demo carries rounds of every kind, closed, in progress and planned, with inspections and coverage")
    func demoRounds() throws {
        let h = CLIHarness()
        try h.demo()
        let rounds = try h.json(["round", "list", "--json"]) as? [[String: Any]] ?? []
        #expect(Set(rounds.compactMap { $0["kind"] as? String })
            == ["self_inspection", "supervision", "joint_supervision", "unannounced", "mock_assessment"])
        #expect(Set(rounds.compactMap { $0["state"] as? String }) == ["planned", "in_progress", "closed"])
        let period = try h.json(["coverage", "--since=-30", "--json"]) as? [String: Any]
        #expect((period?["inspections"] as? Int ?? 0) > 50)
        #expect((period?["checked_cells"] as? Int ?? 0) <= (period?["cells"] as? Int ?? 0))
        let text = try h.run(["coverage", "--since=-30", "--scope", "城关镇", "--limit", "3"])
        #expect(text.code == 0 && text.out.contains("范围 城关镇") && text.out.contains("未查完的小区/点位"), "\(text.out)\(text.err)")
        #expect(try h.run(["check"]).code == 0)
    }
}
