import Foundation
import GRDB
import GridCore
import Testing
@testable import GridStore

/// SQLite-specific checks of the assessment reads; what every store must do is in `Contract/AssessmentContract.swift`.
@Suite("The assessment read port on SQLite", .serialized)
struct AssessmentStoreTests {
    @Test("repeated: named in a notice, or the same cell had a case closed since the window's start")
    func repeated() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let today = Fixture.today
        // A notice names three open cases (the demo's notices name last month's, all closed by now).
        let open = try store.cases(CaseQuery(openOnly: true, limit: 3)).map(\.number)
        _ = try GridServices(store, calendar: .weekendsOnly).issueNotice(year: 2026, issue: nil, from: today.adding(days: -7), to: today,
                                                                         cases: open, context: Fixture.context())
        let board = try store.assessmentBoard(in: .all, statuses: [.problem], repeatSince: today.adding(days: -365))
        let (noticed, recurred) = try store.db.read { db in
            (Set(try Row.fetchAll(db, sql: """
                SELECT r.year, r.seq FROM case_record r WHERE r.state NOT IN ('closed','fixed_on_site','void')
                AND EXISTS (SELECT 1 FROM notice_case n WHERE n.case_id = r.id)
                """).map { CaseNumber(year: $0[0], sequence: $0[1]) }),
             Set(try Row.fetchAll(db, sql: """
                SELECT r.year, r.seq FROM case_record r JOIN case_record p ON p.community_id = r.community_id AND p.theme_id = r.theme_id
                AND p.id <> r.id AND p.state IN ('closed','fixed_on_site')
                WHERE r.state NOT IN ('closed','fixed_on_site','void')
                """).map { CaseNumber(year: $0[0], sequence: $0[1]) }))
        }
        #expect(noticed == Set(open) && !recurred.isEmpty)
        #expect(Set(board.openCases.filter(\.repeated).map(\.number)) == noticed.union(recurred))
        // A window that starts tomorrow leaves only the notices.
        let narrow = try store.assessmentBoard(in: .all, statuses: [.problem], repeatSince: today.adding(days: 1))
        #expect(Set(narrow.openCases.filter(\.repeated).map(\.number)) == noticed)
    }

    @Test("three statements for the board whatever its size, one for the notices")
    func statementCount() throws {
        let temp = TempDatabase()
        _ = try Fixture.county(temp)
        final class Counter: @unchecked Sendable { var selects = 0 }
        let counter = Counter()
        var config = Configuration()
        config.prepareDatabase { db in
            db.trace { event in
                if case .statement(let s) = event, s.sql.hasPrefix("SELECT") { counter.selects += 1 }
            }
        }
        let traced = SQLiteStore(path: temp.path, db: try DatabaseQueue(path: temp.path, configuration: config), readOnly: false)
        let before = counter.selects
        _ = try traced.assessmentBoard(in: .all, statuses: Set(CellStatus.allCases), repeatSince: Fixture.today)
        #expect(counter.selects - before == 3)
        let middle = counter.selects
        let named = try traced.noticesNaming(casesFoundFrom: Day("2026-01-01")!, to: Day("2026-12-31")!, utcOffsetSeconds: 8 * 3600)
        #expect(counter.selects - middle == 1)
        #expect(!named.isEmpty && named.values.allSatisfy { $0.allSatisfy { $0.hasPrefix("2026·第") } })
    }
}
