import Foundation
import Testing

@Suite("walk check|points: the check points file from the command line")
struct WalkCLITests {
    @Test("walk check: the built-in file is fine; a broken file is refused with file:line and exit 2, nothing else printed")
    func check() throws {
        let h = CLIHarness()
        let ok = try h.run(["walk", "check"], login: nil)
        #expect(ok.code == 0 && ok.out.contains("(built in): ok — 11 个主题"), "\(ok.out) \(ok.err)")
        let bad = h.folder.appendingPathComponent("checkpoints.toml").path
        try "[[theme]]\ncode = \"sanitation\"\npoints = [\"路面无垃圾\\u001B[2J\"]\n\n[[theme]]\ncode = \"卫生\"\npoints = [\"x\"]\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try h.run(["walk", "check", bad], login: nil)
        #expect(r.code == 2 && r.out.isEmpty)
        #expect(r.err.contains("\(bad):3: [[theme]] sanitation: point 1 holds the control character U+1B"), "\(r.err)")
        #expect(r.err.contains("\(bad):6: [[theme]] 卫生: unknown theme “卫生”"), "\(r.err)")
        #expect(!r.err.contains("\u{1B}"), "the message never carries the raw escape")
        // The file in force ($XDG_CONFIG_HOME/civgrid/checkpoints.toml) is what walk mode reads: a broken one is named.
        let config = h.folder.appendingPathComponent("cfg/civgrid")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: bad, toPath: config.appendingPathComponent("checkpoints.toml").path)
        let inForce = try h.run(["walk", "points"], login: nil, extraEnv: ["XDG_CONFIG_HOME": h.folder.appendingPathComponent("cfg").path])
        #expect(inForce.code == 2 && inForce.err.contains("cfg/civgrid/checkpoints.toml:3:"), "\(inForce.err)")
        let missing = try h.run(["walk", "check", "/nonexistent/c.toml"], login: nil)
        #expect(missing.code == 2 && missing.err.contains("no check points file at /nonexistent/c.toml"))
    }

    @Test("walk points: one theme by code or Chinese name, numbered as walk mode shows it; an unknown theme lists the themes")
    func points() throws {
        let h = CLIHarness()
        try h.demo()
        let toilet = try h.run(["walk", "points", "公厕保洁"])
        #expect(toilet.code == 0)
        #expect(toilet.lines.first == "公厕保洁 (toilet_cleaning)" && toilet.lines[1].hasPrefix("  1. 六有"), "\(toilet.out)")
        let all = try h.run(["walk", "points"])
        #expect(all.code == 0 && all.out.contains("飞线充电 (flying_leads)") && all.out.contains("市场秩序 (market_order)"))
        let unknown = try h.run(["walk", "points", "卫生"])
        #expect(unknown.code == 2 && unknown.err.contains("no theme “卫生”") && unknown.err.contains("sanitation (环境卫生)"), "\(unknown.err)")
    }
}
