/// Working days for deadlines: weekends off, plus the office's holiday list and the weekend days that are
/// worked instead (调休). Deadlines of cases count working days.
public struct WorkingCalendar: Hashable, Sendable {
    /// Days off that would otherwise be working days (国庆, 春节 …).
    public var holidays: Set<Day>
    /// Saturdays or Sundays that are worked (make-up days).
    public var workdays: Set<Day>

    /// Creates a calendar.
    public init(holidays: Set<Day> = [], workdays: Set<Day> = []) {
        self.holidays = holidays
        self.workdays = workdays
    }

    /// Weekends only.
    public static let weekendsOnly = WorkingCalendar()

    /// Whether people work on `day`.
    public func isWorkingDay(_ day: Day) -> Bool {
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return day.weekday <= 5
    }

    /// The day `count` working days after `day` (count 0: `day` itself if it is a working day, else the next).
    public func adding(workingDays count: Int, to day: Day) -> Day {
        var d = day
        while !isWorkingDay(d) { d = d.adding(days: 1) }
        var left = count
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// Working days from `start` (exclusive) to `end` (inclusive); negative when `end` is earlier.
    public func workingDays(from start: Day, to end: Day) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        var d = start, n = 0
        while d < end {
            d = d.adding(days: 1)
            if isWorkingDay(d) { n += 1 }
        }
        return n
    }
}

/// How soon a problem must be fixed.
public enum DeadlineClass: String, CaseIterable, Sendable, Codable {
    /// 立行立改: within one working day.
    case immediate
    /// 限期 3 working days.
    case threeDays = "days3"
    /// 限期 7 working days.
    case sevenDays = "days7"
    /// 长期: by an explicit plan date.
    case longTerm = "long_term"

    /// Chinese label.
    public var zh: String {
        switch self {
        case .immediate: "立行立改"
        case .threeDays: "限期3个工作日"
        case .sevenDays: "限期7个工作日"
        case .longTerm: "长期整改"
        }
    }

    /// The due day for a case assigned on `day`; nil for long-term (its plan date is given).
    public func due(assignedOn day: Day, calendar: WorkingCalendar) -> Day? {
        switch self {
        case .immediate: calendar.adding(workingDays: 1, to: day)
        case .threeDays: calendar.adding(workingDays: 3, to: day)
        case .sevenDays: calendar.adding(workingDays: 7, to: day)
        case .longTerm: nil
        }
    }
}
