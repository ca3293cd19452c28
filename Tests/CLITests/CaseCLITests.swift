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
        #expect(add.out.contains("2026-0001"))
        for action in ["register", "assign", "start", "submit", "verify"] {
            let r = try h.run(["case", "move", "2026-0001", action])
            #expect(r.code == 0, "\(action): \(r.err)")
        }
        let shown = try h.json(["case", "show", "2026-0001", "--json"]) as? [String: Any]
        #expect(shown?["state"] as? String == "closed")
        #expect((shown?["events"] as? [[String: Any]])?.count == 6)
        let wrong = try h.run(["case", "move", "2026-0001", "submit"])
        #expect(wrong.code == 2)
        #expect(wrong.err.contains("Allowed: reopen"))
        #expect(try h.run(["case", "move", "2026-0001", "reopen"]).err.contains("needs a reason"))
        #expect(try h.run(["case", "move", "2026-9999", "verify"]).code == 2)
        #expect(try h.run(["case", "add", path, "公益广告", "--desc", "x"], login: "leader").code == 3)
        #expect(try h.run(["case", "list"]).out.contains("没有案件"), "no open cases left")
    }
}
