import Foundation
import Testing

/// The one door through the binary: the command line obeys the same permission table and cell/case rule as the console.
@Suite("civgrid command line: one door for every change", .serialized)
struct OneDoorCLITests {
    /// `已上报案件 2026-0123` → `2026-0123`.
    func caseNumber(_ out: String) throws -> String {
        let range = try #require(out.range(of: #"已上报案件 \d{4}-\d{4,}"#, options: .regularExpression))
        return String(out[range].dropFirst("已上报案件 ".count))
    }

    @Test("a key on a cell with an open case moves the case or is refused naming it; a clerk may not verify")
    func statusKeysFollowCases() throws {
        let h = CLIHarness()
        try h.demo()
        let (community, theme) = try CLITests().freeCell(h)
        let recorded = try h.run(["set", community, theme, "有问题", "--note", "绿化带垃圾", "--class", "immediate"])
        #expect(recorded.code == 0, "\(recorded.err)")
        let number = try caseNumber(recorded.out)
        for step in ["register", "assign", "start"] {
            let r = try h.run(["case", "move", number, step])
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        let before = try h.lastAuditID()
        let wrongKey = try h.run(["set", community, theme, "1"])
        #expect(wrongKey.code == 2)
        #expect(wrongKey.err.contains("\(number) 整改中"), "\(wrongKey.err)")
        #expect(wrongKey.err.contains("key 4 提交复核"), "\(wrongKey.err)")
        #expect(try h.lastAuditID() == before, "a refusal writes nothing")
        let outsider = try h.run(["set", community, theme, "待复核"], login: "lina")
        #expect(outsider.code == 3, "a clerk of no unit may not work a dispatched case: \(outsider.err)")
        #expect(outsider.err.contains("dispatched to another unit"), "\(outsider.err)")
        let shown = try h.json(["case", "show", number, "--json"]) as? [String: Any]
        let unit = try #require((shown?["dispatched_unit"] as? [String: Any])?["name"] as? String, "dispatched to the lead unit today")
        #expect(try h.run(["operator", "set", "lina", "--unit", unit]).code == 0)
        let submit = try h.run(["set", community, theme, "待复核"], login: "lina")
        #expect(submit.code == 0, "the dispatched unit's clerk submits: \(submit.err)")
        #expect(submit.out.contains("案件 \(number) → 待复核"), "\(submit.out)")
        let clerkVerify = try h.run(["set", community, theme, "达标"], login: "lina")
        #expect(clerkVerify.code == 3)
        #expect(clerkVerify.err.contains("督查员 (inspector)"), "\(clerkVerify.err)")
        let verify = try h.run(["set", community, theme, "达标"], login: "zhangwei")
        #expect(verify.code == 0, "\(verify.err)")
        #expect(verify.out.contains("案件 \(number) → 已结案"), "\(verify.out)")
        let show = try h.json(["case", "show", number, "--json"]) as? [String: Any]
        #expect(show?["state"] as? String == "closed")
    }

    @Test("a clerk may not void, register or dispatch; every refusal exits 3, names who may, and writes nothing",
          arguments: ["void", "register"])
    func clerkRefusals(action: String) throws {
        let h = CLIHarness()
        try h.demo()
        let (community, theme) = try CLITests().freeCell(h)
        let number = try caseNumber(try h.run(["set", community, theme, "2", "--note", "井盖缺失"]).out)
        let before = try h.lastAuditID()
        let r = try h.run(["case", "move", number, action, "--reason", "重复"], login: "lina")
        #expect(r.code == 3, "\(r.err)")
        #expect(r.err.contains("lina is 录入员 (clerk)"), "\(r.err)")
        #expect(r.err.contains("管理员 (admin) or 督查员 (inspector) may") || r.err.contains("督查员 (inspector)"), "\(r.err)")
        #expect(try h.lastAuditID() == before)
        let show = try h.json(["case", "show", number, "--json"]) as? [String: Any]
        #expect(show?["state"] as? String == "reported")
    }

    @Test("a viewer changes nothing: not an import, not restore --force, not demo --force")
    func viewerChangesNothing() throws {
        let h = CLIHarness()
        try h.demo()
        let sheet = h.folder.appendingPathComponent("communities.csv")
        #expect(try h.run(["export", "--kind", "communities", "-o", sheet.path]).code == 0)
        let backup = h.folder.appendingPathComponent("copy.sqlite").path
        #expect(try h.run(["backup", "-o", backup]).code == 0)
        let before = try h.lastAuditID()
        for args in [["import", sheet.path], ["restore", backup, "--force"], ["demo", "--force"]] {
            let r = try h.run(args, login: "leader")
            #expect(r.code == 3, "\(args): \(r.err)")
            #expect(r.err.contains("leader is 查看 (viewer)"), "\(args): \(r.err)")
            let stranger = try h.run(args, login: "somebody")
            #expect(stranger.code == 3, "\(args) by an unknown login: \(stranger.err)")
        }
        #expect(try h.lastAuditID() == before)
    }
}
