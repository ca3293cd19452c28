import Foundation
import GRDB
import GridCore
import Testing
@testable import GridStore

@Suite("Status changes and the audit trail")
struct AuditTests {
    @Test("a status change and its audit rows commit together, attributed and timestamped")
    func changeIsAudited() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        let before = try Fixture.auditCount(store)
        let result = try store.changeStatus(
            communityID: row.community.id, themeID: cell.theme.id,
            StatusChangeRequest(status: .problem, note: "楼道堆放杂物"), context: Fixture.context())
        #expect(result.cell.status == .problem)
        #expect(result.cases.map(\.description) == ["楼道堆放杂物"], "a problem is a case")
        #expect(try Fixture.auditCount(store) == before + 1)
        let trail = try store.auditTrail(AuditQuery(communityID: row.community.id, limit: 1))
        #expect(trail.map(\.record.entry.field) == ["status"])
        #expect(trail.allSatisfy { $0.record.operatorLogin == "admin" && $0.record.osUser == "tester" && $0.record.at == Fixture.now })
        #expect(trail.first?.communityName == row.community.name)
        #expect(trail.first?.themeName == cell.theme.zh)
        let stored = try store.cells(communityID: row.community.id).first { $0.theme.id == cell.theme.id }
        #expect(stored?.cell.changedBy == "admin")
        #expect(stored?.cell.note == "楼道堆放杂物")
    }

    @Test("a refused change writes neither the cell nor an audit row")
    func refusedChangeWritesNothing() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        let before = try Fixture.auditCount(store)
        let viewer = Operator(login: "leader", name: "赵建国", role: .viewer)
        #expect(throws: GridError.self) {
            try store.changeStatus(communityID: row.community.id, themeID: cell.theme.id,
                                   StatusChangeRequest(status: .problem, note: "x"), context: Fixture.context(viewer))
        }
        #expect(throws: GridError.self) {
            try store.changeStatus(communityID: row.community.id, themeID: cell.theme.id,
                                   StatusChangeRequest(status: .problem), context: Fixture.context())
        }
        #expect(try Fixture.auditCount(store) == before)
        #expect(try store.cells(communityID: row.community.id).first { $0.theme.id == cell.theme.id }?.cell.status == .ok)
    }

    @Test("the role is read from the database, not trusted from the caller")
    func roleFromDatabase() throws {
        let temp = TempDatabase()
        let store = try Fixture.county(temp)
        let (row, cell) = try Fixture.cell(store, status: .ok)
        let impostor = Operator(login: "leader", name: "赵建国", role: .admin) // leader is a viewer in the demo
        #expect(throws: GridError.self) {
            try store.changeStatus(communityID: row.community.id, themeID: cell.theme.id,
                                   StatusChangeRequest(status: .unchecked), context: Fixture.context(impostor))
        }
    }

    @Test("UPDATE and DELETE on the audit table are refused by triggers")
    func tamperRefused() throws {
        let temp = TempDatabase()
        let store = try Fixture.office(temp)
        #expect(throws: DatabaseError.self) {
            try store.db.write { try $0.execute(sql: "UPDATE audit SET operator = 'someone' WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try store.db.write { try $0.execute(sql: "DELETE FROM audit") }
        }
        #expect(try Fixture.auditCount(store) > 0)
    }

    @Test("two stores on one file (as two processes) both write every change, none lost")
    func concurrentWriters() async throws {
        let temp = TempDatabase()
        let setup = try Fixture.county(temp)
        let cells = try setup.communities(in: .all, filter: .none, offset: 0, limit: 40, today: Fixture.today).map { row in
            (row.community.id, try #require(try setup.cells(communityID: row.community.id).first { [.ok, .unchecked].contains($0.cell.status) }).theme.id)
        }
        let before = try Fixture.auditCount(setup)
        let path = temp.path
        try await withThrowingTaskGroup(of: Void.self) { group in
            for half in 0..<2 {
                group.addTask {
                    let store = try SQLiteStore.open(path: path)
                    for (i, cell) in cells.enumerated() where i % 2 == half {
                        _ = try store.changeStatus(communityID: cell.0, themeID: cell.1,
                                                   StatusChangeRequest(status: .notApplicable), context: Fixture.context())
                    }
                }
            }
            try await group.waitForAll()
        }
        let changed = try cells.filter { c in
            try setup.cells(communityID: c.0).first { $0.theme.id == c.1 }?.cell.status == .notApplicable
        }
        #expect(changed.count == cells.count)
        #expect(try Fixture.auditCount(setup) >= before + cells.count)
    }
}
