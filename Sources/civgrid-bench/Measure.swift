import Foundation

/// One row of the results table.
struct Result: Codable {
    var scenario: String
    var scale: String
    /// `sqlite` or `postgres`: the store the row was measured on.
    var store: String
    var p50: Double
    var p99: Double
    var max: Double
    var unit: String
    var samples: Int
    var budget: String
}

/// Collects samples and turns them into table rows.
final class Recorder {
    private(set) var results: [Result] = []
    /// The store the rows being added are measured on (set before each store's run).
    var store = "sqlite"

    /// Records samples (already in `unit`).
    func add(_ scenario: String, _ scale: String, _ samples: [Double], unit: String, budget: String = "") {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return }
        func pct(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))] }
        results.append(Result(scenario: scenario, scale: scale, store: store, p50: pct(0.5), p99: pct(0.99), max: sorted.last!, unit: unit,
                              samples: sorted.count, budget: budget))
        let r = results.last!
        FileHandle.standardError.write(Data("  \(scale)/\(store) \(scenario): p50 \(fmt(r.p50)) p99 \(fmt(r.p99)) \(unit)\n".utf8))
    }

    /// Adds a row measured elsewhere (a scenario run in a process of its own).
    func append(_ result: Result) {
        results.append(result)
        FileHandle.standardError.write(Data("  \(result.scale)/\(result.store) \(result.scenario): p50 \(fmt(result.p50)) \(result.unit)\n".utf8))
    }

    /// The `p` quantile (0…1) of samples, as the table reports it.
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    /// Times `body` `count` times, in milliseconds.
    static func time(_ count: Int, _ body: (Int) throws -> Void) rethrows -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            try body(i)
            out.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return out
    }

    /// The table as text.
    func table() -> String {
        var lines = [row(["scenario", "scale", "store", "p50", "p99", "max", "unit", "n", "budget"])]
        for r in results {
            lines.append(row([r.scenario, r.scale, r.store, fmt(r.p50), fmt(r.p99), fmt(r.max), r.unit, "\(r.samples)", r.budget]))
        }
        return lines.joined(separator: "\n")
    }

    func row(_ cells: [String]) -> String {
        let widths = [44, 9, 8, 9, 9, 9, 6, 5, 12]
        return zip(cells, widths).enumerated().map { i, pair in
            let (text, w) = pair
            let pad = String(repeating: " ", count: max(0, w - text.count))
            return (3...5).contains(i) || i == 7 ? pad + text : text + pad
        }.joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}

func fmt(_ v: Double) -> String {
    v >= 100 ? String(format: "%.0f", v) : v >= 10 ? String(format: "%.1f", v) : String(format: "%.2f", v)
}

/// Resident memory of this process in MB, from /proc.
func residentMB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

/// CPU time (user + system) this process has used, in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
