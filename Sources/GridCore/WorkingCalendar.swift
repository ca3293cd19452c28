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
    /// 立行立改: the same working day it is dispatched.
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

    /// Working days the unit has after the day the clock starts; nil for long-term.
    public var workingDays: Int? {
        switch self {
        case .immediate: 0
        case .threeDays: 3
        case .sevenDays: 7
        case .longTerm: nil
        }
    }

    /// The due day for a case dispatched (交办) on `day`; nil for long-term (its plan date is given).
    ///
    /// The clock starts on `day` when it is a working day, else on the next working day (a case dispatched
    /// on a day off counts as dispatched on the next working day). 立行立改 is due that same day; 限期3 and
    /// 限期7 are due 3 and 7 working days after it.
    public func due(assignedOn day: Day, calendar: WorkingCalendar) -> Day? {
        workingDays.map { calendar.adding(workingDays: $0, to: day) }
    }
}
