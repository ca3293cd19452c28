import Foundation
import Testing

/// Walk mode in the built binary on a real terminal (tmux) the size of a phone held upright.
@Suite("Walk mode end to end under tmux", .serialized, .enabled(if: TmuxHarness.available), .timeLimit(.minutes(2)))
struct WalkEndToEndTests {
    @Test("40×20 on TERM=vt100 without colours: W, a round, a site, 1 — the inspection is in the round after quitting")
    func walkOnAPhone() throws {
        let h = try TmuxHarness()
        #expect(try h.cli(["demo"]).code == 0)
        #expect(try h.cli(["round", "add", "--name", "手机巡检", "--kind", "joint_supervision", "--declared-sites"]).code == 0)
        #expect(try h.cli(["round", "start", "手机巡检"]).code == 0)
        try h.startConsole(term: "vt100", extra: ["NO_COLOR": "1"], width: 40, height: 20)
        try h.waitFor("小区/点位")
        try h.keys("W")
        try h.waitFor("pick a round")
        // Rounds are listed newest first: ours is on top.
        #expect(try h.capture().split(separator: "\n")[3].contains("手机巡检"))
        try h.keys("Enter")
        try h.waitFor("点位 0/")
        try h.keys("Enter")
        try h.waitFor("检查要点")
        // A theme whose open cases refuse 达标 is skipped; the first that takes it is recorded.
        var recorded = false
        for _ in 0..<8 where !recorded {
            try h.keys("1")
            try h.waitUntil("a result or a refusal") { $0.contains("已记录") || $0.contains("未记录") }
            recorded = try h.capture().contains("已记录")
            if !recorded { try h.keys("Space") }
        }
        #expect(recorded)
        try h.waitFor("格 1/")
        try h.keys("q")
        try h.waitUntil("the console to leave") { !$0.contains("civgrid 创城网格") }
        let shown = try h.cli(["round", "show", "手机巡检"])
        #expect(shown.code == 0 && shown.out.contains("覆盖 1/"), "\(shown.out)")
    }
}
