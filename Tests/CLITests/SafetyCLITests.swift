import Foundation
import Testing

/// Issue 11 §4, §5, §7: terminal-safe output, text refused at entry, CSV injection, safe output files, busy.
@Suite("civgrid output is terminal-safe and its files are safe to open", .serialized,
       .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/sqlite3")))
struct SafetyCLITests {
    /// Every code a terminal acts on except NUL (which SQLite text and file names cannot carry; the
    /// sanitiser's own tests cover it): C0, DEL, C1, bidi controls and marks, line/paragraph separators.
    static let codes: [UInt32] = Array(0x01...0x1F) + [0x7F] + Array(0x80...0x9F)
        + [0x061C, 0x200E, 0x200F, 0x2028, 0x2029] + Array(0x202A...0x202E) + Array(0x2066...0x2069)
    /// The same as an SQL expression.
    static let evilSQL = "char(" + codes.map(String.init).joined(separator: ",") + ")"
    static let evil = String(String.UnicodeScalarView(codes.compactMap(Unicode.Scalar.init)))

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x09: false
        case 0x00..<0x20, 0x7F..<0xA0, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// No raw control character other than line feed and tab in stdout or stderr.
    func expectSafe(_ r: CLIHarness.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        // CSV lines end in CRLF; a CR anywhere else is raw.
        for (name, text) in [("stdout", r.out.replacingOccurrences(of: "\r\n", with: "\n")), ("stderr", r.err)] {
            let bad = text.unicodeScalars.filter(SafetyCLITests.isUnsafe)
            #expect(bad.isEmpty, "\(what): \(name) holds raw \(bad.prefix(5).map { "U+" + String($0.value, radix: 16) })",
                    sourceLocation: sourceLocation)
        }
    }

    @discardableResult
    func sqlite(_ db: String, _ sql: String) throws -> String { try CLIHarness.sqlite3(db, sql, trimming: .newlines) }

    func write(_ h: CLIHarness, _ name: String, _ text: String) throws -> String {
        let path = h.folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("every control code in names, notes and descriptions reaches no printing command raw")
    func everyCommand() throws {
        let h = CLIHarness()
        try h.demo()
        // Old data written before the entry rules (or by hand): hostile text in every kind of name and note.
        let e = SafetyCLITests.evilSQL
        try sqlite(h.dbPath, """
            UPDATE office SET name = name || \(e);
            UPDATE street SET name = name || \(e) WHERE id = (SELECT min(id) FROM street);
            UPDATE community SET name = name || \(e) WHERE id = (SELECT min(id) FROM community);
            UPDATE unit SET name = name || \(e);
            UPDATE property SET name = name || \(e);
            UPDATE operator SET name = name || \(e);
            UPDATE cell SET note = 'note' || \(e) WHERE community_id = (SELECT min(id) FROM community);
            UPDATE case_record SET description = description || \(e), location = \(e);
            """)
        let community = try sqlite(h.dbPath, "SELECT name FROM community WHERE id = (SELECT min(id) FROM community)")
        #expect(community.unicodeScalars.contains("\u{1B}"), "the hostile name is in the database")
        let number = try sqlite(h.dbPath, "SELECT printf('%d-%04d', year, seq) FROM case_record ORDER BY id LIMIT 1")
        let open = try sqlite(h.dbPath, "SELECT printf('%d-%04d', year, seq) FROM case_record WHERE state IN ('assigned', 'rectifying') AND escalated = 0 ORDER BY id LIMIT 1")
        let unit = try sqlite(h.dbPath, "SELECT name FROM unit ORDER BY id LIMIT 1")
        let tree = try h.run(["tree", "--depth", "5"])
        #expect(tree.out.contains("␚␛␜") && tree.out.contains("\\u{9B}"), "hostile names are shown visibly")
        let runs: [[String]] = [
            ["tree"], ["tree", "--depth", "5"], ["tree", "--json"], ["show", community], ["show", community, "--json"],
            ["log", "--limit", "200"], ["log", "--community", community], ["log", "--json", "--limit", "50"],
            ["stats"], ["stats", "--by", "street"], ["stats", "--by", "community"], ["stats", "--by", "unit"], ["stats", "--by", "property"],
            ["stats", "--json"],
            ["report", "--format", "txt"], ["report", "--format", "md"], ["report", "--format", "html"],
            ["case", "list"], ["case", "list", "--json"], ["case", "show", number], ["case", "show", number, "--json"],
            ["notice", "--from", "2026-10-01", "--to", "2026-11-30", "--preview"],
            ["notice", "--from", "2026-10-01", "--to", "2026-11-30", "--preview", "--format", "md"],
            ["notice", "--from", "2026-10-01", "--to", "2026-11-30", "--preview", "--format", "csv"],
            ["rank", "--period", "2026-11"], ["rank", "--period", "2026-Q4", "--by", "property"], ["rank", "--period", "2026", "--json"],
            ["operator", "list"], ["operator", "list", "--json"],
            ["export", "--kind", "communities", "--format", "json"], ["export", "--kind", "cells", "--format", "json"],
            ["set", community, "公益", "ok"], ["set", community, "公益", "ok"], ["set", community, "环境", "有问题", "--note", "脏乱"],
            ["assign", community, unit, "--role", "support", "--no-property"], ["case", "move", open, "escalate"], ["case", "show", open],
            ["show", "没有" + SafetyCLITests.evil], ["set", community, "公益", "有问题\u{1B}[2J"],
            ["case", "show", "2026-9999" + SafetyCLITests.evil],
        ]
        for args in runs {
            let r = try h.run(args)
            #expect(r.code == 0 || args.contains { $0.contains("\u{1B}") && $0 != community }, "\(args.prefix(2)) exited \(r.code): \(r.err)")
            expectSafe(r, args.prefix(3).joined(separator: " "))
        }
        // An import of a hostile file — its name, its header and its rows — on a dry run and for real.
        let sheet = "小区名称,所属街道,备注\n\"好小区\(SafetyCLITests.evil)\",城关街道,x\n正常小区,\"城关街道\(SafetyCLITests.evil)\",\n"
        let file = try write(h, "evil\u{1B}]0;pwned\u{07}\u{9B}.csv", sheet)
        for args in [["import", file, "--dry-run"], ["import", file], ["import", file, "--verbose", "--dry-run"]] {
            let r = try h.run(args)
            #expect(r.code == 2, "every row is rejected, so the import exits non-zero: \(r.err)")
            #expect(r.out.contains("rejected 2"), "\(r.out)")
            expectSafe(r, args.joined(separator: " "))
        }
    }

    @Test("names, notes, descriptions and operator names with control characters or too long are refused, exit 2")
    func refusedAtEntry() throws {
        let h = CLIHarness()
        try h.demo()
        let community = try sqlite(h.dbPath, "SELECT name FROM community ORDER BY id LIMIT 1")
        let before = try h.lastAuditID()
        let attempts: [[String]] = [
            ["set", community, "公益", "ok", "--note", "x\u{1B}]52;c;QUFB\u{07}"],
            ["set", community, "公益", "ok", "--note", String(repeating: "长", count: 2_001)],
            ["case", "add", community, "公益", "--desc", "破损\u{9B}2J"],
            ["case", "add", community, "公益", "--desc", String(repeating: "长", count: 2_001)],
            ["operator", "add", "zhang", "--name", "张\u{202E}三", "--role", "clerk"],
            ["operator", "add", "zhang", "--name", String(repeating: "张", count: 101), "--role", "clerk"],
        ]
        for args in attempts {
            let r = try h.run(args)
            #expect(r.code == 2, "\(args.prefix(2)): \(r.code) \(r.err)")
            expectSafe(r, args.prefix(2).joined(separator: " "))
        }
        #expect(try h.lastAuditID() == before, "nothing was written")
        let fine = try h.run(["set", community, "公益", "ok", "--note", "第一行\n第二行"])
        #expect(fine.code == 0, "a note may span lines: \(fine.err)")
        let other = CLIHarness()
        #expect(try other.run(["init", "--office", "城关\u{1B}[2J县"]).code == 2)
    }

    @Test("CSV export neutralises formula cells with ' and imports back unchanged")
    func csvInjection() throws {
        let h = CLIHarness()
        #expect(try h.run(["init", "--office", "城关县三创办"]).code == 0)
        let sheet = "小区名称,所属街道,地址,备注\n=HYPERLINK(\"http://x\";\"点我\"),城关街道,@SUM(1),-2+3\n'-已转义,城关街道,-,-5\n"
        let file = try write(h, "in.csv", sheet)
        let imported = try h.run(["import", file])
        #expect(imported.code == 0, "\(imported.err)")
        let export = h.folder.appendingPathComponent("out.csv").path
        #expect(try h.run(["export", "--kind", "communities", "-o", export]).code == 0)
        let text = try String(contentsOfFile: export, encoding: .utf8)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"点我\"\")\""), "\(text)")
        #expect(text.contains(",'@SUM(1),'-2+3,"), "\(text)")
        #expect(text.contains(",-,-5,"), "a lone - and a plain number are left alone: \(text)")
        #expect(!text.split(separator: "\r\n").contains { line in line.split(separator: ",").contains { ["=", "+", "@"].contains($0.first) } })
        // Round trip into an empty database.
        let other = CLIHarness()
        #expect(try other.run(["init", "--office", "城关县三创办"]).code == 0)
        #expect(try other.run(["import", export]).code == 0)
        let names = (try other.json(["export", "--kind", "communities", "--format", "json"]) as? [[String: Any]])?.compactMap { $0["community"] as? String }
        #expect(Set(names ?? []) == ["=HYPERLINK(\"http://x\";\"点我\")", "-已转义"])
        let again = (try other.json(["export", "--kind", "communities", "--format", "json"]) as? [[String: Any]])?.compactMap { $0["note"] as? String }
        #expect(Set(again ?? []) == ["-2+3", "-5"])
    }

    @Test("the Markdown report escapes HTML and Markdown in names; HTML escapes too")
    func markdownReport() throws {
        let h = CLIHarness()
        #expect(try h.run(["init", "--office", "城关县三创办"]).code == 0)
        let file = try write(h, "in.csv", "小区名称,所属街道\n阳光小区,<script>alert(1)</script>|*x*\n")
        #expect(try h.run(["import", file]).code == 0)
        let md = try h.run(["report", "--format", "md"])
        #expect(md.code == 0)
        #expect(!md.out.contains("<script>"), "\(md.out)")
        #expect(md.out.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;\\|\\*x\\*"), "\(md.out)")
        #expect(!(try h.run(["report", "--format", "html"]).out.contains("<script>")))
        // A notice in Markdown escapes what people wrote the same way.
        let c = try h.run(["case", "add", "阳光小区", "公益", "--desc", "<img src=x onerror=alert(1)> 破损"])
        #expect(c.code == 0, "\(c.err)")
        let notice = try h.run(["notice", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "md", "--preview"])
        #expect(notice.out.contains("&lt;img src=x onerror=alert\\(1\\)&gt;"), "\(notice.out)")
        #expect(!notice.out.contains("<img") && !notice.out.contains("<script>"))
    }

    @Test("no output file is written through a symbolic link; files are 0660; rejected files keep the input's extension")
    func safeFiles() throws {
        let h = CLIHarness()
        try h.demo()
        let victim = h.folder.appendingPathComponent("victim.txt").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
        func link(_ name: String, to target: String) throws -> String {
            let path = h.folder.appendingPathComponent(name).path
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
            return path
        }
        let planted = try link("out.csv", to: victim)
        for args in [["export", "--kind", "communities", "-o", planted], ["report", "-o", planted],
                     ["notice", "--from", "2026-11-01", "--to", "2026-11-30", "--preview", "-o", planted]] {
            let r = try h.run(args)
            #expect(r.code == 2, "\(args[0]): \(r.err)")
            #expect(r.err.contains("symbolic link"), "\(r.err)")
        }
        let dangling = try link("b.sqlite", to: h.folder.appendingPathComponent("elsewhere.sqlite").path)
        let backup = try h.run(["backup", "-o", dangling])
        #expect(backup.code == 2, "\(backup.err)")
        #expect(!FileManager.default.fileExists(atPath: h.folder.appendingPathComponent("elsewhere.sqlite").path))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep", "the link's target is untouched")
        // Rejected rows: x.tsv and x.txt get their own files; a planted link there is refused before importing.
        let tsv = try write(h, "x.tsv", "小区名称\t所属街道\n\t城关街道\n")
        let txt = try write(h, "x.txt", "小区名称\t所属街道\n甲\t\n")
        // Every row rejected: non-zero exit, and the rejected rows are still written beside the input.
        #expect(try h.run(["import", tsv]).code != 0)
        #expect(try h.run(["import", txt]).code != 0)
        let tsvRejected = try String(contentsOfFile: tsv + ".rejected.csv", encoding: .utf8)
        let txtRejected = try String(contentsOfFile: txt + ".rejected.csv", encoding: .utf8)
        #expect(tsvRejected.contains("小区名称 (community name) is empty"))
        #expect(txtRejected.contains("所属街道 (street) is empty"))
        let csv = try write(h, "y.csv", "小区名称,所属街道\n,城关街道\n")
        _ = try link("y.csv.rejected.csv", to: victim)
        let before = try h.lastAuditID()
        let refused = try h.run(["import", csv])
        #expect(refused.code == 2 && refused.err.contains("symbolic link"), "\(refused.err)")
        #expect(try h.lastAuditID() == before)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
        // Modes: group-readable and writable, nothing for others.
        let out = h.folder.appendingPathComponent("real.csv").path
        #expect(try h.run(["export", "--kind", "cells", "-o", out]).code == 0)
        #expect(try h.run(["export", "--kind", "cells", "-o", out]).code == 0, "an ordinary file is replaced")
        let report = h.folder.appendingPathComponent("r.md").path
        #expect(try h.run(["report", "-o", report]).code == 0)
        let copy = h.folder.appendingPathComponent("copy.sqlite").path
        #expect(try h.run(["backup", "-o", copy]).code == 0)
        #expect(try h.run(["backup", "-o", copy]).code == 2, "a backup never overwrites")
        for path in [out, report, copy, tsv + ".rejected.csv"] {
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o660, "\(path): \(String(mode ?? 0, radix: 8))")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: h.folder.path).filter { $0.contains(".civgrid-") }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }

    @Test("tables written to a file or pipe are not cut with …")
    func fullTables() throws {
        let h = CLIHarness()
        try h.demo()
        let community = try sqlite(h.dbPath, "SELECT name FROM community ORDER BY id LIMIT 1")
        let note = "整改说明" + String(repeating: "很长的说明文字", count: 20) + "结尾"
        #expect(try h.run(["set", community, "公益", "ok", "--note", note]).code == 0)
        let log = try h.run(["log", "--limit", "5"])
        #expect(log.out.contains(note), "\(log.out)")
        let show = try h.run(["show", community])
        #expect(show.out.contains(note))
    }

    @Test("a writer blocked past the busy timeout exits 5, busy, try again; nothing is written", .timeLimit(.minutes(1)))
    func busy() throws {
        let h = CLIHarness()
        try h.demo()
        let community = try sqlite(h.dbPath, "SELECT name FROM community ORDER BY id LIMIT 1")
        let before = try h.lastAuditID()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [h.dbPath]
        let input = Pipe(), output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'held';\n".utf8))
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("held") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        let r = try h.run(["set", community, "公益", "ok", "--note", "blocked"])
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(r.code == 5, "\(r.code) \(r.err)")
        #expect(r.err.contains("busy") && r.err.contains("try again"), "\(r.err)")
        #expect(try h.lastAuditID() == before)
        #expect(try h.run(["set", community, "公益", "ok", "--note", "later"]).code == 0, "once free, the same command works")
    }
}
