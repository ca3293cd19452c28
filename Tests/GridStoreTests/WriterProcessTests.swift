import Foundation
import GridCore
@testable import GridStore
@testable import GridStorePostgres
import Testing

/// Several OS processes writing one store at once, and one killed with SIGKILL mid-run, on both stores: every change
/// lands exactly once with its audit row and chain entry, or not at all; `check` verifies afterwards; a console that
/// was open throughout (PostgreSQL: learning of commits by LISTEN/NOTIFY) ends showing exactly what the database holds.
/// The writers are `civgrid-writer` processes (Sources/civgrid-writer), each on its own connection.
@Suite("writer processes")
struct WriterProcessTests {
    @Test("eight writer processes × 200 changes with a console open: none lost or duplicated, the chain verifies, the console shows the final state",
          arguments: StoreKind.allCases)
    func eightWriters(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cells = try s.cells([.ok], count: 8 * 40)
        try #require(cells.count == 320)
        let before = try s.store.latestAuditID(), headBefore = try s.store.auditChainHead()
        var console = try ConsoleModel(try s.reopen(), watching: cells)
        // Five rounds over 40 cells each: 未检查, 达标, 未检查, 达标, 未检查.
        let writers = try (0..<8).map { w in
            try WriterProcess(address: try WriterProcess.address(of: s), label: "写手\(w)", rounds: 5, cells: Array(cells[(w * 40)..<((w + 1) * 40)]))
        }
        while writers.contains(where: \.process.isRunning) {
            try console.refreshIfChanged()
            usleep(20_000)
        }
        for w in writers {
            let (code, committed, err) = w.finish()
            #expect(code == 0 && committed == 200, "\(w.label): exit \(code), \(committed) committed, \(err)")
        }
        // Every change is there exactly once, each as one audit row and one chain entry.
        let rows = try s.store.auditTrail(AuditQuery(afterID: before, limit: 100_000)).sorted { $0.record.id < $1.record.id }
        #expect(rows.count == 1600, "\(rows.count) audit rows after the writers")
        let notes = rows.map(\.record.entry.note)
        let expected = (0..<8).flatMap { w in (0..<5).flatMap { r in (0..<40).map { "写手\(w)·\(r)·\($0)" } } }
        #expect(Set(notes).count == notes.count, "a change was recorded twice")
        #expect(Set(notes) == Set(expected))
        #expect(rows.allSatisfy { $0.record.entry.field == "status" })
        #expect(try s.store.auditChainHead().seq - headBefore.seq == 1600)
        #expect(try WriterProcess.check(s.store) == [])
        // Each cell ended where its writer's last round left it, and the console, told of the commits, shows exactly that.
        let truth = try ConsoleModel.statuses(of: cells, in: s.store)
        #expect(truth.values.allSatisfy { $0 == .unchecked })
        try console.catchUp(with: s.store)
        #expect(console.view == truth)
        #expect(console.refreshes > 1, "the console refreshed only at the end")
        if kind == .postgres {
            #expect(console.markerStatements == 0, "the console queried the marker instead of counting notifications")
        }
    }

    @Test("a writer killed with SIGKILL mid-run leaves only whole changes, check passes, and a new writer continues the chain",
          arguments: StoreKind.allCases)
    func killedWriter(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cells = try s.cells([.ok], count: 80)
        try #require(cells.count == 80)
        let first = Array(cells[0..<40]), later = Array(cells[40..<80])
        let before = try s.store.latestAuditID()
        let address = try WriterProcess.address(of: s)
        let writer = try WriterProcess(address: address, label: "长跑", rounds: 100, cells: first)
        let deadline = Date().addingTimeInterval(120)
        while writer.committed < 60, writer.process.isRunning, Date() < deadline { usleep(5_000) }
        kill(writer.process.processIdentifier, SIGKILL)
        let (_, printed, err) = writer.finish()
        #expect(writer.process.terminationReason == .uncaughtSignal, "the writer had ended before the kill: \(err)")
        // Whole changes only, in the writer's order: the audit holds a prefix of its changes with no gap and no repeat
        // (one more than it printed if the kill fell between a commit and its line).
        let rows = try s.store.auditTrail(AuditQuery(afterID: before, limit: 100_000)).sorted { $0.record.id < $1.record.id }
        let notes = rows.map(\.record.entry.note)
        #expect(notes.count >= printed && notes.count <= printed + 1 && notes.count < 4000, "\(notes.count) rows, \(printed) printed")
        let order = (0..<100).flatMap { r in (0..<40).map { "长跑·\(r)·\($0)" } }
        #expect(notes == Array(order.prefix(notes.count)))
        // Each cell holds the status its last audit row names (the change and its row committed together).
        let now = try ConsoleModel.statuses(of: first, in: s.store)
        for (i, cell) in first.enumerated() {
            let last = rows.last { $0.record.entry.entityID == "\(cell.communityID)/\(cell.themeID)" }
            #expect(now[cell.key] == last.flatMap { CellStatus(rawValue: $0.record.entry.newValue ?? "") } ?? .ok, "cell \(i)")
        }
        #expect(try WriterProcess.check(s.store) == [])
        // A new writer process continues the chain from where the killed one stopped.
        let head = try s.store.auditChainHead()
        let next = try WriterProcess(address: address, label: "接续", rounds: 1, cells: later)
        let (code, committed, nextErr) = next.finish()
        #expect(code == 0 && committed == 40, "\(nextErr)")
        #expect(try s.store.auditChainHead().seq == head.seq + 40)
        #expect(try WriterProcess.check(s.store) == [])
    }

