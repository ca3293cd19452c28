import Foundation
import Testing

@Suite("civgrid case", .serialized)
struct CaseCLITests {
    @Test("record a problem, walk it to closed; the cell follows; wrong moves exit 2 naming what is allowed")
    func lifecycle() throws {
        let h = CLIHarness()
        try h.demo()
        let tree = try h.json(["tree", "--depth", "3", "--json"]) as? [String: Any]
        let street = ((tree?["nodes"] as? [[String: Any]])?.first?["children"] as? [[String: Any]])?.first
        let community = ((street?["children"] as? [[String: Any]])?.first?["node"] as? [String: Any])?["name"] as? String ?? ""
        let path = "\(street?["label"] as? String ?? "")/\(community)"
        let add = try h.run(["case", "add", path, "公益广告", "--desc", "公益广告破损", "--class", "immediate"])
        #expect(add.code == 0, "\(add.err)")
        // The demo already has a ledger: the new case takes the next number of the year.
        let number = String(add.out.split(separator: " ")[1].dropLast())
        #expect(number.hasPrefix("2026-"))
        for action in ["register", "assign", "start", "submit", "verify"] {
            let r = try h.run(["case", "move", number, action])
            #expect(r.code == 0, "\(action): \(r.err)")
        }
        let shown = try h.json(["case", "show", number, "--json"]) as? [String: Any]
        #expect(shown?["state"] as? String == "closed")
        #expect((shown?["events"] as? [[String: Any]])?.count == 6)
        let wrong = try h.run(["case", "move", number, "submit"])
        #expect(wrong.code == 2)
        #expect(wrong.err.contains("Allowed: reopen"))
        #expect(try h.run(["case", "move", number, "reopen"]).err.contains("needs a reason"))
        #expect(try h.run(["case", "move", "2026-9999", "verify"]).code == 2)
        #expect(try h.run(["case", "add", path, "公益广告", "--desc", "x"], login: "leader").code == 3)
        #expect(!(try h.run(["case", "list", "--limit", "5000"]).out.contains(number)), "a closed case leaves the open list")
    }
}

@Suite("civgrid notice and rank", .serialized)
struct NoticeRankCLITests {
    func sqlite(_ db: String, _ sql: String) throws -> String { try CLIHarness.sqlite3(db, sql) }

    @Test("a notice's totals match the cases of its period; issuing records it and numbers run on",
          .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/sqlite3")))
    func notice() throws {
        let h = CLIHarness()
        try h.demo()
        // A second notice over days already notified would name the same cases again (and charge 重复通报 twice).
        let notices = try sqlite(h.dbPath, "SELECT count(*) FROM notice")
        let again = try h.run(["notice", "--from", "2026-10-15", "--to", "2026-11-05"])
        #expect(again.code == 2 && again.err.contains("overlaps notice 2026·第2期") && again.err.contains("--from after 2026-10-31"), "\(again.err)")
        #expect(try sqlite(h.dbPath, "SELECT count(*) FROM notice") == notices, "nothing recorded")
        // November in the office's time zone (the harness pins TZ=Asia/Shanghai, UTC+8).
        let found = try sqlite(h.dbPath, "SELECT count(*) FROM case_record WHERE found_at >= '2026-10-31T16:00:00.000Z' AND found_at < '2026-11-30T16:00:00.000Z' AND state <> 'void'")
        let r = try h.run(["notice", "--from", "2026-11-01", "--to", "2026-11-30"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("2026·第3期"), "the demo issued September's and October's notices")
        #expect(r.out.contains("本期发现问题 \(found) 个"))
        #expect(r.out.contains("四、责任单位得分排名"))
        // The notice's league is `rank`'s for the same month: the same units, places (ties share one) and scores.
        let section = r.out.components(separatedBy: "四、责任单位得分排名").last ?? ""
        let published = Set(section.split(separator: "\n").compactMap { line -> String? in
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
            guard parts.count >= 3, parts[0].hasSuffix(".") else { return nil }
            return "\(parts[0].dropLast()) \(parts[1]) \(parts[2])"
        })
        let ranked = try #require(try h.json(["rank", "--period", "2026-11", "--json"]) as? [[String: Any]])
        let expected = Set(ranked.map { "\($0["rank"]!) \($0["name"]!) \(String(format: "%.2f", $0["score"] as! Double))" })
        #expect(published == expected && !expected.isEmpty, "\(published.symmetricDifference(expected).sorted().prefix(6))")
        #expect(try h.run(["notice", "--from", "2026-12-01", "--to", "2026-12-31", "--preview"]).out.contains("2026·第4期"))
        #expect(try h.run(["notice", "--from", "2026-12-01", "--to", "2026-12-31", "--issue", "3"]).code == 2, "an issued number is not reused")
        let md = try h.run(["notice", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "md", "--preview"])
        #expect(md.out.hasPrefix("# "))
        let csv = try h.run(["notice", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--preview"])
        #expect(csv.out.split(separator: "\r\n").count == Int(found)! + 2, "header, cases, the 账本 anchor row")
        #expect(try h.run(["notice", "--from", "2026-12-01", "--to", "2026-12-31"], login: "lina").code == 3, "clerks do not issue notices")
    }

    @Test("league tables: scores are 100 minus the deductions behind them; bad periods are refused")
    func rank() throws {
        let h = CLIHarness()
        try h.demo()
        let table = try h.json(["rank", "--period", "2026-10", "--json"]) as? [[String: Any]]
        #expect((table?.count ?? 0) > 10)
        let lowest = try #require(table?.first)
        let name = try #require(lowest["name"] as? String)
        let detail = try h.run(["rank", "--period", "2026-10", "--detail", name])
        #expect(detail.code == 0)
        let points = detail.out.split(separator: "\n").dropFirst(2).compactMap { Double($0.split(separator: " ").last ?? "") }
        #expect(abs(100 - points.reduce(0, +) - (lowest["score"] as? Double ?? 0)) < 0.011)
        #expect(try h.run(["rank", "--period", "2026-13"]).code == 2)
        #expect(try h.run(["rank", "--period", "2026-10", "--by", "property"]).code == 0)
    }
}

@Suite("Notice output snapshots", .serialized)
struct NoticeSnapshotTests {
    static var folder: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__") }

    @Test("the demo county's November notice, in Markdown and text, matches its reviewed snapshot",
          arguments: [("md", "notice-2026-11.md"), ("text", "notice-2026-11.txt")])
    func notice(format: String, file: String) throws {
        let h = CLIHarness()
        try h.demo()
        var r = try h.run(["notice", "--from", "2026-11-01", "--to", "2026-11-30", "--format", format, "--preview"])
        #expect(r.code == 0, "\(r.err)")
        r.out = r.out.replacingOccurrences(of: #"(账本 #[0-9]+):[0-9a-f]{12}"#, with: "$1:HASH", options: .regularExpression) // hashes cover the OS user
        let url = NoticeSnapshotTests.folder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["CIVGRID_RECORD_SNAPSHOTS"] == "1" {
            try r.out.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != r.out {
            let e = expected.split(separator: "\n"), a = r.out.split(separator: "\n")
            let line = Array(zip(e, a)).firstIndex { $0 != $1 } ?? min(e.count, a.count)
            Issue.record("\(file) differs at line \(line + 1): expected “\(line < e.count ? e[line] : "<end>")”, got “\(line < a.count ? a[line] : "<end>")”")
        }
    }
}
