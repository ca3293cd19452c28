import Foundation
import Testing

/// The built binary in a real terminal (tmux), with a pinned LANG, TERM, TZ, clock and a temporary database.
@Suite("Console end to end under tmux", .serialized, .enabled(if: TmuxHarness.available), .timeLimit(.minutes(2)))
struct ConsoleEndToEndTests {
    func demo(_ h: TmuxHarness) throws {
        #expect(try h.cli(["demo"]).code == 0)
    }

    /// A demo county with the console open on its board.
    func consoleOnDemo() throws -> TmuxHarness {
        let h = try TmuxHarness()
        try demo(h)
        try h.startConsole()
        try h.waitFor("公益  环境")
        return h
    }

    /// A demo county with an interactive shell that has started the console in the foreground.
    func consoleInShell() throws -> TmuxHarness {
        let h = try TmuxHarness()
        try demo(h)
        try h.startShell()
        try h.waitFor("$")
        try h.type(TmuxHarness.binary)
        try h.keys("Enter")
        try h.waitFor("福梅秋花园")
        return h
    }

    @Test("open, drill down, change a status with one key, quit, reopen: the change and its audit row are there")
    func changeSurvivesRestart() throws {
        let h = try consoleOnDemo()
        try h.keys("Tab")
        try h.waitFor("案件队列")
        try h.keys("Tab")
        try h.waitFor("统计与排名")
        try h.keys("Tab")
        try h.waitFor("城关县三创办")
        try h.keys("Enter")
        try h.waitFor("城关镇 ")
        try h.keys("Enter")
        try h.waitFor("逾1 问2 改2")
        try h.keys("h", "b")
        try h.waitFor("网格 · 城关镇")
        try h.keys("7")
        try h.waitFor("已保存")
        try h.keys("q")
        try h.waitUntil("the console to exit") { !$0.contains("civgrid 创城网格") }
        let log = try h.cli(["log", "--limit", "1", "--json"]).out
        #expect(log.contains("\"source\" : \"console\""))
        #expect(log.contains("\"new\" : \"na\""))
        #expect(log.contains("\"operator\" : \"admin\""))
        let again = try TmuxHarness(sharing: h)
        try again.startConsole()
        try again.waitUntil("the first cell to read 不适") { pane in
            pane.split(separator: "\n").first { $0.dropFirst().hasPrefix("福梅秋花园") }?.contains("不适") == true
        }
    }

    @Test("another process's change appears within a second without a key press")
    func liveRefresh() throws {
        let h = try consoleOnDemo()
        #expect(try h.cli(["set", "城关镇/福梅秋花园", "公益广告", "不适用"]).code == 0)
        try h.waitUntil(seconds: 1.5, "the change by another process") { pane in
            pane.split(separator: "\n").first { $0.dropFirst().hasPrefix("福梅秋花园") }?.contains("不适") == true
        }
        try h.keys("q")
    }

    @Test("on PostgreSQL, another process's change appears within a second without a key press (LISTEN/NOTIFY)",
          .enabled(if: ProcessInfo.processInfo.environment["CIVGRID_TEST_PG"].map { !$0.isEmpty } ?? false))
    func liveRefreshOnPostgres() throws {
        let server = try #require(ProcessInfo.processInfo.environment["CIVGRID_TEST_PG"])
        let socket = try server.hasPrefix("host=") ? String(server.dropFirst(5)) : #require(server.components(separatedBy: "host=").last)
        let name = "civgrid_e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let h = try TmuxHarness()
        let maintenance = "postgresql:///postgres?host=\(socket)"
        _ = try h.run("/usr/bin/psql", ["-q", maintenance, "-c", "CREATE DATABASE \(name)"])
        defer { _ = try? h.run("/usr/bin/psql", ["-q", maintenance, "-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"]) }
        h.address = "postgresql:///\(name)?host=\(socket)"
        try demo(h)
        try h.startConsole()
        try h.waitFor("公益  环境", seconds: 15)
        #expect(try h.cli(["set", "城关镇/福梅秋花园", "公益广告", "不适用"]).code == 0)
        try h.waitUntil(seconds: 1.5, "the change by another process, announced by NOTIFY") { pane in
            pane.split(separator: "\n").first { $0.dropFirst().hasPrefix("福梅秋花园") }?.contains("不适") == true
        }
        try h.keys("q")
    }

