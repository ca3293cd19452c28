/// A demo case with the steps it went through, generated from a cell so the ledger agrees with the board.
public struct DemoCase: Sendable {
    public var record: CaseRecord
    /// (action code, state after, days after it was found, reason).
    public var steps: [(action: String, state: CaseState, day: Int, reason: String)]
    /// The day it was found.
    public var foundOn: Day
}

/// Case histories for the demo county: an open case behind every open cell, and closed cases over the
/// campaign's last three months, some late, some reworked or extended.
public struct DemoCaseGenerator: Sendable {
    public let today: Day
    public let seed: UInt64

    /// Creates a generator.
    public init(today: Day, seed: UInt64) {
        self.today = today
        self.seed = seed
    }

    static let sources: [(CaseSource, Double)] = [(.supervision, 5), (.selfInspection, 3), (.gridWorker, 2), (.citizen, 1.5),
                                                   (.higherLevel, 0.7), (.assessment, 0.5), (.media, 0.3)]

    /// The open case behind an open cell (有问题, 整改中, 待复核, 挂账), or nil for other statuses.
    public func openCase(for cell: CellState, themeCode: String, sequence: Int, chain: ChainSnapshot, unitID: RowID?,
                         rng: inout SeededRandom) -> DemoCase? {
        let state: CaseState
        switch cell.status {
        case .problem: state = rng.chance(0.5) ? .assigned : .registered
        case .rectifying: state = .rectifying
        case .recheck: state = .submitted
        case .parked: state = .parked
        default: return nil
        }
        let age = rng.int(3...25)
        let found = today.adding(days: -age)
        var r = record(cell: cell, themeCode: themeCode, sequence: sequence, found: found, chain: chain, rng: &rng)
        r.state = state
        r.dueOn = cell.dueOn
        var steps: [(String, CaseState, Int, String)] = [("report", .reported, 0, r.description), ("register", .registered, 0, "")]
        if state != .registered {
            r.handlingUnitID = unitID
            steps.append(("assign", .assigned, 1, ""))
        }
        if [.rectifying, .submitted, .parked].contains(state) { steps.append(("start", .rectifying, 2, "")) }
        if state == .submitted { steps.append(("submit", .submitted, min(age, 4), "")) }
        if state == .parked {
            r.deadlineClass = .longTerm
            steps.append(("park", .parked, min(age, 5), "需工程改造，纳入长期整改"))
        }
        if rng.chance(0.08) {
            r.escalated = true
            steps.append(("escalate", state, min(age, 6), ""))
        }
        return DemoCase(record: r, steps: steps, foundOn: found)
    }

    /// A closed case found `daysAgo` days ago on `cell`'s place.
    public func closedCase(for cell: CellState, themeCode: String, sequence: Int, daysAgo: Int, chain: ChainSnapshot, unitID: RowID?,
                           rng: inout SeededRandom) -> DemoCase {
        let found = today.adding(days: -daysAgo)
        var r = record(cell: cell, themeCode: themeCode, sequence: sequence, found: found, chain: chain, rng: &rng)
        if rng.chance(0.12) {
            r.state = .fixedOnSite
            return DemoCase(record: r, steps: [("report", .reported, 0, r.description), ("fix_on_site", .fixedOnSite, 0, "")], foundOn: found)
        }
        r.handlingUnitID = unitID
        let limit = r.deadlineClass == .immediate ? 1 : r.deadlineClass == .threeDays ? 3 : 7
        r.dueOn = WorkingCalendar.weekendsOnly.adding(workingDays: limit, to: found.adding(days: 1))
        var steps: [(String, CaseState, Int, String)] = [("report", .reported, 0, r.description), ("register", .registered, 0, ""),
                                                         ("assign", .assigned, 1, ""), ("start", .rectifying, 1, "")]
        var day = 1 + rng.int(1...(limit + 4))
        if rng.chance(0.1) {
            r.extensionCount = 1
            r.dueOn = r.dueOn?.adding(days: 7)
            steps.append(("request_extension", .extensionRequested, day, "材料采购需要时间"))
            steps.append(("approve_extension", .rectifying, day, ""))
            day += rng.int(1...6)
        }
        steps.append(("submit", .submitted, day, ""))
        if rng.chance(0.15) {
            r.reworkCount = 1
            steps.append(("rework", .rectifying, day + 1, "复核发现问题未彻底整改"))
            day += rng.int(2...4)
            steps.append(("submit", .submitted, day, ""))
        }
        steps.append(("verify", .closed, min(daysAgo, day + 1), ""))
        r.state = .closed
        return DemoCase(record: r, steps: steps, foundOn: found)
    }

    func record(cell: CellState, themeCode: String, sequence: Int, found: Day, chain: ChainSnapshot, rng: inout SeededRandom) -> CaseRecord {
        let source = rng.weighted(DemoCaseGenerator.sources)
        let text = cell.note.isEmpty ? rng.pick(DemoNames.problems[themeCode] ?? ["现场发现问题"]) : cell.note
        let cls: DeadlineClass = rng.weighted([(.immediate, 3), (.threeDays, 5), (.sevenDays, 2)])
        let at = Timestamp(millis: Int64(found.ordinal) * 86_400_000 + Int64(rng.int(1...9)) * 3_600_000)
        return CaseRecord(number: CaseNumber(year: found.civil.year, sequence: sequence), source: source, communityID: cell.communityID,
                          themeID: cell.themeID, location: rng.chance(0.5) ? "\(rng.int(1...30))号楼" : "", description: text,
                          urgent: rng.chance(0.1), deadlineClass: cls, foundAt: at, foundBy: DemoOperators.all[rng.int(0...1)].login, chain: chain)
    }
}
