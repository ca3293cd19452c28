/// Where a problem (整改问题 / 案件) came from.
public enum CaseSource: String, CaseIterable, Sendable, Codable {
    case supervision, selfInspection = "self_inspection", gridWorker = "grid_worker", higherLevel = "higher_level"
    case assessment, citizen, media

    /// Chinese label.
    public var zh: String {
        switch self {
        case .supervision: "督查"
        case .selfInspection: "自查"
        case .gridWorker: "网格员"
        case .higherLevel: "上级交办"
        case .assessment: "测评反馈"
        case .citizen: "群众反映"
        case .media: "媒体曝光"
        }
    }
}

/// The states of a case. Overdue (逾期) and escalated (督办) are flags, not states.
public enum CaseState: String, CaseIterable, Sendable, Codable {
    case reported, registered, assigned, sentBack = "sent_back", rectifying, extensionRequested = "extension_requested"
    case parked, submitted, closed, fixedOnSite = "fixed_on_site", void

    /// Chinese label.
    public var zh: String {
        switch self {
        case .reported: "已上报"
        case .registered: "已立案"
        case .assigned: "已交办"
        case .sentBack: "已退回"
        case .rectifying: "整改中"
        case .extensionRequested: "申请延期"
        case .parked: "挂账"
        case .submitted: "待复核"
        case .closed: "已结案"
        case .fixedOnSite: "现场整改"
        case .void: "作废"
        }
    }

    /// Still owing work.
    public var isOpen: Bool { ![.closed, .fixedOnSite, .void].contains(self) }

    /// The cell status an open case in this state gives its cell.
    public var cellStatus: CellStatus {
        switch self {
        case .reported, .registered, .assigned, .sentBack: .problem
        case .rectifying, .extensionRequested: .rectifying
        case .submitted: .recheck
        case .parked: .parked
        case .closed: .ok
        case .fixedOnSite: .fixedOnSite
        case .void: .ok
        }
    }
}

/// Who answered for the place when the case was registered, kept so trace-back (倒查责任) still shows them after
/// the chain changes.
public struct ChainSnapshot: Hashable, Sendable, Codable {
    public var unitID: RowID?
    public var unitName: String
    public var head: Contact
    public var liaison: Contact
    public var propertyName: String?
    public var manager: Contact?

    /// The lead link of a chain, or an empty snapshot when the community has none.
    public init(chain: [ChainLink]) {
        let lead = chain.first { $0.assignment.role == .lead } ?? chain.first
        unitID = lead?.unit.id
        unitName = lead?.unit.name ?? ""
        head = lead?.unit.head ?? Contact(name: "", phone: "")
        liaison = lead?.unit.liaison ?? Contact(name: "", phone: "")
        propertyName = lead?.property?.name
        manager = lead?.property?.manager
    }
}

/// What an operator fills in when recording a problem.
public struct CaseDraft: Hashable, Sendable {
    public var communityID: RowID
    public var themeID: RowID
    public var source: CaseSource
    public var description: String
    public var location: String
    public var urgent: Bool
    public var deadlineClass: DeadlineClass
    /// Required for 长期 (long-term) cases.
    public var plan: Day?

    /// Creates a draft.
    public init(communityID: RowID, themeID: RowID, source: CaseSource, description: String, location: String = "",
                urgent: Bool = false, deadlineClass: DeadlineClass, plan: Day? = nil) {
        self.communityID = communityID
        self.themeID = themeID
        self.source = source
        self.description = description
        self.location = location
        self.urgent = urgent
        self.deadlineClass = deadlineClass
        self.plan = plan
    }
}

/// A case number: year and sequence, written `2026-0001`.
public struct CaseNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var sequence: Int

    /// Creates a number.
    public init(year: Int, sequence: Int) {
        self.year = year
        self.sequence = sequence
    }

    /// Parses `2026-0001` (or `2026-1`).
    public init?(_ text: String) {
        let parts = FullWidth.fold(text).trimmingWhitespace().split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let s = Int(parts[1]), s > 0 else { return nil }
        self.init(year: y, sequence: s)
    }

    public var description: String {
        let s = String(sequence)
        return "\(year)-" + String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    public static func < (a: CaseNumber, b: CaseNumber) -> Bool { (a.year, a.sequence) < (b.year, b.sequence) }
}

/// A problem found at a cell, followed from report to close.
public struct CaseRecord: Hashable, Sendable {
    public var number: CaseNumber
    public var source: CaseSource
    public var communityID: RowID
    public var themeID: RowID
    public var location: String
    public var description: String
    public var urgent: Bool
    public var deadlineClass: DeadlineClass
    public var foundAt: Timestamp
    public var foundBy: String
    public var state: CaseState
    /// Set when assigned (from the deadline class) or when an extension is approved; the plan date while parked.
    public var dueOn: Day?
    public var handlingUnitID: RowID?
    public var chain: ChainSnapshot
    public var escalated = false
    public var extensionCount = 0
    public var reworkCount = 0
    /// The date asked for by a pending extension request.
    public var requestedDue: Day?

    /// A newly reported case.
    public init(number: CaseNumber, source: CaseSource, communityID: RowID, themeID: RowID, location: String = "",
                description: String, urgent: Bool = false, deadlineClass: DeadlineClass, foundAt: Timestamp, foundBy: String,
                chain: ChainSnapshot) {
        self.number = number
        self.source = source
        self.communityID = communityID
        self.themeID = themeID
        self.location = location
        self.description = description
        self.urgent = urgent
        self.deadlineClass = deadlineClass
        self.foundAt = foundAt
        self.foundBy = foundBy
        self.state = .reported
        self.chain = chain
    }

    /// 逾期: open and past its due day (a parked case by its plan date).
    public func isOverdue(today: Day) -> Bool {
        guard state.isOpen, let due = dueOn else { return false }
        return due < today
    }
}

/// The status a cell shows given its open cases: the least advanced case decides (a new problem outweighs one
/// awaiting re-check); with none open, nil (the cell keeps or returns to its own status).
public enum CaseCellStatus {
    static let precedence: [CaseState] = [.reported, .registered, .sentBack, .assigned, .rectifying, .extensionRequested, .submitted, .parked]

    /// The status the cell should show.
    public static func status(openCases: [CaseRecord]) -> CellStatus? {
        let open = openCases.filter(\.state.isOpen)
        guard let first = open.min(by: { rank($0.state) < rank($1.state) }) else { return nil }
        return first.state.cellStatus
    }

    static func rank(_ s: CaseState) -> Int { precedence.firstIndex(of: s) ?? precedence.count }
}
