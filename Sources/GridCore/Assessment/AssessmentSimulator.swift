/// One indicator's result over the runs.
public struct IndicatorOutcome: Hashable, Sendable {
    public var indicator: AssessmentIndicator
    /// Mean points lost (after the cap).
    public var expectedLoss: Double
    /// Share of runs in which the cap was reached.
    public var capReached: Double

    /// The expected score of the indicator.
    public var expectedScore: Double { indicator.points - expectedLoss }
}

/// A non-compliant cell and the expected points fixing it (达标 tomorrow) would gain, caps counted.
public struct FixGain: Hashable, Sendable {
    public var cell: ProjectedCell
    public var gain: Double
}

/// What the Monte Carlo simulation predicts.
public struct AssessmentOutcome: Hashable, Sendable {
    public var runs: Int
    public var seed: UInt64
    public var fullScore: Double
    public var target: Double
    /// Mean score over the runs and its standard error.
    public var expected: Double
    public var standardError: Double
    /// 5th and 95th percentiles of the score.
    public var p5: Double
    public var p95: Double
    /// Share of runs scoring at least the target.
    public var probabilityOfTarget: Double
    /// Indicators, most expected loss first.
    public var indicators: [IndicatorOutcome]
    /// Cells whose fix gains points, most first.
    public var fixes: [FixGain]
    /// Sites visited per run and notes about the plan.
    public var visitsPerRun: Int
    public var notes: [String]
}

