/// Number formatting without Foundation (GridUI does not import it): fixed decimals and percentages.
enum Format {
    /// `value` with `digits` decimals, rounded half away from zero: `fixed(3.14159, 2)` = `3.14`.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let f = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: max(0, digits - f.count)) + f
    }

    /// A ratio as a whole percentage, `—` when there is none.
    static func percent(_ v: Double?) -> String { v.map { fixed($0 * 100, 0) + "%" } ?? "—" }
}
