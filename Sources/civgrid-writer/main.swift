import Foundation
import GridCore
import GridStore
import GridStorePostgres

/// A writer process for the concurrency and kill -9 tests (Tests/GridStoreTests/WriterProcessTests.swift): it opens
/// the store at DB as its own OS process — an SQLite file, or a PostgreSQL database on its own connection — and makes
/// ROUNDS × (number of CELLS) status changes through GridCore's services, one transaction each, as an operator at a
/// console would. Round r sets every cell to 未检查 (unchecked) when r is even and to 达标 (ok) when r is odd, with the
/// note `LABEL·r·i`, so a test can tell every change apart and knows the final state. After each commit it prints the
/// number of changes committed so far (a test waiting to kill it reads them).
///
///     civgrid-writer DB LABEL ROUNDS NOW_MILLIS COMMUNITY:THEME …
///
/// Not installed: it is a test tool, built with the package so the tests can start real processes.
let args = CommandLine.arguments
guard args.count >= 6, let rounds = Int(args[3]), let millis = Int64(args[4]) else {
    FileHandle.standardError.write(Data("usage: civgrid-writer DB LABEL ROUNDS NOW_MILLIS COMMUNITY:THEME …\n".utf8))
    exit(2)
}
let address = args[1], label = args[2]
let cells = args[5...].compactMap { spec -> CellKey? in
    let parts = spec.split(separator: ":").compactMap { RowID($0) }
    return parts.count == 2 ? CellKey(communityID: parts[0], themeID: parts[1]) : nil
}

/// Opens the store the address names, as civgrid's `--db` does.
func openStore() throws(GridError) -> any GridRepository {
    guard PostgresLocation.isPostgres(address) else { return try SQLiteStore.open(path: address) }
    let login = ProcessInfo.processInfo.environment["USER"] ?? "root"
    return try PostgresStore.open(try PostgresLocation(url: address, osUser: login))
}

do {
    let store = try openStore()
    let services = GridServices(store)
    let context = ChangeContext(actor: try store.operatorAccount(login: "admin"), osUser: "writer-\(label)", source: .cli,
                                clock: .fixed(Timestamp(millis: millis), utcOffsetSeconds: 8 * 3600))
    var committed = 0
    for round in 0..<rounds {
        for (i, cell) in cells.enumerated() {
            let status: CellStatus = round % 2 == 0 ? .unchecked : .ok
            let request = StatusChangeRequest(status: status, note: "\(label)·\(round)·\(i)")
            // Busy (SQLite: another writer held the file past the timeout) means nothing was changed: try again, as a script would.
            for attempt in 1... {
                do throws(GridError) {
                    _ = try services.setStatus(cell, request, context: context)
                    break
                } catch .busy(let message) where attempt < 10 {
                    FileHandle.standardError.write(Data("busy, retrying: \(message)\n".utf8))
                }
            }
            committed += 1
            FileHandle.standardOutput.write(Data("\(committed)\n".utf8)) // unbuffered: the line is out before the next change
        }
    }
} catch {
    FileHandle.standardError.write(Data("civgrid-writer \(label): \(error)\n".utf8))
    exit(1)
}
