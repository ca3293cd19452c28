import Foundation
import GridCore
import Testing

/// `civgrid case attach | attachment | show` and the photos in HTML documents, through the built binary.
@Suite("civgrid case attach", .serialized)
struct AttachmentCLITests {
    /// A new case on a free cell of 楼道与消防通道 (whose verification needs an after-photo in the shipped evidence.toml),
    /// walked to 待复核; returns its number.
    func submitted(_ h: CLIHarness) throws -> String {
        var community = ""
        for path in try CLITests().communityPaths(h, count: 40) where community.isEmpty {
            let cells = ((try h.json(["show", path, "--json"]) as? [String: Any])?["cells"] as? [[String: Any]]) ?? []
            if cells.contains(where: { $0["theme"] as? String == "corridors" && ["ok", "unchecked"].contains($0["status"] as? String ?? "") }) {
                community = path
            }
        }
        #expect(!community.isEmpty, "a demo community whose 楼道与消防通道 cell is free")
        let add = try h.run(["case", "add", community, "楼道与消防通道", "--desc", "楼道堆放杂物 <b>三单元</b>", "--class", "days3"])
        #expect(add.code == 0, "\(add.err)")
        let number = String(add.out.split(separator: " ")[1].dropLast())
        for step in ["register", "assign", "start", "submit"] {
            #expect(try h.run(["case", "move", number, step]).code == 0)
        }
        return number
    }

    func write(_ h: CLIHarness, _ name: String, _ bytes: [UInt8]) -> String {
        let path = h.folder.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @Test("attach before and after photos, list them, verify; the hash is in the case event; a photo comes back out byte for byte")
    func lifecycle() throws {
        let h = CLIHarness()
        try h.demo()
        let number = try submitted(h)
        let refused = try h.run(["case", "move", number, "verify"], login: "zhangwei")
        #expect(refused.code == 2)
        #expect(refused.err.contains("civgrid case attach \(number) PHOTO --kind after"), "\(refused.err)")
        let before = write(h, "楼道 整改前.png", DemoPhotos.png(kind: .before, seed: 11))
        let after = write(h, "after.png", DemoPhotos.png(kind: .after, seed: 11))
        let attached = try h.run(["case", "attach", number, before, "--kind", "before", "--note", "三单元东侧"])
        #expect(attached.code == 0, "\(attached.err)")
        #expect(attached.out.contains("#1 整改前 PNG"), "\(attached.out)")
        // Without --kind, a case awaiting re-check takes an after-photo.
        let second = try h.run(["case", "attach", number, after])
        #expect(second.out.contains("#2 整改后"), "\(second.out)")
        let shown = try h.run(["case", "show", number])
        #expect(shown.out.contains("附件 attachments"))
        #expect(shown.out.contains("楼道 整改前.png — 三单元东侧"))
        let json = try #require(try h.json(["case", "show", number, "--json"]) as? [String: Any])
        let list = try #require(json["attachments"] as? [[String: Any]])
        #expect(list.map { $0["kind"] as? String } == ["before", "after"])
        let digest = ContentDigest.of(DemoPhotos.png(kind: .after, seed: 11)).hex
        #expect(list[1]["sha256"] as? String == digest)
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.contains { ($0["reason"] as? String)?.contains("sha256:\(digest)") == true }, "the digest is on the chained event")
        let out = h.folder.appendingPathComponent("out.png").path
        #expect(try h.run(["case", "attachment", number, "2", "-o", out]).code == 0)
        #expect(FileManager.default.contents(atPath: out) == Data(DemoPhotos.png(kind: .after, seed: 11)))
        #expect(try h.run(["case", "attachment", number, "3", "-o", out + "2"]).code == 2)
        #expect(try h.run(["case", "move", number, "verify"], login: "zhangwei").code == 0)
        #expect(try h.run(["check"]).code == 0)
    }

