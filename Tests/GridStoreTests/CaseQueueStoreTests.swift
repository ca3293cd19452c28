import GRDB
import GridCore
import Testing
@testable import GridStore

@Suite("The case queue read")
struct CaseQueueStoreTests {
    @Test("every open case is returned, beyond 5,000, overdue first, then by due day, no deadline last")
    func everyOpenCase() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        try Fixture.addOpenCases(store, count: 6_000)
        let open = try store.db.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM case_record WHERE state NOT IN ('closed','fixed_on_site','void')") ?? 0
        }
        #expect(open > 6_000)
        let entries = try store.openCaseRows()
        #expect(entries.count == open)
        #expect(Set(entries.map(\.record.number)).count == open)
        #expect(entries.allSatisfy { $0.record.state.isOpen })
        let today = Fixture.today
        let overdue = entries.map { $0.record.isOverdue(today: today) }
        #expect(overdue.firstIndex(of: false).map { i in !overdue[i...].contains(true) } == true, "overdue cases come first")
        let keys = entries.map { ($0.record.dueOn?.ordinal ?? .max, $0.record.number) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "by due day, then number")
        let firstUndated = try #require(entries.firstIndex { $0.record.dueOn == nil })
        #expect(entries[firstUndated...].allSatisfy { $0.record.dueOn == nil }, "cases without a deadline last")
    }

    @Test("names match the per-case lookups: community, street, theme, handling or registered unit")
    func names() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        try Fixture.addOpenCases(store, count: 40)
        let themes = Dictionary(uniqueKeysWithValues: try store.themes().map { ($0.id, $0.zh) })
        let entries = try store.openCaseRows()
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

    @Test("the read is one statement however many cases there are")
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
        func selects(_ body: () throws -> Void) rethrows -> Int {
            let before = counter.selects
            try body()
            return counter.selects - before
        }
        let few = try selects { _ = try traced.openCaseRows() }
        try Fixture.addOpenCases(traced, count: 2_000)
        var many = 0
        let more = try selects { many = try traced.openCaseRows().count }
        #expect(many > 2_000)
        #expect(few == 1)
        #expect(more == few)
    }
}
