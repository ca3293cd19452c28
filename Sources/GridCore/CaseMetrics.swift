/// The dashboard's figures for a period, from its cases: pure, so they can be checked by hand.
public struct CaseMetrics: Hashable, Sendable {
    public var found = 0
    public var closed = 0
    public var closedOnTime = 0
    public var open = 0
    public var overdue = 0
    public var reworked = 0
    /// Cases found per theme code.
    public var byTheme: [String: Int] = [:]

    /// 结案率: closed (incl. fixed on site) over found (voided cases left out).
    public var closureRate: Double? { found == 0 ? nil : Double(closed) / Double(found) }
    /// 按期结案率: closed by the due day over closed.
    public var onTimeRate: Double? { closed == 0 ? nil : Double(closedOnTime) / Double(closed) }
    /// 返工率: cases reworked at least once over closed.
    public var reworkRate: Double? { closed == 0 ? nil : Double(reworked) / Double(closed) }

    /// Figures for cases found in a period, as of `asOf`.
    public static func compute(_ cases: [ScoredCase], asOf: Day) -> CaseMetrics {
        var m = CaseMetrics()
        for c in cases where c.record.state != .void {
            m.found += 1
            m.byTheme[c.themeCode, default: 0] += 1
            if c.record.state.isOpen {
                m.open += 1
                if c.record.isOverdue(today: asOf) { m.overdue += 1 }
            } else {
                m.closed += 1
                let onTime = c.record.state == .fixedOnSite || (c.closedOn.map { day in c.record.dueOn.map { day <= $0 } ?? true } ?? true)
                if onTime { m.closedOnTime += 1 }
            }
            if c.record.reworkCount > 0 { m.reworked += 1 }
        }
        return m
    }

    /// Counts per consecutive bucket of `days` days ending at `last`, oldest first (the trend line).
    public static func trend(_ cases: [ScoredCase], last: Day, buckets: Int, days: Int, utcOffsetSeconds: Int = 0) -> [Int] {
        var counts = Array(repeating: 0, count: buckets)
        let start = last.adding(days: -(buckets * days) + 1)
        for c in cases {
            let d = c.record.foundAt.day(offsetSeconds: utcOffsetSeconds)
            guard d >= start, d <= last else { continue }
            counts[min(buckets - 1, start.days(until: d) / days)] += 1
        }
        return counts
    }

    /// `▁▃▅█` bars scaled to the largest value.
    public static func sparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let top = max(1, values.max() ?? 1)
        return String(values.map { blocks[min(7, $0 * 7 / top)] })
    }
}