    @Test("hostile files are refused with what, where and how to fix, and nothing is written", arguments: [
        "elf", "html", "empty", "fifo", "symlink", "folder", "oversized", "control", "duplicate", "viewer",
    ])
    func refusals(what: String) throws {
        let h = CLIHarness()
        try h.demo()
        let number = try submitted(h)
        let good = write(h, "ok.png", DemoPhotos.png(kind: .before, seed: 2))
        var args = ["case", "attach", number]
        var login = "admin"
        var expected = ""
        switch what {
        case "elf":
            args.append(write(h, "photo.jpg", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 64)))
            expected = "an ELF program, whatever its name says"
        case "html":
            args.append(write(h, "photo.jpeg", Array("<!DOCTYPE html><script>alert(1)</script>".utf8)))
            expected = "HTML"
        case "empty":
            args.append(write(h, "空.png", []))
            expected = "is empty (0 bytes)"
        case "fifo":
            let path = h.folder.appendingPathComponent("pipe.jpg").path
            #expect(mkfifo(path, 0o600) == 0)
            args.append(path)
            expected = "is a pipe (FIFO)"
        case "symlink":
            let path = h.folder.appendingPathComponent("link.png").path
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: good)
            args.append(path)
            expected = "is a symbolic link"
        case "folder":
            args.append(h.folder.path)
            expected = "is a folder"
        case "oversized":
            args.append(write(h, "big.jpg", [0xFF, 0xD8, 0xFF] + Array(repeating: 0, count: 10 * 1024 * 1024)))
            expected = "over the limit of 10 MB per file"
        case "control":
            args.append(write(h, "整改\u{07}前.png", DemoPhotos.png(kind: .before, seed: 3)))
            expected = "U+0007"
        case "duplicate":
            #expect(try h.run(["case", "attach", number, good]).code == 0)
            args.append(write(h, "copy-of-ok.png", DemoPhotos.png(kind: .before, seed: 2)))
            expected = "is already attached to case \(number) as #1"
        default:
            args.append(good)
            login = "leader"
            expected = "may not"
        }
        let events = try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM case_event")
        // A good file first: all or none, so it is not kept either.
        let r = try h.run(what == "duplicate" || what == "viewer" ? args : args + [good], login: login)
        #expect(r.code == (what == "viewer" ? 3 : 2), "\(what): \(r.err)")
        #expect(r.err.contains(expected), "\(what): \(r.err)")
        #expect(!r.err.contains("\u{07}"), "the terminal never gets the control character")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM case_event") == events, "nothing written")
    }

    @Test("a CJK file name is kept; in the HTML notice and report, names and notes are escaped and photos embedded from their bytes")
    func htmlEscaping() throws {
        let h = CLIHarness()
        try h.demo()
        let number = try submitted(h)
        let photo = write(h, "<img src=x onerror=alert(1)>整改后.png", DemoPhotos.png(kind: .after, seed: 21))
        #expect(try h.run(["case", "attach", number, photo, "--kind", "after", "--note", "\"><script>bad()</script>"]).code == 0)
        let notice = h.folder.appendingPathComponent("notice.html").path
        let r = try h.run(["notice", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "html", "--preview", "-o", notice])
        #expect(r.code == 0, "\(r.err)")
        let html = try String(contentsOfFile: notice, encoding: .utf8)
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;整改后.png"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>三单元</b>"), "the case description is escaped too")
        #expect(html.contains("data:image/png;base64,\(Data(DemoPhotos.png(kind: .after, seed: 21)).base64EncodedString())"))
        let report = h.folder.appendingPathComponent("report.html").path
        #expect(try h.run(["report", "--format", "html", "-o", report]).code == 0)
        let page = try String(contentsOfFile: report, encoding: .utf8)
        #expect(page.contains("整改前后对比"))
        #expect(page.contains("data:image/png;base64,"))
        #expect(!page.contains("<img src=x"))
    }

    @Test("bytes swapped behind civgrid's back are found by check (exit 4) and refused by case attachment")
    func tampering() throws {
        let h = CLIHarness()
        try h.demo()
        let number = try submitted(h)
        let png = DemoPhotos.png(kind: .after, seed: 31)
        #expect(try h.run(["case", "attach", number, write(h, "a.png", png)]).code == 0)
        let digest = ContentDigest.of(png).hex
        try CLIHarness.sqlite3(h.dbPath, """
            DROP TRIGGER attachment_blob_no_update;
            UPDATE attachment_blob SET bytes = x'89504e470d0a1a0a0000000d49484452' WHERE sha256 = '\(digest)';
            """)
        let check = try h.run(["check"])
        #expect(check.code == 4)
        #expect(check.out.contains("case \(number) #1") && check.out.contains("no longer matches the hash"), "\(check.out)")
        let out = try h.run(["case", "attachment", number, "1", "-o", h.folder.appendingPathComponent("x.png").path])
        #expect(out.code == 4, "\(out.err)")
    }
}
