import GRDB
import GridCore
@testable import GridStore
@testable import GridStorePostgres
import Testing

/// Reads `tally.open_due` straight from either store's table and recounts it from the cells through the port with
/// GridCore's rule (`CellStatus.canBeOverdue`), for `TallyDueContract`.
enum TallyDue {
    /// Rows of a query on the store's own connection, each column as text (nil for NULL).
    static func rows(_ s: StoreUnderTest, _ sql: String) throws -> [[String?]] {
        switch s.store {
        case let store as SQLiteStore:
            return try store.db.read { db in
                try Row.fetchAll(db, sql: sql).map { r in
                    r.databaseValues.map { v -> String? in
                        switch v.storage {
                        case .null: nil
                        case .int64(let i): String(i)
                        case .double(let d): String(d)
                        case .string(let t): t
                        case .blob(let b): String(decoding: b, as: UTF8.self)
                        }
                    }
                }
            }
        case let store as PostgresStore:
            return try store.read { session throws(GridError) in try session.query(sql).map { $0.values.map(\.text) } }
        default:
            throw GridError.database("no raw access to \(type(of: s.store))")
        }
    }

    /// Runs a statement that returns nothing (a delete or a tampering update, behind the services' back).
    static func execute(_ s: StoreUnderTest, _ sql: String) throws {
        switch s.store {
        case let store as SQLiteStore: try store.db.write { try $0.execute(sql: sql) }
        case let store as PostgresStore: _ = try store.read { session throws(GridError) in try session.query(sql) }
        default: throw GridError.database("no raw access to \(type(of: s.store))")
        }
    }

    /// Each community's kept earliest open due day (communities without one left out).
    static func kept(_ s: StoreUnderTest) throws -> [RowID: String] {
        var result: [RowID: String] = [:]
        for r in try rows(s, "SELECT community_id, open_due FROM tally WHERE open_due IS NOT NULL") {
            result[RowID(r[0] ?? "") ?? -1] = r[1]
        }
        return result
    }

    /// The same, recounted from every community's cells.
    static func recounted(_ s: StoreUnderTest) throws -> [RowID: String] {
        let ids = try rows(s, "SELECT community_id FROM tally").compactMap { $0[0].flatMap { RowID($0) } }
        var result: [RowID: String] = [:]
        for cell in try s.store.cells(communityIDs: ids) where cell.status.canBeOverdue {
            guard let due = cell.dueOn?.description else { continue }
            if let earliest = result[cell.communityID], earliest <= due { continue }
            result[cell.communityID] = due
        }
        return result
    }

    /// Expects the kept days to be the recounted ones, naming the first few that differ.
    static func expectAgrees(_ s: StoreUnderTest, _ when: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let kept = try kept(s), counted = try recounted(s)
        let differing = Set(kept.keys).union(counted.keys).filter { kept[$0] != counted[$0] }.sorted()
        #expect(differing.isEmpty, "\(when): community → (kept, cells) \(differing.prefix(5).map { "\($0) → (\(kept[$0] ?? "none"), \(counted[$0] ?? "none"))" })",
                sourceLocation: sourceLocation)
    }

    /// The problems `check` reports about tallies.
    static func checkProblems(_ s: StoreUnderTest) throws -> [String] {
        let all: [String]
        switch s.store {
        case let store as SQLiteStore: all = try store.check()
        case let store as PostgresStore: all = try store.check()
        default: throw GridError.database("no check on \(type(of: s.store))")
        }
        return all.filter { $0.hasPrefix("tally:") }
    }

    /// The communities the overdue filter selected before v14/pg8: those on the board with a cell whose status can be
    /// overdue and whose due day is before `today`, read from the cells.
    static func oldQuery(_ s: StoreUnderTest, today: Day) throws -> Set<RowID> {
        Set(try rows(s, """
            SELECT c.id FROM community c WHERE c.retired_on IS NULL AND c.id IN (SELECT community_id FROM cell
                WHERE due_on < '\(today.description)' AND status IN ('problem','rectifying','parked'))
            """).compactMap { $0[0].flatMap { RowID($0) } })
    }

    /// Every community of a scope on the board, unfiltered.
    static func allIDs(_ s: StoreUnderTest, _ scope: CommunityScope, _ today: Day) throws -> [RowID] {
        let total = try s.store.communityCount(in: scope, filter: .none, today: today)
        return try s.store.communities(in: scope, filter: .none, offset: 0, limit: total, today: today).map(\.community.id)
    }
}
