/// The responsibility status of one cell (community × theme).
///
/// Each status has a one-key code (digits, so they never clash with navigation keys), a Chinese and an
/// English label. The raw value is the stable code stored in the database.
public enum CellStatus: String, CaseIterable, Sendable, Codable {
    case unchecked = "unchecked"
    case ok = "ok"
    case problem = "problem"
    case rectifying = "rectifying"
    case recheck = "recheck"
    case fixedOnSite = "fixed"
    case parked = "parked"
    case notApplicable = "na"

    /// The one key that sets this status in the console and is accepted by `civgrid set`.
    public var key: Character {
        switch self {
        case .unchecked: "0"
        case .ok: "1"
        case .problem: "2"
        case .rectifying: "3"
        case .recheck: "4"
        case .fixedOnSite: "5"
        case .parked: "6"
        case .notApplicable: "7"
        }
    }

    /// Chinese label.
    public var zh: String {
        switch self {
        case .unchecked: "未查"
        case .ok: "达标"
        case .problem: "有问题"
        case .rectifying: "整改中"
        case .recheck: "待复核"
        case .fixedOnSite: "现场整改"
        case .parked: "挂账"
        case .notApplicable: "不适用"
        }
    }

    /// English label.
    public var en: String {
        switch self {
        case .unchecked: "not checked"
        case .ok: "compliant"
        case .problem: "problem found"
        case .rectifying: "rectifying"
        case .recheck: "awaiting re-check"
        case .fixedOnSite: "fixed on site"
        case .parked: "parked"
        case .notApplicable: "not applicable"
        }
    }

    /// Open statuses still owe work.
    public var isOpen: Bool { [.problem, .rectifying, .recheck, .parked].contains(self) }

    /// Statuses whose deadline is the responsible unit's to meet. 待复核 keeps its deadline (it comes back if
    /// the re-check fails) but is not overdue: the unit has reported the work done and waits for the office.
    public var canBeOverdue: Bool { [.problem, .rectifying, .parked].contains(self) }

    /// Statuses that may carry a deadline: a due date, or for 挂账 the plan date.
    public var carriesDeadline: Bool { [.problem, .rectifying, .recheck, .parked].contains(self) }

    /// Finds a status by one-key code, raw code, English word or label, or Chinese label.
    public static func parse(_ text: String) -> CellStatus? {
        let t = text.trimmingWhitespace().lowercased()
        guard !t.isEmpty else { return nil }
        let aliases: [String: CellStatus] = [
            "compliant": .ok, "pass": .ok, "problem found": .problem, "fixed on site": .fixedOnSite,
            "fixed-on-site": .fixedOnSite, "not-checked": .unchecked, "not checked": .unchecked,
            "awaiting re-check": .recheck, "re-check": .recheck, "not applicable": .notApplicable,
            "n/a": .notApplicable, "立行立改": .fixedOnSite,
        ]
        if let hit = aliases[t] { return hit }
        return allCases.first { String($0.key) == t || $0.rawValue == t || $0.zh == t || $0.en == t }
    }

    /// Every accepted spelling, for error messages.
    public static var spellings: String {
        allCases.map { "\($0.key)=\($0.zh)/\($0.rawValue)" }.joined(separator: ", ")
    }
}
