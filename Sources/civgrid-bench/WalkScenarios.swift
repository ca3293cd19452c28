import Foundation
import GridApp
import GridCore
import GridStore
import TerminalKit

/// Walk mode at scale (`--only walk`): a round over every community of the grid, then the keys of a walk on a phone-sized
/// screen — opening the site list (the round's coverage), opening a site, and one result recorded end to end (durable,
/// the next theme drawn). Each runs `Scenarios.runs` times; the worst run is reported.
extension Scenarios {
    func walk() throws {
        let store = try self.store.open()
        defer { store.close() }
        let services = GridServices(store)
        // A fresh round each run (names are unique), over everything: the largest site list walk mode can be asked for.
        let draft = RoundDraft(name: "bench walk \(getpid()) \(Int(Date().timeIntervalSince1970))", kind: .supervision,
                               from: Scenarios.clock.today, to: Scenarios.clock.today.adding(days: 7))
        let round = try services.startRound(try services.addRound(draft, context: context).id, context: context)
        func walking() throws -> Console {
            let c = try console(MemoryBackend(width: 40, height: 20))
            c.dispatch(.key(.char("W")))
            if let i = c.state.walk.rounds.firstIndex(where: { $0.id == round.id }) {
                for _ in 0..<i { c.dispatch(.key(.char("j"))) }
            }
            c.draw()
            return c
        }
        try worst("14 walk: round → site list (coverage of every site)") {
            try (0..<(quick ? 3 : 10)).map { _ in
                let c = try walking()
                return ms {
                    c.dispatch(.key(.enter))
                    c.draw()
                }
            }
        }
        try worst("14 walk: site → first theme drawn") {
            let c = try walking()
            c.dispatch(.key(.enter))
            return (0..<(quick ? 5 : 20)).map { i in
                c.dispatch(.key(.char("s")))
                c.state.walk.sites.isEmpty ? () : c.dispatch(.key(i % 2 == 0 ? .char("j") : .char("k")))
                return ms {
                    c.dispatch(.key(.enter))
                    c.draw()
                }
            }
        }
        try worst("14 walk: 1 recorded (durable) → next theme drawn") {
            let c = try walking()
            c.dispatch(.key(.enter))
            c.dispatch(.key(.enter))
            return (0..<(quick ? 5 : 30)).map { _ in
                // Skip themes whose open cases would refuse 达标, so every sample is a recorded inspection.
                while let stop = c.state.walk.current, ![.ok, .unchecked, .notApplicable, .fixedOnSite].contains(stop.status) {
                    c.dispatch(.key(.char(" ")))
                }
                return ms {
                    c.dispatch(.key(.char("1")))
                    c.draw()
                }
            }
        }
    }
}