    @Test("a write rolled back (an import's dry run) leaves no gap in the audit ids: the next change is the next id and check passes",
          arguments: StoreKind.allCases)
    func rolledBackLeavesNoGap(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let place = try #require(try s.store.communities(in: .all, filter: .none, offset: 0, limit: 1, today: s.today).first)
        var batch = ImportBatch(source: "试算.csv", update: false)
        let office = try #require(try s.store.offices().first).name
        batch.communities.append(ImportRecord(line: 2, CommunityFields(office: office, street: place.streetName, name: "试算新村")))
        let before = try s.store.latestAuditID()
        let outcome = try s.services.importBatch(batch, into: s.store, dryRun: true, context: s.context())
        #expect(outcome.changes.contains { $0.kind == .new }, "the dry run wrote (and rolled back) something: \(outcome.rejected)")
        #expect(try s.store.latestAuditID() == before)
        let cell = try #require(try s.cells([.ok]).first)
        _ = try s.services.setStatus(cell.key, StatusChangeRequest(status: .unchecked, note: "复查"), context: s.context())
        #expect(try s.store.latestAuditID() == before + 1)
        #expect(try WriterProcess.check(s.store) == [])
    }
}

/// A console's view of some cells, refreshed when the store's change marker moves (as the console's idle tick does);
/// on PostgreSQL the marker follows LISTEN/NOTIFY, so reading it sends nothing to the server.
struct ConsoleModel {
    let store: any GridRepository
    let cells: [CellState]
    var view: [CellKey: CellStatus] = [:]
    var marker: Int
    var refreshes = 0
    /// Statements the marker reads cost (PostgreSQL): zero while the listening connection is up.
    var markerStatements = 0

    init(_ store: any GridRepository, watching cells: [CellState]) throws {
        self.store = store
        self.cells = cells
        try (store as? PostgresStore)?.listenForChanges()
        marker = try store.changeMarker()
        view = try ConsoleModel.statuses(of: cells, in: store)
    }

    /// Re-reads the view when another process has committed since the last look.
    mutating func refreshIfChanged() throws {
        let sent = (store as? PostgresStore)?.statementCount ?? 0
        let now = try store.changeMarker()
        markerStatements += ((store as? PostgresStore)?.statementCount ?? 0) - sent
        guard now != marker else { return }
        marker = now
        view = try ConsoleModel.statuses(of: cells, in: store)
        refreshes += 1
    }

    /// Waits (up to 10 s) until the console's marker reaches the one `other` reads from the database, then refreshes.
    mutating func catchUp(with other: any GridRepository) throws {
        let target = try (other as? PostgresStore)?.polledChangeMarker()
        let deadline = Date().addingTimeInterval(10)
        while let target, marker < target, Date() < deadline {
            try refreshIfChanged()
            usleep(10_000)
        }
        if let target { #expect(marker == target, "the console was told of \(marker) commits, the database has \(target)") }
        try refreshIfChanged()
    }

    /// The cells' statuses as `store` reads them now.
    static func statuses(of cells: [CellState], in store: any GridRepository) throws -> [CellKey: CellStatus] {
        var result: [CellKey: CellStatus] = [:]
        for id in Set(cells.map(\.communityID)) {
            for c in try store.cells(communityID: id) { result[c.cell.key] = c.cell.status }
        }
        return result.filter { key, _ in cells.contains { $0.key == key } }
    }
}

/// One `civgrid-writer` process, counting the changes it reports committed.
final class WriterProcess: @unchecked Sendable {
    let label: String
    let process = Process()
    private let out = Pipe(), err = Pipe()
    private let lock = NSLock()
    private var lines = 0

    /// Starts the writer on `address` (see Sources/civgrid-writer for what it does).
    init(address: String, label: String, rounds: Int, cells: [CellState]) throws {
        self.label = label
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("civgrid-writer")
        process.arguments = [address, label, "\(rounds)", "\(Fixture.now.millis)"] + cells.map { "\($0.communityID):\($0.themeID)" }
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] h in self?.count(h.availableData) }
        try process.run()
    }

    private func count(_ data: Data) {
        lock.withLock { lines += data.filter { $0 == UInt8(ascii: "\n") }.count }
    }

    /// Changes the writer has reported committed so far.
    var committed: Int { lock.withLock { lines } }

    /// Waits for the process to end: its exit status, the changes it reported, and what it wrote to stderr.
    func finish() -> (Int32, Int, String) {
        process.waitUntilExit()
        out.fileHandleForReading.readabilityHandler = nil
        count(out.fileHandleForReading.readDataToEndOfFile())
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, committed, text)
    }

    /// The address a writer process opens for the store under test.
    static func address(of s: StoreUnderTest) throws -> String {
        if let sqlite = s.store as? SQLiteStore { return sqlite.path }
        let l = try #require((s.store as? PostgresStore)?.location)
        return "postgresql:///\(l.database)?host=\(l.host)&port=\(l.port)&user=\(l.user)"
    }

    /// What `civgrid check` reports for either store.
    static func check(_ store: any GridRepository) throws -> [String] {
        if let sqlite = store as? SQLiteStore { return try sqlite.check() }
        return try #require(store as? PostgresStore).check()
    }
}
