import Foundation
import Testing

/// Issue 11 §7: Ctrl-\ (SIGQUIT) and Swift's backtracer on an operator's terminal.
@Suite("Quit signal and backtracer under tmux", .serialized, .enabled(if: TmuxHarness.available), .timeLimit(.minutes(2)))
struct SafetyEndToEndTests {
    /// A shell in tmux with the pinned environment minus `drop`, running the console.
    func consoleInShell(dropping drop: String? = nil) throws -> (TmuxHarness, String) {
        let h = try TmuxHarness()
        #expect(try h.cli(["demo"]).code == 0)
        let env = h.environment().filter { drop == nil || !$0.hasPrefix(drop! + "=") }
        try h.start(["/usr/bin/env", "-i"] + env + ["PS1=$ ", "/bin/bash", "--norc", "--noprofile", "-i"])
        try h.waitFor("$")
        try h.type(TmuxHarness.binary)
        try h.keys("Enter")
        try h.waitFor("福梅秋花园")
        let shell = try h.tmux(["list-panes", "-t", "t", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try #require(try h.run("/usr/bin/pgrep", ["-P", shell]).split(separator: "\n").first.map(String.init))
        return (h, child)
    }

    @Test("Ctrl-\\ (SIGQUIT) ends the console like the other signals: exit 131, the terminal sane, no core prompt")
    func sigquit() throws {
        let (h, _) = try consoleInShell()
        try h.keys("C-\\")
        try h.waitUntil("the console to leave the screen") { !$0.contains("civgrid 创城网格") }
        try h.type("echo rc=$? MO''DES=$(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|onlcr)$' | tr '\\n' ' ')")
        try h.keys("Enter")
        try h.waitFor("rc=131 MODES=", seconds: 5)
        let pane = try h.capture()
        let line = pane.split(separator: "\n").first { $0.contains("MODES=") }.map(String.init) ?? ""
        let modes = Set(line.components(separatedBy: "MODES=").last?.split(separator: " ").map(String.init) ?? [])
        #expect(modes == ["onlcr", "icanon", "echo"], "terminal modes after SIGQUIT: \(pane)")
        #expect(!pane.contains("Press space to interact"))
        #expect(!pane.contains("core dumped"))
    }

    @Test("on a terminal civgrid runs with SWIFT_BACKTRACE=interactive=no even when the operator did not set it")
    func backtracerNeverInteractive() throws {
        let (h, child) = try consoleInShell(dropping: "SWIFT_BACKTRACE")
        let environ = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(child)/environ"))
        let variables = environ.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        #expect(variables.contains("SWIFT_BACKTRACE=interactive=no"), "\(variables.filter { $0.hasPrefix("SWIFT") })")
        try h.keys("q")
        try h.waitUntil("the console to exit") { !$0.contains("civgrid 创城网格") }
    }
}
