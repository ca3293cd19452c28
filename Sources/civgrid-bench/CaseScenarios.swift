import Foundation
import GridApp
import GridCore
import TerminalKit

/// The case screens at scale: Tab to the queue and to the dashboard, keys in the queue, and `case list` with process
/// start. Each scenario runs `runs` times and the worst run (highest p99) is the one reported.
extension Scenarios {
    static let runs = 3

    func cases() throws {
        try tabToQueue()
        try tabToDashboard()
        try queueKeys()
        try caseList()
    }

    /// Runs `body` `Scenarios.runs` times and records the run with the highest p99.
    func worst(_ scenario: String, unit: String = "ms", _ body: () throws -> [Double]) rethrows {
        var worst: [Double] = []
        var worstP99 = -1.0
        for _ in 0..<Scenarios.runs {
            let samples = try body()
            let p99 = Recorder.percentile(samples, 0.99)
            if p99 > worstP99 {
                worst = samples
                worstP99 = p99
            }
        }
        recorder.add(scenario, name, worst, unit: unit, budget: Budgets.label(scenario, scale))
    }

    /// A console just opened on the board: the untimed set-up of the Tab scenarios (going round the Tab cycle would
    /// compute the dashboard's figures on every round).
    func fresh() throws -> Console {
        let c = try console(MemoryBackend(width: 80, height: 24))
        c.draw()
        return c
    }

    /// Milliseconds of `body`.
    func ms(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    func tabToQueue() throws {
        try worst("13 Tab to case queue, first screen drawn") {
            try (0..<(quick ? 5 : 20)).map { _ in
                let c = try fresh()
                return ms {
                    c.dispatch(.key(.tab))
                    c.draw()
                }
            }
        }
    }

    func tabToDashboard() throws {
        var arrived: [Double] = []
        try worst("13 Tab to dashboard, first screen drawn") {
            try (0..<(quick ? 3 : 5)).map { _ in
                let c = try fresh()
                c.dispatch(.key(.tab))
                c.draw()
                // The timed key is the one that shows the dashboard ("computing…"); the figures follow in the background.
                let shown = ms {
                    c.dispatch(.key(.tab))
                    c.draw()
                }
                // Not a budget: how long until the figures are on screen.
                arrived.append(shown + ms {
                    c.settleBackground(seconds: 300)
                    c.draw()
                })
                return shown
            }
        }
        recorder.add("13 dashboard figures arrive (background)", name, arrived, unit: "ms")
    }

    /// Keys in the queue: moves, pages, the end, a typed filter, the overdue toggle.
    func queueKeys() throws {
        let c = try console(MemoryBackend(width: 80, height: 24))
        c.draw()
        c.dispatch(.key(.tab))
        c.draw()
        worst("13 case queue: move (j)") {
            c.dispatch(.key(.char("g")))
            return keys(c, .char("j"), n)
        }
        worst("13 case queue: page down") {
            c.dispatch(.key(.char("g")))
            return keys(c, .pageDown, n / 2)
        }
        worst("13 case queue: jump to end (G)") {
            (0..<(quick ? 3 : 10)).flatMap { _ in
                let t = keys(c, .char("G"), 1)
                _ = keys(c, .char("g"), 1)
                return t
            }
        }
        // Typing a filter: the key starts a count and a window in the background (so does a backspace to no filter while
        // the prompt is open); the text alternates so every key changes the query. Settled before the next key, as a
        // typist would.
        let words = ["城", "阳", "华", "住", "物", "整", "逾", "村"]
        worst("13 case queue: filter keystroke") {
            c.dispatch(.key(.char("/")))
            let t = (0..<(quick ? 16 : 60)).map { i in
                let t = ms {
                    c.dispatch(.key(i % 2 == 0 ? .char(Character(words[(i / 2) % words.count])) : .backspace))
                    c.draw()
                }
                c.settleBackground(seconds: 60)
                return t
            }
            c.dispatch(.key(.escape))
            return t
        }
        // Not a budget: from a typed key until its rows and count are on screen (the count runs in the background).
        var arrived: [Double] = []
        c.dispatch(.key(.char("/")))
        for i in 0..<(quick ? 8 : 24) {
            arrived.append(ms {
                c.dispatch(.key(i % 2 == 0 ? .char(Character(words[(i / 2) % words.count])) : .backspace))
                c.settleBackground(seconds: 60)
                c.draw()
            })
        }
        c.dispatch(.key(.escape))
        recorder.add("13 case queue: filter result arrives (background)", name, arrived, unit: "ms")
        worst("13 case queue: overdue only (O)") {
            keys(c, .char("O"), quick ? 6 : 20)
        }
        worst("13 case queue: escalated only (!)") {
            keys(c, .char("!"), quick ? 6 : 20)
        }
    }

    /// `civgrid case list` (its default: the first 200 open cases) through the real binary, process start included.
    func caseList() throws {
        guard FileManager.default.isExecutableFile(atPath: ProcessStart.binary) else { return }
        try worst("13 `case list` first 200 (process start incl.)") {
            try (0..<(quick ? 3 : 5)).map { _ in try ProcessStart.run(["case", "list", "--limit", "200"], database: store.database) * 1000 }
        }
    }
}