/// Monte Carlo over the sampling plan: each run draws the sites the assessors would visit (without replacement, per
/// rule), finds each non-compliant cell there with its status's rate, deducts per indicator up to the cap and scores.
/// Deterministic for a seed (`SeededRandom`). The gain of fixing a cell is measured in the same runs: in each run
/// where the cell is found, the points its indicator would get back (the cap may absorb all of them).
public enum AssessmentSimulator {
    /// Runs `runs` simulated assessments of `table`.
    public static func simulate(_ table: AssessmentTable, runs: Int, seed: UInt64) -> AssessmentOutcome {
        let model = table.model
        let n = model.indicators.count
        let caps = model.indicators.map(\.cap)
        var rng = SeededRandom(seed: seed)
        // The pools laid end to end, shuffled in place run after run (any order of a pool is as good as another).
        var pool = table.pools.flatMap { $0 }
        var ranges: [(start: Int, count: Int, visits: Int)] = []
        var offset = 0
        for (p, k) in zip(table.pools, table.visits) {
            ranges.append((offset, p.count, k))
            offset += p.count
        }
        var deducted = [Double](repeating: 0, count: n)
        var lossSum = [Double](repeating: 0, count: n), capHits = [Int](repeating: 0, count: n)
        var gains = [Double](repeating: 0, count: table.cells.count)
        // A site is visited at most once per rule in a run, so a run finds at most this many contributions.
        var found = [Int32](repeating: 0, count: table.contributions.count * max(1, table.pools.count))
        var scores = [Double](repeating: 0, count: max(0, runs))
        pool.withUnsafeMutableBufferPointer { pool in
            table.contributions.withUnsafeBufferPointer { contrib in
                table.contribStart.withUnsafeBufferPointer { start in
                    deducted.withUnsafeMutableBufferPointer { deducted in
                        found.withUnsafeMutableBufferPointer { found in
                            gains.withUnsafeMutableBufferPointer { gains in
                                for run in 0..<max(0, runs) {
                                    for i in 0..<n { deducted[i] = 0 }
                                    var foundCount = 0
                                    for r in ranges {
                                        for j in 0..<r.visits {
                                            // Partial Fisher–Yates: the first k of a uniformly shuffled prefix are a uniform k-subset.
                                            let pick = r.start + j + Int(rng.next() % UInt64(r.count - j))
                                            pool.swapAt(r.start + j, pick)
                                            let site = Int(pool[r.start + j])
                                            var c = Int(start[site])
                                            let hi = Int(start[site + 1])
                                            while c < hi {
                                                let x = contrib[c]
                                                if x.rate >= 1 || Double(rng.next() >> 11) / Double(1 << 53) < x.rate {
                                                    deducted[Int(x.indicator)] += x.points
                                                    found[foundCount] = Int32(c)
                                                    foundCount += 1
                                                }
                                                c += 1
                                            }
                                        }
                                    }
                                    var score = model.fullScore
                                    for i in 0..<n {
                                        let lost = min(caps[i], deducted[i])
                                        score -= lost
                                        lossSum[i] += lost
                                        if deducted[i] >= caps[i], deducted[i] > 0 { capHits[i] += 1 }
                                    }
                                    scores[run] = score
                                    // What fixing each found cell would have given back in this run, the cap counted.
                                    for f in 0..<foundCount {
                                        let x = contrib[Int(found[f])]
                                        let i = Int(x.indicator), d = deducted[i]
                                        gains[Int(x.cell)] += min(caps[i], d) - min(caps[i], d - x.points)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return outcome(table, runs: runs, seed: seed, scores: scores, lossSum: lossSum, capHits: capHits, gains: gains)
    }

    static func outcome(_ table: AssessmentTable, runs: Int, seed: UInt64, scores: [Double], lossSum: [Double], capHits: [Int],
                        gains: [Double]) -> AssessmentOutcome {
        let model = table.model
        let count = Double(max(1, runs))
        let mean = scores.reduce(0, +) / count
        let variance = scores.count > 1 ? scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scores.count - 1) : 0
        let sorted = scores.sorted()
        func percentile(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return model.fullScore }
            return sorted[min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded()))]
        }
        let reached = scores.filter { $0 >= model.target - 1e-9 }.count
        let indicators = model.indicators.enumerated().map { i, ind in
            IndicatorOutcome(indicator: ind, expectedLoss: lossSum[i] / count, capReached: Double(capHits[i]) / count)
        }
        .sorted { ($0.expectedLoss, $1.indicator.code) > ($1.expectedLoss, $0.indicator.code) }
        let fixes = gains.enumerated().filter { $0.element > 1e-12 }
            .map { FixGain(cell: table.cells[$0.offset], gain: $0.element / count) }
            .sorted { a, b in
                a.gain != b.gain ? a.gain > b.gain : (a.cell.communityID, a.cell.themeID) < (b.cell.communityID, b.cell.themeID)
            }
        return AssessmentOutcome(runs: runs, seed: seed, fullScore: model.fullScore, target: model.target, expected: runs > 0 ? mean : model.fullScore,
                                 standardError: (variance / count).squareRoot(), p5: percentile(0.05), p95: percentile(0.95),
                                 probabilityOfTarget: runs > 0 ? Double(reached) / count : 0, indicators: indicators, fixes: fixes,
                                 visitsPerRun: table.visitsPerRun, notes: table.notes)
    }
}

extension AssessmentOutcome {
    /// `预计得分 92.4 (90.1–94.0) · 目标 95 · 达到目标概率 18%`: the line the console and the command line share.
    public var headline: String {
        "预计得分 \(Self.points(expected, 1)) (\(Self.points(p5, 1))–\(Self.points(p95, 1))) · 目标 \(Self.trimmed(target)) · "
            + "达到目标概率 \(Self.points(probabilityOfTarget * 100, 0))%"
    }

    /// A score with `digits` decimals (`92.4`); a whole target reads `95` (see `trimmed`).
    public static func points(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(x) * scale).rounded())
        let whole = scaled / Int(scale), fraction = scaled % Int(scale)
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let f = String(fraction)
        return sign + "\(whole)." + String(repeating: "0", count: digits - f.count) + f
    }
}

extension AssessmentOutcome {
    /// `95` for a whole number, else one decimal (`95.5`).
    public static func trimmed(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : points(x, 1) }
}
