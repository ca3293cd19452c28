import GridCore
import Testing

/// Supervision notices (督查通报) of an office on any store: each county numbers its own (two counties issue 2026·第1期
/// for the same period), the period overlap is checked within one office only, a notice names only its office's cases,
/// and a notice of the whole database (an issuer with no office) goes on as before.
@Suite("Store contract: notices of an office")
struct OfficeNoticeContract {
    typealias City = OfficeScopeContract.City

    /// The city with an inspector in each county and an open case in each.
    struct Counties {
        let c: City
        let westInspector: Operator
        let eastInspector: Operator
        let westCase: CaseNumber
        let eastCase: CaseNumber

        init(_ kind: StoreKind) throws {
            c = try City(kind)
            for op in [Operator(login: "li_xi", name: "李西督查", role: .inspector, officeID: c.west.id),
                       Operator(login: "wang_dong", name: "王东城督查员", role: .inspector, officeID: c.east.id)] {
                _ = try c.s.services.saveOperator(op, context: c.s.context())
            }
            westInspector = try c.s.store.operatorAccount(login: "li_xi")
            eastInspector = try c.s.store.operatorAccount(login: "wang_dong")
            let own = try #require(try c.s.store.cells(communityID: c.westCommunity).first)
            westCase = try c.s.services.recordProblem(CaseDraft(communityID: c.westCommunity, themeID: own.cell.themeID, source: .supervision,
                                                                description: "西关新村垃圾满溢", deadlineClass: .threeDays),
                                                      context: c.s.context(westInspector)).number
            eastCase = try #require(try c.s.store.cases(openOnly: true, communityID: nil, limit: 1).first).number
        }
    }

    static let nov1 = Day("2026-11-01")!, nov15 = Day("2026-11-15")!, nov30 = Day("2026-11-30")!