    @Test("resize to 40×12, below the minimum, and back: the layout follows and nothing is left over")
    func resize() throws {
        let h = try consoleOnDemo()
        try h.tmux(["resize-window", "-t", "t", "-x", "40", "-y", "12"])
        try h.waitFor("公 环 垃")
        try h.tmux(["resize-window", "-t", "t", "-x", "30", "-y", "10"])
        try h.waitFor("终端太小")
        try h.tmux(["resize-window", "-t", "t", "-x", "80", "-y", "24"])
        try h.waitFor("公益  环境")
        let pane = try h.capture()
        #expect(!pane.contains("终端太小"))
        #expect(pane.split(separator: "\n").count >= 23)
        try h.keys("q")
    }

    @Test("Ctrl-Z suspends to the shell and fg resumes with a full repaint")
    func suspendResume() throws {
        let h = try consoleInShell()
        try h.keys("C-z")
        try h.waitFor("Stopped")
        try h.type("fg")
        try h.keys("Enter")
        try h.waitFor("福梅秋花园")
        try h.keys("j", "q")
        try h.waitUntil("the shell prompt") { !$0.contains("civgrid 创城网格") }
    }

    @Test("TERM=vt100 and NO_COLOR work; TERM=dumb is refused with exit 2")
    func terminals() throws {
        let h = try TmuxHarness()
        try demo(h)
        try h.startConsole(term: "vt100", extra: ["NO_COLOR": "1"])
        try h.waitFor("福梅秋花园")
        try h.keys("?")
        try h.waitFor("帮助")
        try h.keys("Escape")
        try h.waitFor("福梅秋花园")
        try h.keys("q")
        let dumb = try TmuxHarness()
        try demo(dumb)
        try dumb.startShell(term: "dumb")
        try dumb.waitFor("$")
        try dumb.type("\(TmuxHarness.binary); echo rc=$?")
        try dumb.keys("Enter")
        try dumb.waitFor("rc=2")
        #expect(try dumb.capture().contains("TERM is “dumb”"))
    }

    @Test("SIGTERM ends the console cleanly and leaves a sane terminal")
    func sigterm() throws {
        let h = try consoleInShell()
        let shell = try h.tmux(["list-panes", "-t", "t", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try #require(try h.run("/usr/bin/pgrep", ["-P", shell]).split(separator: "\n").first.map(String.init))
        _ = try h.run("/bin/kill", ["-TERM", child])
        try h.waitUntil("the console to leave the screen") { !$0.contains("civgrid 创城网格") }
        // The marker is split in the typed command so only the output line contains it whole.
        try h.type("echo rc=$? MO''DES=$(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|onlcr)$' | tr '\\n' ' ')")
        try h.keys("Enter")
        try h.waitFor("rc=143 MODES=", seconds: 5)
        let pane = try h.capture()
        let line = pane.split(separator: "\n").first { $0.contains("MODES=") }.map(String.init) ?? ""
        let modes = Set(line.components(separatedBy: "MODES=").last?.split(separator: " ").map(String.init) ?? [])
        #expect(modes == ["onlcr", "icanon", "echo"], "terminal modes after SIGTERM: \(pane)")
        #expect(!pane.contains("-icanon") && !pane.contains("-echo ") && !pane.contains("-onlcr"))
        #expect(!pane.contains("civgrid 创城网格"), "the screen was left")
    }
}

@Suite("Case lifecycle end to end under tmux", .serialized, .enabled(if: TmuxHarness.available), .timeLimit(.minutes(2)))
struct CaseEndToEndTests {
    @Test("record a problem on site with 2, dispatch, start, submit and verify it in the console; the cell follows")
    func onSite() throws {
        let h = try TmuxHarness()
        #expect(try h.cli(["demo"]).code == 0)
        try h.startConsole()
        try h.waitFor("公益  环境")
        try h.keys("2")
        try h.waitFor("上报问题")
        try h.type("公益广告破损")
        try h.keys("Enter")
        try h.waitFor("已上报案件")
        let number = try #require(try h.capture().split(separator: "\n").first { $0.contains("已上报案件") }
            .flatMap { line in line.split(separator: " ").first { $0.hasPrefix("2026-") } }.map { String($0.prefix(9)) })
        try h.keys("Tab")
        try h.waitFor("案件队列")
        try h.keys("G")
        for (key, state) in [("r", "已立案"), ("a", "已交办"), ("w", "整改中"), ("t", "待复核"), ("v", "已结案")] {
            try h.keys(key)
            try h.waitFor("→ \(state)")
        }
        try h.keys("q")
        try h.waitUntil("the console to exit") { !$0.contains("civgrid 创城网格") }
        let shown = try h.cli(["case", "show", number])
        #expect(shown.out.contains("已结案"), "\(shown.out)")
        #expect(shown.out.contains("verify"))
        let cell = try h.cli(["show", "城关镇/福梅秋花园", "--json"]).out
        #expect(cell.contains("\"theme\" : \"public_ads\""))
    }
}
