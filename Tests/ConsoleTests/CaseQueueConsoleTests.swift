import Foundation
import GRDB
import GridCore
import GridUI
@testable import GridStore
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

    @Test("the queue counts every open case, beyond 5,000, holds a window of them with names; G reaches the last")
    func everyOpenCase() throws {
        let h = try ConsoleHarness()
        try addOpenCases(h, count: 6_000)
        let open = try openCount(h)
        #expect(open > 6_000)
        h.press([.tab])
        let cases = h.console.state.cases
        #expect(cases.loaded)
        #expect(cases.total == open)
        #expect(cases.rows.count <= 3 * 22, "a few screens, not every case")
        #expect(h.rows.first?.contains("(\(open))") == true, "the title shows the true count")
        #expect(cases.rows.allSatisfy { !$0.communityName.isEmpty && !$0.streetName.isEmpty && !$0.themeName.isEmpty })
        let overdue = cases.rows.map { $0.record.isOverdue(today: ConsoleHarness.clock.today) }
        #expect(overdue.first == true)
        #expect(overdue.firstIndex(of: false).map { i in !overdue[i...].contains(true) } ?? true, "overdue first")
        h.press([.char("G")])
        #expect(h.console.state.cases.selection == open - 1)
        let last = try #require(h.console.state.cases.selected)
        #expect(h.rows.contains { $0.contains(last.record.number.description) }, "the last case is drawn")
        #expect(h.console.state.cases.rows.count <= 3 * 22)
        // Paging back up from the end reaches the first case again, window by window.
        for _ in 0..<(open / 20 + 2) { h.press([.pageUp]) }
        #expect(h.console.state.cases.selection == 0)
        #expect(h.console.state.cases.selected?.record.isOverdue(today: ConsoleHarness.clock.today) == true)
    }

    @Test("a typed filter is counted in the background: keys return at once, the rows and the true count follow")
    func typedFilterInBackground() throws {
        let h = try ConsoleHarness()
        try addOpenCases(h, count: 2_000)
        h.press([.tab])
        let all = h.console.state.cases.total
        let street = try #require(h.console.state.cases.selected?.streetName)
        h.press([.char("/")] + street.map { .char($0) }, settle: false)
        #expect(h.console.state.cases.filterText == street)
        #expect(h.rows.first?.contains("(…)") == true, "the old count is not shown for the new filter: \(h.rows.first ?? "")")
        #expect(h.console.settleBackground(seconds: 30))
        h.console.draw()
        let cases = h.console.state.cases
        #expect(cases.loadedQuery.text == street)
        #expect(cases.total > 0 && cases.total < all)
        #expect(cases.rows.allSatisfy { $0.streetName.contains(street) || $0.communityName.contains(street) || $0.unitName.contains(street)
            || ($0.record.chain.propertyName ?? "").contains(street) || $0.record.chain.unitName.contains(street) || $0.themeName.contains(street)
            || $0.record.description.contains(street) })
        #expect(h.rows.first?.contains("(\(cases.total))") == true)
        // Backspacing to no filter with the prompt still open is answered in the background too, then shows every case.
        h.press(Array(repeating: .backspace, count: street.count), settle: false)
        #expect(h.console.state.cases.filterText.isEmpty)
        #expect(h.rows.first?.contains("(…)") == true, "\(h.rows.first ?? "")")
        #expect(h.console.settleBackground(seconds: 30))
        h.console.draw()
        #expect(h.console.state.cases.total == all && h.console.state.cases.loadedQuery.text.isEmpty)
        // Esc with a filter typed clears it: every open case again.
        h.press([.char(Character(String(street.prefix(1))))])
        h.press([.escape])
        #expect(h.console.state.cases.total == all)
        // `O` (overdue only) is a change of filter too: answered in the background, then fewer cases, all overdue.
        h.press([.char("O")], settle: false)
        #expect(h.console.state.cases.overdueOnly && h.rows.first?.contains("(…)") == true, "\(h.rows.first ?? "")")
        #expect(h.console.settleBackground(seconds: 30))
        h.console.draw()
        let overdue = h.console.state.cases
        #expect(overdue.loadedQuery.overdueOnly && overdue.total > 0 && overdue.total < all)
        #expect(overdue.rows.allSatisfy { $0.record.isOverdue(today: ConsoleHarness.clock.today) })
    }

    @Test("a bulk move acts on marked cases outside the fetched window")
    func marksOutsideWindow() throws {
        let h = try ConsoleHarness()
        try addOpenCases(h, count: 300)
        h.press([.tab, .char(" ")])
        let first = try #require(h.console.state.cases.marks.first)
        h.press([.char("G"), .char(" ")])
        #expect(h.console.state.cases.marks.count == 2)
        #expect(h.console.state.cases.row(at: 0) == nil, "the first case is out of the window")
        h.press([.char("e")])
        guard case .confirm(let c)? = h.console.state.overlay else { Issue.record("a bulk move asks first"); return }
        #expect(c.names.contains { $0.hasPrefix(first.description) && $0.count > first.description.count + 1 }, "\(c.names)")
        h.press([.char("y")])
        #expect(try h.store.caseRecord(first)?.escalated == true)
        #expect(h.console.state.cases.marks.isEmpty)
    }

    @Test("each window of case rows is one statement; a filter keystroke is a count and a window")
    func statementsPerWindow() throws {
        let h = try ConsoleHarness()
        try addOpenCases(h, count: 3_000)
        final class Counter: @unchecked Sendable { var sql: [String] = [] }
        let counter = Counter()
        var config = Configuration()
        config.prepareDatabase { db in
            db.trace { event in if case .statement(let s) = event, s.sql.hasPrefix("SELECT") { counter.sql.append(s.sql) } }
        }
        let traced = SQLiteStore(path: h.store.path, db: try DatabaseQueue(path: h.store.path, configuration: config), readOnly: true)
        let runner = EffectRunner(store: traced, context: ChangeContext(actor: ConsoleHarness.admin, osUser: "t", source: .console,
                                                                         clock: ConsoleHarness.clock))
        func statements(_ effect: Effect) -> Int {
            let before = counter.sql.count
            _ = runner.perform(effect)
            return counter.sql.count - before
        }
        #expect(statements(.loadCaseQueue(query: CaseQueueQuery(), offset: 0, limit: 66, total: 3_000)) == 1)
        #expect(statements(.loadCaseQueue(query: CaseQueueQuery(), offset: 2_000, limit: 66, total: 3_500)) == 1)
        #expect(statements(.loadCaseQueue(query: CaseQueueQuery(text: "城关", escalatedOnly: true), offset: 0, limit: 66, total: nil)) == 2)
    }
}
