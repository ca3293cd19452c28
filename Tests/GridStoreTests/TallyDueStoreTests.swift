import Foundation
import GRDB
import GridCore
import Testing
@testable import GridStore

/// The SQLite side of `tally.open_due` (v14): the overdue filter's plan reads the tally's index and never the cells,
/// and a database made before v14 gets the column filled from its cells when it is opened.
@Suite("SQLite: the overdue filter on the tally's earliest open due day")
struct TallyDueStoreTests {
    /// The plan's lines, as the window tests read them.
    func plan(_ store: SQLiteStore, _ sql: String, _ args: StatementArguments) throws -> String {
        try WindowTests().plan(store, sql, args)
    }

    @Test("both forms of the overdue filter and its whole-board count read the tally, never a cell; the probing form walks the board index unsorted")
    func plans() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let key = BoardOrderKey(streetRank: 3 << 20, order: Int64.max, pinyin: "jin xiu hua ting", name: "锦绣华庭", id: 7)
        for scope in [CommunityScope.all, .office(1), .street(2), .unit(3)] {
            let unresolved = CommunityWhere(scope, filter: CommunityFilter(overdueOnly: true), today: Fixture.today)
            #expect(try store.db.read { try unresolved.resolved($0).overdue } == .fromTally, "the demo county has few overdue")
            for form in [OverdueClause.Form.fromTally, .probing] {
                let w = unresolved.inForm(form)
                let args = w.arguments + BoardOrder.arguments(key) + ["limit": 63, "offset": 100, "skip": 10]
                for sql in ["SELECT count(*) FROM community c WHERE \(w.sql)", w.forwardSQL, w.seekSQL(">"), w.seekSQL("<")] {
                    let p = try plan(store, sql, args)
                    #expect(!p.contains("cell"), "no cell read: \(scope) \(form): \(p)")
                    if form == .fromTally {
                        #expect(p.contains("INDEX tally_open_due (open_due<?)"), "\(scope): \(p)")
                    } else {
                        #expect(p.contains("SEARCH t USING INTEGER PRIMARY KEY (rowid=?)"), "one probe per row: \(scope): \(p)")
                        // A unit's communities come from its assignments and are sorted, with or without the filter.
                        #expect(sql.hasPrefix("SELECT count") || scope == .unit(3) || !p.contains("TEMP B-TREE"), "unsorted: \(scope): \(p)")
                    }
                }
            }
        }
        let count = try plan(store, """
            SELECT count(*) FROM tally WHERE open_due < :today
                AND community_id NOT IN (SELECT id FROM community WHERE retired_on IS NOT NULL)
            """, ["today": Fixture.today.description])
        #expect(count.contains("COVERING INDEX tally_open_due (open_due<?)") && count.contains("community_retired"), "\(count)")
        #expect(!count.contains("cell") && !count.contains("SCAN"), "\(count)")
    }

    @Test("the probing form selects and orders exactly what the tally-driven one does, and the tally count is the board's",
          arguments: [-2, 0, 1, 5])
    func formsAgree(days: Int) throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let day = Fixture.today.adding(days: days)
        // A retired community with an overdue cell stays off the board and out of the count.
        let retired = try store.db.write { db -> Int64 in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT community_id FROM tally WHERE open_due < ? LIMIT 1",
                                                      arguments: [day.description]) ?? Int64.fetchOne(db, sql: "SELECT id FROM community LIMIT 1"))
            try db.execute(sql: "UPDATE community SET retired_on = ? WHERE id = ?", arguments: [Fixture.today.description, id])
            return id
        }
        for scope in [CommunityScope.all, .office(1), .street(2), .unit(3)] {
            let w = CommunityWhere(scope, filter: CommunityFilter(overdueOnly: true), today: day)
            try store.db.read { db in
                let driven = w.inForm(.fromTally), probing = w.inForm(.probing)
                let total = try driven.count(db)
                #expect(try probing.count(db) == total, "\(scope)")
                for form in [driven, probing] {
                    #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM community c WHERE \(form.sql)", arguments: form.arguments) == total)
                }
                let a = try driven.windowIDs(db, offset: 0, limit: 1_000), b = try probing.windowIDs(db, offset: 0, limit: 1_000)
                #expect(a == b && a.count == total, "\(scope) on \(day)")
                #expect(!a.contains(retired))
                if total > 10 {
                    #expect(try driven.windowIDs(db, offset: total - 7, limit: 7) == probing.windowIDs(db, offset: total - 7, limit: 7))
                }
            }
        }
    }

    @Test("a database made at v12 gets open_due from its cells on opening, and the new triggers keep it after")
    func migrationFills() throws {
        let temp = TempDatabase()
        let queue = try DatabaseQueue(path: temp.path)
        try Schema.migrator.migrate(queue, upTo: "v12-office-scope")
        // Community 1: an early 整改中 and a later 有问题; 2: only a 待复核 with a day (not overdue-able) and a 挂账;
        // 3: 有问题 without a day; 4: no open cell at all.
        let cells: [(Int, Int, String, String?)] = [
            (1, 1, "rectifying", "2026-11-20"), (1, 2, "problem", "2026-12-03"), (1, 3, "ok", nil),
            (2, 1, "recheck", "2026-11-01"), (2, 2, "parked", "2027-03-31"),
            (3, 1, "problem", nil), (3, 2, "fixed", nil),
            (4, 1, "unchecked", nil),
        ]
        try queue.write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('kind', 'office')")
            try db.execute(sql: "INSERT INTO office (name) VALUES ('城关县三创办')")
            try db.execute(sql: "INSERT INTO street (office_id, name) VALUES (1, '城关街道')")
            for name in ["阳光小区", "东关街道第一居民委员会老旧小区", "丽景", "翠苑新村"] {
                try db.execute(sql: "INSERT INTO community (street_id, name, kind) VALUES (1, ?, 'residential')", arguments: [name])
            }
            for (i, code) in ["env", "road", "green"].enumerated() {
                try db.execute(sql: "INSERT INTO theme (code, name_zh, name_en, kinds, position) VALUES (?, ?, ?, '', ?)",
                               arguments: [code, ["环境卫生", "道路", "绿化"][i], code, i])
            }
            for (community, theme, status, due) in cells {
                try db.execute(sql: "INSERT INTO cell (community_id, theme_id, status, due_on) VALUES (?, ?, ?, ?)",
                               arguments: [community, theme, status, due])
            }
        }
        try queue.close()
        let store = try SQLiteStore.open(path: temp.path)
        let due = { try store.db.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT community_id, open_due FROM tally").map { ($0[0] as Int64, $0[1] as String?) })
        } }
        #expect(try due() == [1: "2026-11-20", 2: "2027-03-31", 3: nil, 4: nil])
        #expect(try store.check().filter { $0.hasPrefix("tally") || $0.hasPrefix("trigger") }.isEmpty)
        // The replaced triggers: the earliest cell closes, the next one becomes the earliest; a 待复核 goes back to 整改中.
        try store.db.write { db in
            try db.execute(sql: "UPDATE cell SET status = 'ok', due_on = NULL WHERE community_id = 1 AND theme_id = 1")
            try db.execute(sql: "UPDATE cell SET status = 'rectifying' WHERE community_id = 2 AND theme_id = 1")
            try db.execute(sql: "UPDATE cell SET due_on = '2026-12-01' WHERE community_id = 3 AND theme_id = 1")
        }
        #expect(try due() == [1: "2026-12-03", 2: "2026-11-01", 3: "2026-12-01", 4: nil])
        let overdue = try store.communities(in: .all, filter: CommunityFilter(overdueOnly: true), offset: 0, limit: 10,
                                            today: try #require(Day("2026-12-02")))
        #expect(Set(overdue.map(\.community.id)) == [2, 3])
    }

    @Test("a board window whose communities have nothing overdue reads no cell for its overdue counts")
    func windowWithoutOverdueReadsNoCells() throws {
        let temp = TempDatabase()
        _ = try Fixture.county(temp)
        let statements = ImportWritesTests.Statements()
        var config = Configuration()
        config.prepareDatabase { db in
            db.trace { event in
                guard case .statement(let s) = event, s.sql.contains("FROM cell") else { return }
                statements.byVerb[s.sql, default: 0] += 1
            }
        }
        let store = SQLiteStore(path: temp.path, db: try DatabaseQueue(path: temp.path, configuration: config), readOnly: false)
        let calm = try store.db.read { db in
            try Int64.fetchAll(db, sql: "SELECT community_id FROM tally WHERE open_due IS NULL OR open_due >= ? LIMIT 40",
                               arguments: [Fixture.today.description])
        }
        let late = try store.db.read { db in
            try Int64.fetchAll(db, sql: "SELECT community_id FROM tally WHERE open_due < ? LIMIT 5", arguments: [Fixture.today.description])
        }
        #expect(calm.count == 40 && !late.isEmpty, "the demo county has communities of both kinds")
        statements.byVerb = [:]
        let rows = try store.db.read { db in try store.rows(db, ids: calm, today: Fixture.today) }
        #expect(rows.count == 40 && rows.allSatisfy { $0.counts.overdue == 0 })
        #expect(statements.byVerb.isEmpty, "\(statements.byVerb)")
        let lateRows = try store.db.read { db in try store.rows(db, ids: late, today: Fixture.today) }
        #expect(lateRows.allSatisfy { $0.counts.overdue > 0 })
        #expect(statements.byVerb.count == 1, "one count over the late communities' cells: \(statements.byVerb)")
    }
}
