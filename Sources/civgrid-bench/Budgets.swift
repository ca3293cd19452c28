import GridCore

/// The budgets of the speed issue's table (p99 in ms, release build, this machine), by scenario and scale, and the
/// `--check` comparison of a run with them. PostgreSQL rows are held to the same budgets as SQLite's (issue 14).
enum Budgets {
    /// (scenario prefix, county, city, province) — a row matches the first budget whose prefix starts its name.
    static let table: [(prefix: String, county: Double, city: Double, province: Double)] = [
        ("13 Tab to case queue", 20, 30, 50),
        ("13 Tab to dashboard", 20, 30, 50),
        ("13 case queue: move", 5, 5, 10),
        ("13 case queue: page down", 5, 5, 10),
        ("13 case queue: filter keystroke", 5, 5, 10),
        ("13 `case list` first 200", 100, 150, 200),
        ("5 search keystroke", 5, 5, 10),
        ("6 filter: overdue only", 10, 15, 20),
        ("2 board: down", 5, 5, 5),
        ("2 board: page down", 5, 5, 5),
        ("1 cold open → first frame (process start incl.)", 50, 50, 50),
        ("14 assessment: 10,000 runs +", 2000, 2000, 2000),
    ]

    /// Rates that must be reached (rows/s, p50 compared): the realistic chain sheet's import (issue 13's last row).
    static let minimums: [(prefix: String, rate: Double)] = [("11 import chain sheet, CSV (rows/s)", 20_000)]

    /// The budget of a scenario at a scale, in ms, if the table has one.
    static func budget(_ scenario: String, _ scale: String) -> Double? {
        guard let row = table.first(where: { scenario.hasPrefix($0.prefix) }) else { return nil }
        switch scale {
        case DemoScale.county.rawValue: return row.county
        case DemoScale.city.rawValue: return row.city
        case DemoScale.province.rawValue: return row.province
        default: return nil
        }
    }

    /// The budget as the table prints it.
    static func label(_ scenario: String, _ scale: DemoScale) -> String {
        budget(scenario, scale.rawValue).map { "p99 ≤\(fmt($0)) ms" } ?? ""
    }

    /// Rows over budget (p99 compared), as lines to print; empty when every budgeted row is met.
    static func misses(_ results: [Result]) -> [String] {
        results.compactMap { r in
            if r.unit == "rows/s", let m = minimums.first(where: { r.scenario.hasPrefix($0.prefix) }), r.p50 < m.rate {
                return "under budget: \(r.scale)/\(r.store) \(r.scenario): \(fmt(r.p50)) rows/s < \(fmt(m.rate)) rows/s"
            }
            guard r.unit == "ms", let b = budget(r.scenario, r.scale), r.p99 > b else { return nil }
            return "over budget: \(r.scale)/\(r.store) \(r.scenario): p99 \(fmt(r.p99)) ms > \(fmt(b)) ms"
        }
    }
}
