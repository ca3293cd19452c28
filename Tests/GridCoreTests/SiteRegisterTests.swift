import GridCore
import Testing

/// The declared-site register's rules: cadences as typed, site-number ranges and clashes, the traffic light.
@Suite("Declared-site register rules")
struct SiteRegisterTests {
    @Test("cadences as offices write them", arguments: [
        ("weekly", 7), ("每周", 7), ("周", 7), ("biweekly", 14), ("每两周", 14), ("monthly", 30), ("每月", 30), ("daily", 1),
        ("10", 10), ("10天", 10), ("每10天", 10), ("１０天", 10), ("2周", 14), ("2w", 14), ("3 days", 3), ("366", 366),
    ])
    func cadence(text: String, days: Int) throws {
        #expect(try SiteRules.cadence(text).days == days)
    }

    @Test("cadences that are not one are refused with what to write", arguments: ["", "0", "-3", "367", "53周", "fortnight-ish", "每", "七天"])
    func badCadence(text: String) {
        #expect(throws: GridError.self) { try SiteRules.cadence(text) }
        do { _ = try SiteRules.cadence(text) } catch {
            #expect(error.description.contains("weekly (每周)"), "\(error.description)")
            #expect(error.exitCode == 2)
        }
    }

    @Test("site numbers run from 1 to 9999", arguments: [(1, true), (32, true), (9_999, true), (0, false), (-1, false), (10_000, false)])
    func range(number: Int, ok: Bool) {
        #expect(((try? SiteRules.checkRange(number)) != nil) == ok)
    }

    static func community(_ id: RowID, _ name: String, site: Int?, retired: Bool = false) -> Community {
        Community(id: id, streetID: 1, name: name, kind: .market, declaredSite: site, retiredOn: retired ? Day(year: 2026, month: 11, day: 1) : nil)
    }

    @Test("a number held by another live site clashes; its own number, a retired holder or a free number do not")
    func clash() {
        let holders = [Self.community(1, "城东农贸市场", site: 3), Self.community(2, "欧阳路公厕", site: 4, retired: true)]
        #expect(SiteRules.clash(3, for: 9, among: holders)?.name == "城东农贸市场")
        #expect(SiteRules.clash(3, for: nil, among: holders)?.id == 1)
        #expect(SiteRules.clash(3, for: 1, among: holders) == nil)
        #expect(SiteRules.clash(4, for: 9, among: holders) == nil)
        #expect(SiteRules.clash(5, for: 9, among: holders) == nil)
        let message = SiteRules.duplicate(3, heldBy: "城东农贸市场", id: 1, streetName: "城关街道").description
        #expect(message.contains("申报点位 第3号") && message.contains("城关街道/城东农贸市场 (#1)") && message.contains("--number N"))
    }

    @Test("the responsible person: name checked, phone stored in its one form, control characters refused")
    func person() throws {
        let (c, note) = try SiteRules.person(name: "诸葛晓明", phone: "139 5761 2345")
        #expect(c == Contact(name: "诸葛晓明", phone: "13957612345"))
        #expect(note?.contains("139 5761 2345") == true)
        #expect(throws: GridError.self) { try SiteRules.person(name: "王\u{1B}[31m五", phone: "") }
        #expect(throws: GridError.self) { try SiteRules.person(name: "王五", phone: "12345") }
        #expect(try SiteRules.person(name: "", phone: "").contact == Contact(name: "", phone: ""))
    }

    static func site(open: Int, overdue: Int, last: Day?, cadence: Int = 7) -> DeclaredSite {
        DeclaredSite(community: community(1, "南门菜市场", site: 7), streetName: "城关街道", officeID: 1, kindLabel: "农贸市场", units: [],
                     cadence: SiteCadence(days: cadence), ownCadence: false, openCases: open, overdueCases: overdue, lastSelfInspection: last)
    }

    static let today = Day(year: 2026, month: 12, day: 4)!

    @Test("the traffic light: red overdue or cadence missed, yellow open or due within a day, green otherwise", arguments: [
        (0, 0, -2, 7, SiteLight.green), (0, 0, -7, 7, .yellow), (0, 0, -6, 7, .yellow), (0, 0, -5, 7, .green), (0, 0, -8, 7, .red),
        (2, 0, -1, 7, .yellow), (2, 1, -1, 7, .red), (0, 0, -13, 14, .yellow), (0, 0, -15, 14, .red),
    ])
    func light(open: Int, overdue: Int, daysAgo: Int, cadence: Int, expected: SiteLight) {
        let s = Self.site(open: open, overdue: overdue, last: Self.today.adding(days: daysAgo), cadence: cadence)
        #expect(s.light(today: Self.today) == expected)
    }

    @Test("never self-inspected: the cadence is missed and the site is red, due today")
    func never() {
        let s = Self.site(open: 0, overdue: 0, last: nil)
        #expect(s.missedCadence(today: Self.today))
        #expect(s.light(today: Self.today) == .red)
        #expect(s.selfInspectionDue(today: Self.today) == Self.today)
    }

    @Test("the demo register is deterministic and never links a unit twice")
    func demo() {
        let g = DemoSiteRegister(seed: 42)
        let a = g.plan(number: 5, onSite: [10], units: Array(1...20))
        #expect(a == g.plan(number: 5, onSite: [10], units: Array(1...20)))
        #expect(!a.addSupporting.contains(10) && Set(a.addSupporting).count == a.addSupporting.count && !a.addSupporting.isEmpty)
        #expect(Set(a.persons.keys) == Set([10] + a.addSupporting))
        #expect(a.persons.values.allSatisfy { PhoneNumber.normalise($0.phone).valid && $0.phone.count == 11 })
        #expect(g.plan(number: 5, onSite: [1, 2], units: [1, 2]).addSupporting.isEmpty)
    }
}
