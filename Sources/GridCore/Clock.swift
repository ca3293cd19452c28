/// Where "now" and "today" come from; injected so that overdue and deadlines can be tested.
public struct GridClock: Sendable {
    /// The current instant.
    public var now: @Sendable () -> Timestamp
    /// Seconds east of UTC for the office's local day (deadlines are local calendar days).
    public var utcOffsetSeconds: Int

    /// Creates a clock from a time source and the local offset.
    public init(utcOffsetSeconds: Int, now: @escaping @Sendable () -> Timestamp) {
        self.now = now
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// A clock frozen at one instant, for tests and what-if runs.
    public static func fixed(_ t: Timestamp, utcOffsetSeconds: Int = 0) -> GridClock {
        GridClock(utcOffsetSeconds: utcOffsetSeconds) { t }
    }

    /// The office's local calendar day now.
    public var today: Day { now().day(offsetSeconds: utcOffsetSeconds) }
}
