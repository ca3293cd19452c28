import Foundation
import GridCore
import Testing

/// Display width for assertions, the same rule as TerminalKit's for the characters these outputs use.
func columns(_ s: Substring) -> Int {
    s.unicodeScalars.reduce(0) { n, u in
        let v = u.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v)
        return n + (wide ? 2 : 1)
    }
}

@Suite("civgrid command line", .serialized)
struct CLITests {
    @Test("--help prints usage; no subcommand without a terminal says the console needs one, exit 2")
    func usage() throws {
        let h = CLIHarness()
        let help = try h.run(["--help"])
        #expect(help.code == 0)
        #expect(help.out.contains("USAGE: civgrid"))
        #expect(help.out.contains("demo"))
        let r = try h.run([])
        #expect(r.code == 2)
        #expect(r.err.contains("needs a terminal"))
        #expect(r.out.isEmpty)
    }

    @Test("every command on a missing database says to run init, exit 4")
    func missingDatabase() throws {
        let h = CLIHarness()
        for args in [["tree"], ["show", "阳光小区"], ["set", "阳光小区", "环境卫生", "达标"], ["log"], ["stats"]] {
            let r = try h.run(args)
            #expect(r.code == 4, "\(args)")
            #expect(r.err.contains("civgrid init --office"), "\(args): \(r.err)")
            #expect(r.out.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: h.dbPath), "a read command must not create the file")
    }

    @Test("tree lines up its count columns in display columns despite CJK names of varied lengths")
    func treeAligned() throws {
        let h = CLIHarness()
        try h.demo()
        let r = try h.run(["tree", "--depth", "3"])
        #expect(r.code == 0)
        let lines = r.lines
        #expect(lines.count == 1 + 1 + 12 + 300)
        #expect(lines[1].hasPrefix("城关县三创办"))
        // The 逾期 column is the last count column and right-aligned: every line has a count ending there.
        let header = lines[0]
        let end = columns(header[..<header.range(of: "逾期")!.upperBound])
        for line in lines.dropFirst() {
            // Office and street lines end at 逾期; community lines go on with their kind after two spaces.
            let beforeKind = columns(Substring(line)) == end ? Substring(line) : line[..<line.range(of: "  ", options: .backwards)!.lowerBound]
            #expect(columns(beforeKind) == end, "\(line)")
        }
        let d2 = try h.run(["tree", "--depth", "2"]).lines
        let end2 = columns(d2[0][..<d2[0].range(of: "逾期")!.upperBound])
        #expect(Set(d2.dropFirst().map { columns(Substring($0)) }) == [end2], "depth-2 lines all end at the 逾期 column")
    }

    @Test("tree --json has stable fields and its office counts equal stats")
    func treeJSON() throws {
        let h = CLIHarness()
        try h.demo()
        let tree = try h.json(["tree", "--depth", "1", "--json"]) as? [String: Any]
        let nodes = tree?["nodes"] as? [[String: Any]]
        let counts = nodes?.first?["counts"] as? [String: Int]
        #expect(counts?["total"] == 2548 || (counts?["total"] ?? 0) > 2000)
        let stats = try h.json(["stats", "--json"]) as? [String: Any]
        let groups = stats?["groups"] as? [[String: Any]]
        #expect(groups?.first?["counts"] as? [String: Int] == counts)
    }

    @Test("show prints the community, its chain with contacts, and every applicable cell")
    func show() throws {
        let h = CLIHarness()
        try h.demo()
        let name = try firstCommunity(h)
        let r = try h.run(["show", name])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.hasPrefix(String(name.split(separator: "/").last!)))
        #expect(r.out.contains("责任链"))
        #expect(r.out.contains("牵头"))
        #expect(r.out.contains("测评单元"))
        let json = try h.json(["show", name, "--json"]) as? [String: Any]
        let cells = json?["cells"] as? [[String: Any]]
        #expect((cells?.count ?? 0) >= 3)
        #expect(cells?.allSatisfy { $0["status"] is String && $0["theme"] is String } == true)
    }

