import GridCore
import Testing

/// The notify-at-once message: everything an on-site call needs in at most 140 characters, and nothing that could act
/// on a terminal or a phone.
@Suite("Notify at once: the message")
struct CaseNotificationTests {
    static func note(problem: String = "垃圾桶满溢未清运", location: String = "东门口", unit: String = "县住房和城乡建设局",
                     person: Contact = Contact(name: "欧阳晓燕", phone: "13957612345"),
                     liaison: Contact = Contact(name: "李娜", phone: "0576-87781234"), site: Int? = 12) -> CaseNotification {
        CaseNotification(number: CaseNumber(year: 2026, sequence: 12), siteNumber: site, communityName: "城东农贸市场", themeName: "环境卫生",
                         location: location, problem: problem, deadlineClass: .threeDays, dueOn: Day(year: 2026, month: 12, day: 7),
                         unitName: unit, person: person, liaison: liaison)
    }

    @Test("names the site, the problem, the deadline, who must come and both phones")
    func content() {
        let m = Self.note().message
        for part in ["◆12城东农贸市场", "东门口", "环境卫生：垃圾桶满溢未清运", "12月7日前整改", "县住房和城乡建设局", "欧阳晓燕", "13957612345",
                     "李娜", "0576-87781234", "立即到场", "2026-0012"] {
            #expect(m.contains(part), "\(part) missing from \(m)")
        }
        #expect(m.count <= CaseNotification.limit)
    }

    @Test("a long problem, location and names still fit in 140 characters, phones and deadline kept whole", arguments: [10, 80, 400, 2_000])
    func fits(length: Int) {
        let long = String(repeating: "楼道堆放杂物且电动车飞线充电", count: length / 14 + 1)
        let n = Self.note(problem: long, location: String(repeating: "第三栋二单元", count: length / 6 + 1),
                          unit: "县住房和城乡建设局城市建设综合服务中心", person: Contact(name: "司马相如", phone: "13957612345"))
        let m = n.message
        #expect(m.count <= 140, "\(m.count): \(m)")
        #expect(m.contains("13957612345") && m.contains("0576-87781234") && m.contains("12月7日前整改") && m.contains("司马相如"))
        #expect(length < 50 || m.contains("…"))
    }

    @Test("control, escape and bidi characters in names are dropped; line breaks become spaces")
    func sanitised() {
        let n = Self.note(problem: "井盖\u{1B}]52;c;ZXZpbA==\u{07}破损\n请处理", unit: "县\u{202E}城管局",
                          person: Contact(name: "王\u{0}五\u{9B}", phone: "13957612345"))
        let m = n.message
        #expect(!m.unicodeScalars.contains { TextRules.isForbidden($0) }, "\(m.unicodeScalars.map { $0.value })")
        #expect(!m.contains("\u{1B}") && !m.contains("\u{07}") && !m.contains("\n"))
        #expect(m.contains("县城管局") && m.contains("王五"))
        #expect(!n.recipients.unicodeScalars.contains { TextRules.isForbidden($0) })
    }

    @Test("no person on the site and no liaison: the unit alone, still a message")
    func minimal() {
        let m = Self.note(person: Contact(name: "", phone: ""), liaison: Contact(name: "", phone: ""), site: nil).message
        #expect(m.hasPrefix("【立即到场】城东农贸市场") && m.contains("请县住房和城乡建设局立即到场") && !m.contains("联络员"))
    }
}
