import GRDB
import GridCore
import Testing
@testable import GridStore

@Suite("The case queue read, by window")
struct CaseQueueStoreTests {
    /// Every open case in queue order, read as one big window (the reference the windows are compared with).
    static func everything(_ store: SQLiteStore, _ q: CaseQueueQuery = CaseQueueQuery()) throws -> [CaseQueueEntry] {
        try store.caseQueueWindow(q, today: Fixture.today, offset: 0, limit: 1_000_000, total: nil, anchor: nil)
    }

    @Test("every open case is reachable by windows, beyond 5,000, overdue first, then by due day, no deadline last")
    func everyOpenCase() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        try Fixture.addOpenCases(store, count: 6_000)
        let open = try store.db.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM case_record WHERE state NOT IN ('closed','fixed_on_site','void')") ?? 0
        }
        #expect(open > 6_000)
        let q = CaseQueueQuery(), today = Fixture.today
        #expect(try store.caseQueueCount(q, today: today) == open)
        // Page down by keyset from the previous window's last row, as the console does.
        var entries: [CaseQueueEntry] = []
        while entries.count < open {
            let anchor = entries.last.map { CaseQueueAnchor(index: entries.count - 1, dueOn: $0.record.dueOn, number: $0.record.number) }
            let window = try store.caseQueueWindow(q, today: today, offset: entries.count, limit: 63, total: open, anchor: anchor)
            #expect(!window.isEmpty)
            if window.isEmpty { break }
            entries += window
        }
        #expect(entries.count == open)
        #expect(Set(entries.map(\.record.number)).count == open)
        #expect(entries.allSatisfy { $0.record.state.isOpen })
        let overdue = entries.map { $0.record.isOverdue(today: today) }
        #expect(overdue.firstIndex(of: false).map { i in !overdue[i...].contains(true) } == true, "overdue cases come first")
        let keys = entries.map { ($0.record.dueOn?.ordinal ?? .max, $0.record.number) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "by due day, then number")
        let firstUndated = try #require(entries.firstIndex { $0.record.dueOn == nil })
        #expect(entries[firstUndated...].allSatisfy { $0.record.dueOn == nil }, "cases without a deadline last")
        #expect(try CaseQueueStoreTests.everything(store).map(\.record.number) == entries.map(\.record.number))

        // The last screen (G) without an anchor is read backwards from the end; windows above an anchor seek back.
        let tail = try store.caseQueueWindow(q, today: today, offset: open - 22, limit: 66, total: open, anchor: nil)
        #expect(tail.map(\.record.number) == entries.suffix(22).map(\.record.number))
        let a = entries[3_000]
        let above = try store.caseQueueWindow(q, today: today, offset: 2_950, limit: 66, total: open,
                                              anchor: CaseQueueAnchor(index: 3_000, dueOn: a.record.dueOn, number: a.record.number))
        #expect(above.map(\.record.number) == entries[2_950..<3_016].map(\.record.number))
        // A case's place in the queue (the selection follows a moved case there).
        #expect(try store.caseQueuePosition(of: a.record.number, q, today: today) == 3_000)
        #expect(try store.caseQueuePosition(of: entries[open - 1].record.number, q, today: today) == open - 1)
        #expect(try store.caseQueuePosition(of: CaseNumber(year: 1999, sequence: 1), q, today: today) == nil)
    }

    @Test("names match the per-case lookups: community, street, theme, handling or registered unit")
    func names() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        try Fixture.addOpenCases(store, count: 40)
        let themes = Dictionary(uniqueKeysWithValues: try store.themes().map { ($0.id, $0.zh) })
        let entries = try CaseQueueStoreTests.everything(store)
        #expect(entries.contains { $0.record.handlingUnitID == nil } && entries.contains { $0.record.handlingUnitID != nil })
        for e in entries {
            let community = try #require(try store.community(id: e.record.communityID))
            #expect(e.communityName == community.name)
            #expect(e.streetName == (try store.nodeRef(.street(community.streetID))?.name))
            #expect(e.themeName == themes[e.record.themeID])
            let unit = try e.record.handlingUnitID.flatMap { try store.unit(id: $0)?.name } ?? e.record.chain.unitName
            #expect(e.unitName == unit)
            #expect(!e.unitName.isEmpty && !e.streetName.isEmpty)
            #expect(e.record == (try store.caseRecord(e.record.number)), "\(e.record.number)")
        }
    }

    @Test("filters are answered by the database and agree with the rows they keep")
    func filters() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        try Fixture.addOpenCases(store, count: 500)
        let today = Fixture.today
        let all = try CaseQueueStoreTests.everything(store)
        let sample = all[17]
        let property = try #require(all.compactMap(\.record.chain.propertyName).first)
        /// Free text as the console always matched it, in memory.
        func has(_ e: CaseQueueEntry, _ text: String) -> Bool {
            let r = e.record
            return [r.number.description, r.state.zh, r.source.zh, e.streetName, e.communityName, e.themeName, e.unitName,
                    r.chain.unitName, r.chain.propertyName ?? "", r.description].contains { $0.contains(text) }
        }
        let checks: [(CaseQueueQuery, (CaseQueueEntry) -> Bool)] = [
            (CaseQueueQuery(overdueOnly: true), { $0.record.isOverdue(today: today) }),
            (CaseQueueQuery(escalatedOnly: true), { $0.record.escalated }),
            (CaseQueueQuery(states: [.submitted, .reported]), { [.submitted, .reported].contains($0.record.state) }),
            (CaseQueueQuery(text: sample.communityName), { has($0, sample.communityName) }),
            (CaseQueueQuery(text: sample.streetName), { has($0, sample.streetName) }),
            (CaseQueueQuery(text: sample.themeName), { has($0, sample.themeName) }),
            (CaseQueueQuery(text: sample.unitName), { has($0, sample.unitName) }),
            (CaseQueueQuery(text: "待复核"), { has($0, "待复核") }),
            (CaseQueueQuery(text: "网格员"), { has($0, "网格员") }),
            (CaseQueueQuery(text: property), { has($0, property) }),
            (CaseQueueQuery(text: sample.record.number.description), { $0.record.number == sample.record.number }),
            (CaseQueueQuery(text: "待复核", overdueOnly: true), { has($0, "待复核") && $0.record.isOverdue(today: today) }),
        ]
        for (q, keep) in checks {
            let expected = all.filter(keep).map(\.record.number)
            let got = try CaseQueueStoreTests.everything(store, q).map(\.record.number)
            #expect(!expected.isEmpty, "\(q)")
            #expect(got == expected, "\(q): \(got.count) vs \(expected.count)")
            #expect(try store.caseQueueCount(q, today: today) == expected.count, "\(q)")
        }
    }

    @Test("one statement per window of rows, however many cases; the order comes from the case_queue index")
    func statementCount() throws {
        let temp = TempDatabase()
        _ = try Fixture.county(temp)
        final class Counter: @unchecked Sendable { var selects: [String] = [] }
        let counter = Counter()
        var config = Configuration()
        config.prepareDatabase { db in
            db.trace { event in
                if case .statement(let s) = event, s.sql.hasPrefix("SELECT") { counter.selects.append(s.sql) }
            }
        }
        let traced = SQLiteStore(path: temp.path, db: try DatabaseQueue(path: temp.path, configuration: config), readOnly: false)
        func selects(_ body: () throws -> Void) rethrows -> Int {
            let before = counter.selects.count
            try body()
            return counter.selects.count - before
        }
        let today = Fixture.today
        let q = CaseQueueQuery(text: "城", overdueOnly: true)
        let few = try selects { _ = try traced.caseQueueWindow(q, today: today, offset: 0, limit: 66, total: nil, anchor: nil) }
        try Fixture.addOpenCases(traced, count: 2_000)
        let total = try traced.caseQueueCount(CaseQueueQuery(), today: today)
        var window: [CaseQueueEntry] = []
        let more = try selects { window = try traced.caseQueueWindow(CaseQueueQuery(), today: today, offset: 0, limit: 66, total: total, anchor: nil) }
        #expect(window.count == 66)
        #expect(few == 1)
        #expect(more == 1)
        let last = try #require(window.last)
        let anchor = CaseQueueAnchor(index: 65, dueOn: last.record.dueOn, number: last.record.number)
        #expect(try selects { _ = try traced.caseQueueWindow(CaseQueueQuery(), today: today, offset: 66, limit: 66, total: total, anchor: anchor) } == 1)
        #expect(try selects { _ = try traced.caseQueueWindow(CaseQueueQuery(), today: today, offset: total - 22, limit: 66, total: total, anchor: nil) } == 1)
        #expect(try selects { _ = try traced.caseQueueCount(q, today: today) } == 1)

        // The plan walks the partial index in queue order: no sort of every open case.
        let plan = try traced.db.read { db in
            let w = CaseQueueWhere(CaseQueueQuery(), today: today)
            return try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT r.id FROM case_record r WHERE \(w.sql) ORDER BY \(CaseQueueWhere.order) LIMIT 66
                """, arguments: w.arguments).map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("case_queue"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
        // A keyset window enters the index at the anchor (a range), rather than scanning up to it.
        let seekPlan = try traced.db.read { db in
            let w = CaseQueueWhere(CaseQueueQuery(), today: today)
            return try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT r.id FROM case_record r WHERE \(w.sql)\(CaseQueueWhere.beyond(">"))
                ORDER BY \(CaseQueueWhere.order) LIMIT 66
                """, arguments: w.arguments + ["a_due": "2026-11-01", "a_year": 2026, "a_seq": 5]).map { $0["detail"] as String }
                .joined(separator: "\n")
        }
        #expect(seekPlan.contains("SEARCH r USING INDEX case_queue"), "\(seekPlan)")
    }
}