    @Test("set changes one cell, prints old → new, and the audit trail shows who, when and why")
    func setAndLog() throws {
        let h = CLIHarness()
        try h.demo()
        let (name, theme) = try freeCell(h)
        let r = try h.run(["set", name, theme, "2", "--note", "垃圾桶满溢"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("已保存"))
        #expect(r.out.contains("→ 有问题"))
        #expect(r.out.contains("已上报案件 2026-"), "a problem is a case: \(r.out)")
        let log = try h.json(["log", "--community", name, "--limit", "1", "--json"]) as? [[String: Any]]
        #expect(log?.first?["field"] as? String == "status")
        #expect(log?.first?["operator"] as? String == "admin")
        #expect((log?.first?["note"] as? String)?.contains("上报") == true)
        let text = try h.run(["log", "--limit", "2"])
        #expect(text.out.contains("→ 有问题"))
        let cases = try h.json(["case", "list", "--community", name, "--json"]) as? [[String: Any]]
        #expect(cases?.contains { $0["description"] as? String == "垃圾桶满溢" && $0["state"] as? String == "reported" } == true)
    }

    @Test("bad input exits 2 with a specific message and writes nothing", arguments: [
        (["set", "FIRST", "环境卫生", "maybe"], "unknown status"),
        (["set", "FIRST", "不存在的主题", "1"], "no theme"),
        (["set", "不存在的小区", "环境卫生", "1"], "no communities named"),
        (["set", "FIRST", "环境卫生", "2"], "needs a note"),
        (["set", "FREE", "FREETHEME", "6", "--note", "改造"], "挂账 is a step of a case"),
        (["set", "FREE", "FREETHEME", "3"], "整改中 is a step of a case"),
        (["set", "FREE", "FREETHEME", "2", "--note", "x", "--due", "+3"], "use --class"),
        (["set", "FIRST", "环境卫生", "3", "--due", "明天"], "is not a date"),
        (["set", "FREE", "FREETHEME", "1", "--due", "+3"], "allowed for 有问题 and 整改中 only"),
        (["tree", "--depth", "9"], "out of range"),
    ])
    func badInput(args: [String], message: String) throws {
        let h = CLIHarness()
        try h.demo()
        let first = try firstCommunity(h)
        let free = args.contains("FREE") ? try freeCell(h) : (community: "", theme: "")
        let before = try h.lastAuditID()
        let r = try h.run(args.map { ["FIRST": first, "FREE": free.community, "FREETHEME": free.theme][$0] ?? $0 })
        #expect(r.code == 2, "\(args): \(r.err)")
        #expect(r.err.contains(message), "\(args): \(r.err)")
        #expect(try h.lastAuditID() == before)
    }

    @Test("an ambiguous name lists the candidates and exits 2")
    func ambiguous() throws {
        let h = CLIHarness()
        try h.demo()
        let r = try h.run(["set", "城", "环境卫生", "1"])
        #expect(r.code == 2)
        #expect(r.err.contains("matches"))
        #expect(r.err.contains("街道/小区"))
        #expect(r.err.split(separator: "\n").count > 2)
    }

    @Test("a viewer, or a login that is not an operator, is refused with exit 3")
    func viewerRefused() throws {
        let h = CLIHarness()
        try h.demo()
        let name = try firstCommunity(h)
        let before = try h.lastAuditID()
        // 公益广告 of the first community has no open case (a cell with one answers with the case rule first).
        for login in ["leader", "stranger"] {
            let r = try h.run(["set", name, "公益广告", "0"], login: login)
            #expect(r.code == 3, "\(login): \(r.err)")
            #expect(r.err.contains("viewer"))
        }
        #expect(try h.lastAuditID() == before)
        let clerk = try h.run(["set", name, "公益广告", "7"], login: "lina")
        #expect(clerk.code == 3)
        #expect(clerk.err.contains("clerk"))
    }

    @Test("init makes an empty office database; demo will not overwrite it without --force")
    func initAndProtect() throws {
        let h = CLIHarness()
        let r = try h.run(["init", "--office", "白河县三创办"], login: "chief")
        #expect(r.code == 0, "\(r.err)")
        let tree = try h.run(["tree"])
        #expect(tree.out.contains("白河县三创办"))
        let ops = try h.run(["operator", "list"], login: "chief")
        #expect(ops.out.contains("chief"))
        #expect(ops.out.contains("管理员"))
        let again = try h.run(["init", "--office", "别的"])
        #expect(again.code == 2)
        let demo = try h.run(["demo"])
        #expect(demo.code == 2)
        #expect(demo.err.contains("refusing to overwrite"))
        #expect(try h.run(["tree"]).out.contains("白河县三创办"))
        // Replacing a database is its own admins' decision: someone else's --force is refused and changes nothing.
        let stranger = try h.run(["demo", "--force"])
        #expect(stranger.code == 3)
        #expect(stranger.err.contains("管理员 (admin) may"))
        #expect(try h.run(["tree"]).out.contains("白河县三创办"))
        #expect(try h.run(["demo", "--force"], login: "chief").code == 0)
    }

    @Test("operators: an admin adds and changes them, others may not")
    func operators() throws {
        let h = CLIHarness()
        try h.demo()
        let add = try h.run(["operator", "add", "sunli", "--name", "孙丽", "--role", "clerk"])
        #expect(add.code == 0, "\(add.err)")
        let denied = try h.run(["operator", "add", "x", "--name", "某人", "--role", "admin"], login: "lina")
        #expect(denied.code == 3)
        let promote = try h.run(["operator", "set", "sunli", "--role", "inspector"])
        #expect(promote.code == 0)
        let list = try h.json(["operator", "list", "--json"]) as? [[String: Any]]
        #expect(list?.first { $0["login"] as? String == "sunli" }?["role"] as? String == "inspector")
        let bad = try h.run(["operator", "add", "y", "--name", "某人", "--role", "boss"])
        #expect(bad.code == 2)
    }

    @Test("a corrupt database file gives one message, exit 4, and is left as it was")
    func corruptFile() throws {
        let h = CLIHarness()
        let junk = Data(repeating: 0x42, count: 4096)
        try junk.write(to: URL(fileURLWithPath: h.dbPath))
        let r = try h.run(["tree"])
        #expect(r.code == 4)
        #expect(r.err.contains("not a usable civgrid database") || r.err.contains("not a civgrid database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: h.dbPath)) == junk)
    }

    @Test("two processes writing the same file at once lose nothing")
    func twoProcesses() async throws {
        let h = CLIHarness()
        try h.demo()
        let before = try h.lastAuditID()
        let paths = try communityPaths(h, count: 12)
        await withTaskGroup(of: Int32.self) { group in
            for half in 0..<2 {
                group.addTask {
                    var worst: Int32 = 0
                    for (i, path) in paths.enumerated() where i % 2 == half {
                        let r = try? h.run(["set", path, "公益广告", "2", "--note", "并发测试"])
                        worst = max(worst, r?.code ?? 99)
                    }
                    return worst
                }
            }
            for await code in group { #expect(code == 0) }
        }
        _ = before
        // Every process's problem became a case, each with its own number (the sequence held under contention).
        let cases = try h.json(["case", "list", "--all", "--limit", "100000", "--json"]) as? [[String: Any]] ?? []
        let mine = cases.filter { $0["description"] as? String == "并发测试" }
        #expect(mine.count == paths.count)
        #expect(Set(mine.compactMap { $0["number"] as? String }).count == paths.count)
    }

    @Test("sqlite3 sees WAL mode, an audit row per change, and cannot rewrite the audit",
          .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/sqlite3")))
    func sqlite3View() throws {
        let h = CLIHarness()
        try h.demo()
        let name = try firstCommunity(h)
        #expect(try h.run(["set", name, "公益广告", "不适用"]).code == 0)
        func sqlite(_ sql: String) throws -> (Int32, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            p.arguments = [h.dbPath, sql]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = out
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        #expect(try sqlite("PRAGMA journal_mode").1.contains("wal"))
        #expect(try sqlite("SELECT new_value FROM audit ORDER BY id DESC LIMIT 1").1.contains("na"))
        let update = try sqlite("UPDATE audit SET operator = 'x'")
        #expect(update.0 != 0)
        #expect(update.1.contains("append-only"))
        #expect(try sqlite("DELETE FROM audit").1.contains("append-only"))
    }

    /// The first community of the demo in board order, by its unique 街道/小区 path.
    /// A community path and theme code whose cell has no open case (達标 or 未查), so any status key may be set.
    func freeCell(_ h: CLIHarness, skip: Int = 0) throws -> (community: String, theme: String) {
        var found: [(String, String)] = []
        for path in try communityPaths(h, count: 40) where found.count <= skip {
            let show = try h.json(["show", path, "--json"]) as? [String: Any]
            let cells = (show?["cells"] as? [[String: Any]]) ?? []
            if let free = cells.first(where: { ["ok", "unchecked"].contains($0["status"] as? String ?? "") }), let theme = free["theme"] as? String {
                found.append((path, theme))
            }
        }
        let cell = try #require(found.count > skip ? found[skip] : nil, "a demo cell without open cases")
        return (cell.0, cell.1)
    }

    func firstCommunity(_ h: CLIHarness) throws -> String {
        try communityPaths(h, count: 1)[0]
    }

    func communityPaths(_ h: CLIHarness, count: Int) throws -> [String] {
        let tree = try h.json(["tree", "--depth", "3", "--json"]) as? [String: Any]
        let streets = ((tree?["nodes"] as? [[String: Any]])?.first?["children"] as? [[String: Any]]) ?? []
        var result: [String] = []
        for street in streets {
            let streetName = street["label"] as? String ?? ""
            for c in (street["children"] as? [[String: Any]]) ?? [] where result.count < count {
                if let node = c["node"] as? [String: Any], let name = node["name"] as? String {
                    result.append("\(streetName)/\(name)")
                }
            }
        }
        return result
    }
}
