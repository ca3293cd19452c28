import Foundation
import GridCore
import GridUI
import Testing
import TerminalKit
@testable import GridApp

/// A write that meets a database held by another process past the busy timeout is queued and retried, not lost.
@Suite("Console: busy database", .serialized)
struct BusyRetryTests {
    /// `sqlite3` holding the write lock until `release()` (another operator's long transaction).
    final class LockHolder {
        let process = Process()
        let input = Pipe()

        init(_ path: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [path]
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 1;\n".utf8))
            usleep(300_000)
        }

        func release() {
            input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    @Test("7 on a cell while another process holds the database: queued, then saved on the next tick once it is free")
    func retriedAfterBusy() throws {
        let h = try ConsoleHarness()
        let row = try #require(h.console.state.board.row(at: 0))
        let column = try #require(h.console.state.board.themes.firstIndex { [.ok, .unchecked].contains(row.cells[$0.id]?.status) })
        let theme = h.console.state.board.themes[column]
        h.press(Array(repeating: .char("l"), count: column))
        let lock = try LockHolder(h.store.path)
        h.press([.char("7")])
        #expect(h.console.busyWrites.count == 1, "the write waits instead of being lost")
        #expect(h.console.state.message?.text.contains("busy") == true, "\(h.console.state.message?.text ?? "")")
        lock.release()
        h.console.retryBusyWrites()
        #expect(h.console.busyWrites.isEmpty)
        let stored = try h.store.cells(communityIDs: [row.community.id]).first { $0.themeID == theme.id }
        #expect(stored?.status == .notApplicable)
    }
}
