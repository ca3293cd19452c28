import Foundation
import Testing

/// `civgrid case notify NUMBER` run as the built binary: the message on stdout, the record on stderr and in the case's
/// events; `--preview` records nothing; a viewer is refused.
@Suite("civgrid command line: notify at once", .serialized)
struct NotifyCLITests {
    func openCase(_ h: CLIHarness) throws -> String {
        let list = try #require(try h.json(["case", "list", "--limit", "5", "--json"]) as? [[String: Any]])
        return try #require(list.first { $0["handling_unit_id"] as? Int != nil }?["number"] as? String ?? list.first?["number"] as? String)
    }

    @Test("prints one message of at most 140 characters and records a notify event; --preview records nothing")
    func notify() throws {
        let h = CLIHarness()
        try h.demo()
        let number = try openCase(h)
        let events = { try CLIHarness.sqlite3(h.dbPath, "SELECT count(*) FROM case_event WHERE action = 'notify'") }
        let preview = try h.run(["case", "notify", number, "--preview"])
        #expect(preview.code == 0, "\(preview.err)")
        #expect(try events() == "0")
        let r = try h.run(["case", "notify", number], login: "zhangwei")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == preview.out)
        let message = r.out.trimmingCharacters(in: .newlines)
        #expect(!message.contains("\n") && message.count <= 140 && message.contains("立即到场") && message.contains(number), "\(message)")
        #expect(r.err.contains("已记录通知"))
        #expect(try events() == "1")
        #expect(try CLIHarness.sqlite3(h.dbPath, "SELECT actor FROM case_event WHERE action = 'notify'") == "zhangwei")
        let show = try h.run(["case", "show", number])
        #expect(show.out.contains("notify"))
        #expect(try h.run(["check"]).code == 0)
    }

    @Test("a viewer is refused (exit 3); an unknown case is bad input (exit 2)")
    func refusals() throws {
        let h = CLIHarness()
        try h.demo()
        let number = try openCase(h)
        #expect(try h.run(["case", "notify", number], login: "leader").code == 3)
        #expect(try h.run(["case", "notify", "2026-9999"]).code == 2)
    }
}

/// The supervision notice names who answers for each unit with overdue cases.
@Suite("civgrid command line: notice contacts", .serialized)
struct NoticeContactsCLITests {
    @Test("under 逾期未整改的责任单位, each late unit's responsible persons on its sites, head and liaison, with phones")
    func contacts() throws {
        let h = CLIHarness()
        try h.demo()
        let r = try h.run(["notice", "--from", "2026-11-01", "--to", "2026-11-30", "--preview"])
        #expect(r.code == 0, "\(r.err)")
        let section = r.out.components(separatedBy: "三、逾期未整改的责任单位").last?.components(separatedBy: "四、").first ?? ""
        let lines = section.split(separator: "\n").filter { $0.contains("负责人") }
        #expect(!lines.isEmpty, "\(section)")
        #expect(lines.allSatisfy { $0.contains("联络员") && $0.range(of: #"1[3-9]\d{9}"#, options: .regularExpression) != nil })
        #expect(section.contains("具体责任人"), "\(section)")
    }
}
