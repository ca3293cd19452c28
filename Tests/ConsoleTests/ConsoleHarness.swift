import Foundation
import GridCore
import GridStore
import GridTheme
import GridUI
import Testing
import TerminalKit
@testable import GridApp

/// The console on the demo county in a temporary database, driven by key scripts into the in-memory
/// backend: the real store, effects, reduce, render and diff, without a terminal.
final class ConsoleHarness {
    static let now = Timestamp(iso: "2026-11-30T02:00:00.000Z")!
    static let clock = GridClock.fixed(now, utcOffsetSeconds: 8 * 3600)
    static let admin = Operator(login: "admin", name: "管理员", role: .admin)
    static var themesFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Themes").standardized.path
    }

    let folder: URL
    let store: SQLiteStore
    let backend: MemoryBackend
    let console: Console

    init(width: Int = 80, height: Int = 24, login: String = "admin", colors: Int = 256) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("civgrid-console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("grid.sqlite").path
        let setup = ChangeContext(actor: ConsoleHarness.admin, osUser: "tester", source: .demo, clock: ConsoleHarness.clock)
        let created = try SQLiteStore.create(path: path)
        try created.bootstrap(kind: .demo, officeName: nil, admin: ConsoleHarness.admin, context: setup)
        try DemoLoader(store: created).load(DemoGenerator(scale: .county, seed: 2026, today: ConsoleHarness.clock.today,
                                                          now: ConsoleHarness.now), context: setup)
        store = try SQLiteStore.open(path: path)
        backend = MemoryBackend(width: width, height: height)
        let catalog = ThemeCatalog(folders: [ConsoleHarness.themesFolder])
        let actor = try store.operatorAccount(login: login)
        let context = ChangeContext(actor: actor, osUser: "tester", source: .console, clock: ConsoleHarness.clock)
        console = try Console(store: store, context: context, backend: backend, catalog: catalog,
                              theme: try catalog.load("default"), colors: colors, measure: .standard)
        console.draw()
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Presses keys one by one, drawing after each as the run loop does. Returns the cells sent by the last.
    /// With `settle`, work done in the background (the dashboard's figures) is waited for after each key, as if
    /// the operator paused long enough for the run loop to show it.
    @discardableResult
    func press(_ keys: [Key], settle: Bool = true) -> Int {
        var sent = 0
        for key in keys {
            let before = backend.cellsWritten
            console.dispatch(.key(key))
            if settle { console.settleBackground() }
            console.draw()
            sent = backend.cellsWritten - before
        }
        return sent
    }

    /// Types text into whatever has focus.
    func type(_ text: String) { press(text.map { .char($0) }) }

    /// Resizes the virtual terminal as SIGWINCH would.
    func resize(width: Int, height: Int) {
        backend.resize(width: width, height: height)
        console.terminal.invalidate()
        console.dispatch(.resize(width: width, height: height))
        console.draw()
    }

    /// The screen as text.
    var rows: [String] { (0..<backend.screen.height).map { backend.screen.rowText($0) } }
}

/// Text snapshots of screens: rows, style runs and cursor, compared with files under __Snapshots__ and
/// re-recorded only when CIVGRID_RECORD_SNAPSHOTS=1.
enum Snapshot {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    }

    static func text(_ backend: MemoryBackend) -> String {
        let screen = backend.screen
        var out = "size \(screen.width)x\(screen.height)\n"
        for y in 0..<screen.height { out += "|\(screen.rowText(y))|\n" }
        out += "styles\n"
        for y in 0..<screen.height {
            var runs: [String] = []
            var start = 0
            for x in 1...screen.width {
                if x == screen.width || screen[x, y].style != screen[start, y].style {
                    runs.append("\(start)-\(x - 1) \(screen[start, y].style.code)")
                    start = x
                }
            }
            out += "\(y): " + runs.joined(separator: "; ") + "\n"
        }
        out += "cursor " + (backend.cursor.map { "\($0.x),\($0.y)" } ?? "hidden") + "\n"
        return out
    }

    static func assert(_ backend: MemoryBackend, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent("\(name)-\(backend.screen.width)x\(backend.screen.height).txt")
        let actual = text(backend)
        if ProcessInfo.processInfo.environment["CIVGRID_RECORD_SNAPSHOTS"] == "1" {
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(file.lastPathComponent); record with CIVGRID_RECORD_SNAPSHOTS=1 and review it",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(e, a)).firstIndex { $0 != $1 } ?? min(e.count, a.count)
        Issue.record("""
            snapshot \(file.lastPathComponent) differs at line \(line + 1):
              expected: \(line < e.count ? String(e[line]) : "<end>")
              actual:   \(line < a.count ? String(a[line]) : "<end>")
            """, sourceLocation: sourceLocation)
    }
}
