/// The named responsible person (具体责任人) a unit puts on one declared site, with a phone: the person the office
/// calls to the site when a problem is found there. Kept per site and unit, apart from the unit's head and liaison.
public struct SiteContact: Hashable, Sendable {
    public var communityID: RowID
    public var unitID: RowID
    public var person: Contact

    /// Creates a site contact.
    public init(communityID: RowID, unitID: RowID, person: Contact) {
        self.communityID = communityID
        self.unitID = unitID
        self.person = person
    }
}

/// How often the lead unit owes a self-inspection (自查) of a site, in days (weekly = 7). Data: per site, else the
/// office's default, else `SiteCadence.standard`.
public struct SiteCadence: Hashable, Sendable, CustomStringConvertible {
    public var days: Int

    /// Creates a cadence of `days` (1…366; `SiteRules.cadence` checks typed text).
    public init(days: Int) { self.days = days }

    /// Weekly, when neither the site nor the office says otherwise.
    public static let standard = SiteCadence(days: 7)

    /// `每周 (7天)`, `每两周 (14天)`, `每月 (30天)`, `每N天`.
    public var description: String {
        switch days {
        case 1: "每天 (1天)"
        case 7: "每周 (7天)"
        case 14: "每两周 (14天)"
        case 30: "每月 (30天)"
        default: "每\(days)天"
        }
    }
}

/// What a site-register service decided to write, persisted after master data in a `ChangeSet`.
public struct SiteRegisterChanges: Sendable {
    /// Site contacts set (an empty person and phone removes the row).
    public var contacts: [SiteContact] = []
    /// Sites whose own cadence is set (nil: follow the office default).
    public var siteCadences: [(communityID: RowID, cadence: SiteCadence?)] = []
    /// Offices whose default cadence is set.
    public var officeCadences: [(officeID: RowID, cadence: SiteCadence)] = []
    /// Dispatch slips issued.
    public var slips: [DispatchSlipFact] = []

    /// Nothing to write.
    public init() {}

    /// Whether there is nothing to write.
    public var isEmpty: Bool { contacts.isEmpty && siteCadences.isEmpty && officeCadences.isEmpty && slips.isEmpty }
}

/// One unit answering for a declared site today, with the person it named for the site.
public struct SiteUnit: Hashable, Sendable {
    public var link: ChainLink
    /// The unit's responsible person on this site (具体责任人), nil when none is named.
    public var responsible: Contact?

    /// Creates a site unit.
    public init(link: ChainLink, responsible: Contact?) {
        self.link = link
        self.responsible = responsible
    }

    /// Lead (牵头) or supporting (配合).
    public var isLead: Bool { link.assignment.role == .lead }
}

/// A declared site (申报点位) as the register shows it: number, kind, units with their responsible persons, the
/// self-inspection cadence, and the figures of its traffic-light line.
public struct DeclaredSite: Hashable, Sendable {
    public var community: Community
    public var streetName: String
    public var officeID: RowID
    /// The office's label for its kind (学校, 农贸市场 …).
    public var kindLabel: String
    /// Lead unit first, then supporting units, by name.
    public var units: [SiteUnit]
    /// The cadence in force and whether it is the site's own (false: the office default).
    public var cadence: SiteCadence
    public var ownCadence: Bool
    /// Open cases at the site and how many of them are overdue today.
    public var openCases: Int
    public var overdueCases: Int
    /// The last day the site was self-inspected (自查), nil when never.
    public var lastSelfInspection: Day?

    /// Creates a register entry.
    public init(community: Community, streetName: String, officeID: RowID, kindLabel: String, units: [SiteUnit],
                cadence: SiteCadence, ownCadence: Bool, openCases: Int, overdueCases: Int, lastSelfInspection: Day?) {
        self.community = community
        self.streetName = streetName
        self.officeID = officeID
        self.kindLabel = kindLabel
        self.units = units
        self.cadence = cadence
        self.ownCadence = ownCadence
        self.openCases = openCases
        self.overdueCases = overdueCases
        self.lastSelfInspection = lastSelfInspection
    }

    /// The site number (a register entry always has one).
    public var number: Int { community.declaredSite ?? 0 }
    /// The lead unit (牵头单位), when assigned.
    public var lead: SiteUnit? { units.first(where: \.isLead) }
    /// The supporting units (配合单位).
    public var supporting: [SiteUnit] { units.filter { !$0.isLead } }

    /// The day the next self-inspection is owed by: the last one plus the cadence (today when never inspected).
    public func selfInspectionDue(today: Day) -> Day {
        lastSelfInspection.map { $0.adding(days: cadence.days) } ?? today
    }

    /// Whether the lead unit missed its cadence: never self-inspected, or the last one is older than the cadence.
    public func missedCadence(today: Day) -> Bool {
        guard let last = lastSelfInspection else { return true }
        return last.days(until: today) > cadence.days
    }

    /// The line's traffic light: red when a case is overdue or the cadence was missed, yellow while cases are open
    /// or a self-inspection falls due within a day, green otherwise.
    public func light(today: Day) -> SiteLight {
        if overdueCases > 0 || missedCadence(today: today) { return .red }
        if openCases > 0 || today.days(until: selfInspectionDue(today: today)) <= 1 { return .yellow }
        return .green
    }
}

/// A register line's traffic light.
public enum SiteLight: String, Sendable, CaseIterable {
    case green, yellow, red

    /// 绿 / 黄 / 红, for text output where colour is not available.
    public var zh: String {
        switch self {
        case .green: "绿"
        case .yellow: "黄"
        case .red: "红"
        }
    }
}
