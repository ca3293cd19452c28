import GRDB
import GridCore

/// Writes the demo's case ledger: an open case behind every open cell, closed cases over the last three
/// months (county scale), and a notice for each of those months naming the cases found in it.
struct DemoCaseLoader {
    let store: SQLiteStore
    let generator: DemoCaseGenerator
    let closedCases: Int

    func load(context: ChangeContext) throws(GridError) {
        try store.write { db in
            var rng = SeededRandom(seed: generator.seed &+ 77)
            let themes = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, code FROM theme").map { ($0["id"] as Int64, $0["code"] as String) })
            let cells = try Row.fetchAll(db, sql: "SELECT * FROM cell ORDER BY community_id, theme_id").map(Decode.cell)
            var chains: [Int64: (ChainSnapshot, Int64?)] = [:]
            var chainTexts: [Int64: String] = [:]
            func chain(_ community: Int64) throws -> (ChainSnapshot, Int64?) {
                if let c = chains[community] { return c }
                let links = try store.fetchChain(db, where: "a.community_id = :c AND a.valid_to IS NULL", arguments: ["c": community])
                let snapshot = ChainSnapshot(chain: links)
                chains[community] = (snapshot, snapshot.unitID)
                return (snapshot, snapshot.unitID)
            }
            var cases: [DemoCase] = []
            for cell in cells {
                let (snapshot, unit) = try chain(cell.communityID)
                if let c = generator.openCase(for: cell, themeCode: themes[cell.themeID] ?? "", sequence: 0, chain: snapshot, unitID: unit, rng: &rng) {
                    cases.append(c)
                }
            }
            for _ in 0..<closedCases where !cells.isEmpty {
                let cell = rng.pick(cells)
                let (snapshot, unit) = try chain(cell.communityID)
                cases.append(generator.closedCase(for: cell, themeCode: themes[cell.themeID] ?? "", sequence: 0, daysAgo: rng.int(8...90),
                                                  chain: snapshot, unitID: unit, rng: &rng))
            }
            cases.sort { $0.record.foundAt < $1.record.foundAt }
            var sequence: [Int: Int] = [:]
            var idsByMonth: [String: [Int64]] = [:]
            for var c in cases {
                let year = c.foundOn.civil.year
                sequence[year, default: 0] += 1
                c.record.number = CaseNumber(year: year, sequence: sequence[year]!)
                let text = try chainTexts[c.record.communityID] ?? CaseRows.chainJSON(c.record.chain)
                chainTexts[c.record.communityID] = text
                try CaseRows.insert(db, c.record, chainText: text)
                let id = db.lastInsertedRowID
                var previous: CaseState?
                for step in c.steps {
                    let at = Timestamp(millis: c.record.foundAt.millis + Int64(step.day) * 86_400_000 + 3_600_000)
                    try CaseRows.appendEvent(db, caseID: id, CaseEvent(action: step.action, from: previous ?? .reported, to: step.state,
                                                                      actor: c.record.foundBy, reason: step.reason, dueOn: nil),
                                             context: context, at: at, fromState: previous)
                    previous = step.state
                }
                let month = String(c.foundOn.description.prefix(7))
                idsByMonth[month, default: []].append(id)
            }
            // One notice per finished month, naming the cases found in it.
            var issue: [Int: Int] = [:]
            for month in idsByMonth.keys.sorted() where month < String(generator.today.description.prefix(7)) {
                guard let first = Day(month + "-01") else { continue }
                let year = first.civil.year
                issue[year, default: 0] += 1
                let last = Day(year: year, month: first.civil.month, day: Day.daysIn(month: first.civil.month, year: year))!
                try db.execute(sql: "INSERT INTO notice (year, issue, period_from, period_to, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [year, issue[year]!, first.description, last.description,
                                           Timestamp(millis: Int64(last.adding(days: 2).ordinal) * 86_400_000).description, "zhangwei"])
                let notice = db.lastInsertedRowID
                for id in idsByMonth[month] ?? [] {
                    try db.execute(sql: "INSERT INTO notice_case (notice_id, case_id) VALUES (?, ?)", arguments: [notice, id])
                }
            }
        }
    }
}
