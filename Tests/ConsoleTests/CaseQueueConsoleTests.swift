import Foundation
import GRDB
import GridCore
import GridUI
import Testing
import TerminalKit
@testable import GridApp

@Suite("The case queue over the real store", .serialized)
struct CaseQueueConsoleTests {
    /// Adds `count` open cases (copies of the demo's open cases, numbered from 2099-0001) in one statement.
    func addOpenCases(_ h: ConsoleHarness, count: Int) throws {
        let db = try DatabaseQueue(path: h.store.path)
        try db.write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),
                    open AS (SELECT *, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS m FROM case_record
                             WHERE state NOT IN ('closed','fixed_on_site','void'))
                INSERT INTO case_record (year, seq, source, community_id, theme_id, location, description, urgent, deadline_class,
                    found_at, found_by, state, due_on, handling_unit_id, chain, escalated, extension_count, rework_count, requested_due)
                SELECT 2099, i, source, community_id, theme_id, location, description, urgent, deadline_class, found_at, found_by,
                    state, due_on, handling_unit_id, chain, escalated, extension_count, rework_count, requested_due
                FROM n JOIN open ON open.k = n.i % open.m
                """, arguments: [count])
        }
    }

    func openCount(_ h: ConsoleHarness) throws -> Int {
        try DatabaseQueue(path: h.store.path).read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM case_record WHERE state NOT IN ('closed','fixed_on_site','void')") ?? 0
        }
    }

    @Test("the queue holds every open case, beyond 5,000, with names; G reaches the last")
    func everyOpenCase() throws {
        let h = try ConsoleHarness()
        try addOpenCases(h, count: 6_000)
        let open = try openCount(h)
        #expect(open > 6_000)
        h.press([.tab])
        let cases = h.console.state.cases
        #expect(cases.loaded)
        #expect(cases.all.count == open)
        #expect(cases.rows.count == open)
        #expect(cases.all.allSatisfy { !$0.communityName.isEmpty && !$0.streetName.isEmpty && !$0.themeName.isEmpty })
        let overdue = cases.all.map { $0.record.isOverdue(today: ConsoleHarness.clock.today) }
        #expect(overdue.first == true)
        #expect(overdue.firstIndex(of: false).map { i in !overdue[i...].contains(true) } == true, "overdue first")
        h.press([.char("G")])
        #expect(h.console.state.cases.selection == open - 1)
        let last = try #require(h.console.state.cases.selected)
        #expect(h.rows.contains { $0.contains(last.record.number.description) }, "the last case is drawn")
    }
}
