/// The check points (检查要点) of the assessment themes: what an inspector looks at for a theme, in walking order,
/// keyed by theme code. Data, not code: read from `checkpoints.toml` (GridTheme `CheckPointsFile`); a theme without an
/// entry is walked by its name alone.
public struct CheckPoints: Hashable, Sendable {
    /// Theme code → its points in order.
    public var byTheme: [String: [String]]

    /// Check points by theme code.
    public init(_ byTheme: [String: [String]] = [:]) { self.byTheme = byTheme }

    /// No check points at all (every theme walked by its name).
    public static let none = CheckPoints()

    /// The points of a theme, in order; empty when the file names none.
    public func points(for code: String) -> [String] { byTheme[code] ?? [] }

    /// Most points one theme may have: a phone screen shows a theme's points without scrolling far.
    public static let maxPoints = 12
    /// Longest point, in characters: a point is a line to read on site, not a paragraph.
    public static let maxLength = 120
}