    @Test("two counties each issue 2026·第1期 for the same period; each is numbered among its own", arguments: StoreKind.allCases)
    func eachCountyNumbersItsOwn(kind: StoreKind) throws {
        let t = try Counties(kind)
        let s = t.c.s
        let wholeNext = try s.store.nextNoticeIssue(year: 2026)
        #expect(try s.store.nextNoticeIssue(year: 2026, officeID: t.c.west.id) == 1)
        let west = try s.services.issueNotice(year: 2026, issue: nil, from: Self.nov1, to: Self.nov30, cases: [t.westCase],
                                              context: s.context(t.westInspector))
        let east = try s.services.issueNotice(year: 2026, issue: nil, from: Self.nov1, to: Self.nov30, cases: [t.eastCase],
                                              context: s.context(t.eastInspector))
        #expect(west == 1 && east == 1)
        #expect(try s.store.nextNoticeIssue(year: 2026, officeID: t.c.west.id) == 2)
        #expect(try s.reopen().nextNoticeIssue(year: 2026, officeID: t.c.east.id) == 2)
        // The whole database's own numbering (the demo's notices, an issuer with no office) is untouched by both.
        #expect(try s.store.nextNoticeIssue(year: 2026) == wholeNext)
        // A city-level admin issues the west county's next one by naming the office, after its period.
        let next = try s.services.issueNotice(year: 2026, issue: nil, from: Day("2026-12-01")!, to: Day("2026-12-31")!, cases: [t.westCase],
                                              office: t.c.west.id, context: s.context())
        #expect(next == 2)
        // An explicit number already taken in that office is refused; the same number in the other office is not taken.
        let taken = #expect(throws: GridError.self) {
            _ = try s.services.issueNotice(year: 2026, issue: 1, from: Day("2027-01-01")!, to: Day("2027-01-31")!, cases: [],
                                           context: s.context(t.westInspector))
        }
        #expect("\(taken.map { "\($0)" } ?? "")".contains("\(t.c.west.name) notice 2026·第1期 was already issued"))
    }

    @Test("an overlapping period is still refused within one county, naming its notice, and writes nothing", arguments: StoreKind.allCases)
    func overlapWithinCounty(kind: StoreKind) throws {
        let t = try Counties(kind)
        let s = t.c.s
        _ = try s.services.issueNotice(year: 2026, issue: nil, from: Self.nov1, to: Self.nov15, cases: [t.westCase],
                                       context: s.context(t.westInspector))
        let before = try s.store.latestAuditID()
        for (from, to) in [("2026-11-10", "2026-11-20"), ("2026-10-20", "2026-11-01"), ("2026-11-15", "2026-11-15")] {
            let error = #expect(throws: GridError.self, "\(from) … \(to)") {
                _ = try s.services.issueNotice(year: 2026, issue: nil, from: Day(from)!, to: Day(to)!, cases: [t.westCase],
                                               context: s.context(t.westInspector))
            }
            #expect("\(error.map { "\($0)" } ?? "")".contains("overlaps \(t.c.west.name) notice 2026·第1期"), "\(String(describing: error))")
        }
        #expect(try s.store.latestAuditID() == before)
        // The east county's notice over the same days is not in the way.
        #expect(try s.services.issueNotice(year: 2026, issue: nil, from: Self.nov1, to: Self.nov15, cases: [t.eastCase],
                                           context: s.context(t.eastInspector)) == 1)
    }

    @Test("a notice names only its office's cases; a scoped inspector may not issue another county's", arguments: StoreKind.allCases)
    func casesAndScope(kind: StoreKind) throws {
        let t = try Counties(kind)
        let s = t.c.s
        let before = try s.store.latestAuditID()
        // The city's inspector may reach both counties, but a west notice cannot name an east case.
        let city = try t.c.scoped(t.c.cityInspector)
        let mixed = Self.refusal {
            _ = try s.services.issueNotice(year: 2026, issue: nil, from: Self.nov1, to: Self.nov30, cases: [t.westCase, t.eastCase],
                                           office: t.c.west.id, context: s.context(city))
        }
        #expect(mixed?.exitCode == 2 && "\(mixed.map { "\($0)" } ?? "")".contains("belongs to \(t.c.east.name), not to \(t.c.west.name)"),
                "\(String(describing: mixed))")
        // The west inspector naming the east office is refused by the scope, naming both offices.
        let scoped = Self.refusal {
            _ = try s.services.issueNotice(year: 2026, issue: nil, from: Self.nov1, to: Self.nov30, cases: [t.eastCase], office: t.c.east.id,
                                           context: s.context(t.westInspector))
        }
        let text = "\(scoped.map { "\($0)" } ?? "")"
        #expect(scoped?.exitCode == 3 && text.contains("belongs to \(t.c.east.name)") && text.contains("work for \(t.c.west.name)"), "\(text)")
        // An office that does not exist is refused as such.
        #expect(throws: GridError.self) {
            _ = try s.services.issueNotice(year: 2026, issue: nil, from: Self.nov1, to: Self.nov30, cases: [], office: 9_999,
                                           context: s.context())
        }
        #expect(try s.store.latestAuditID() == before)
        // The city's own notice (its office) may name both counties' cases.
        #expect(try s.services.issueNotice(year: 2026, issue: nil, from: Self.nov1, to: Self.nov30, cases: [t.westCase, t.eastCase],
                                           office: t.c.city.id, context: s.context()) == 1)
    }

    @Test("a whole-database notice (issuer with no office) is numbered and checked among the whole database's, as before",
          arguments: StoreKind.allCases)
    func wholeDatabase(kind: StoreKind) throws {
        let t = try Counties(kind)
        let s = t.c.s
        _ = try s.services.issueNotice(year: 2031, issue: nil, from: Day("2031-03-01")!, to: Day("2031-03-31")!, cases: [t.westCase],
                                       context: s.context(t.westInspector))
        let first = try s.services.issueNotice(year: 2031, issue: nil, from: Day("2031-03-01")!, to: Day("2031-03-31")!, cases: [t.eastCase],
                                               context: s.context())
        #expect(first == 1)
        #expect(throws: GridError.self) {
            _ = try s.services.issueNotice(year: 2031, issue: nil, from: Day("2031-03-10")!, to: Day("2031-04-10")!, cases: [],
                                           context: s.context())
        }
        // A scoped inspector's notice always belongs to an office: no whole-database one from them.
        #expect(try s.store.nextNoticeIssue(year: 2031) == 2 && s.store.nextNoticeIssue(year: 2031, officeID: t.c.west.id) == 2)
    }

    /// The error `body` throws (nil when it does not).
    static func refusal(_ body: () throws -> Void) -> GridError? {
        do { try body() } catch let error as GridError { return error } catch { return .database("\(error)") }
        return nil
    }
}
