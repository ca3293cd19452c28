/// What kind of place a community (小区) or declared inspection site (点位) is.
///
/// The raw value is the stable code stored in the database and used in `--json` output.
public enum CommunityKind: String, CaseIterable, Sendable, Codable {
    case residential = "residential"
    case oldEstate = "old_estate"
    case urbanVillage = "urban_village"
    case backStreet = "back_street"
    case market = "market"
    case toilet = "toilet"
    case park = "park"
    case mainRoad = "main_road"
    case other = "other"

    /// Chinese label as the office writes it.
    public var zh: String {
        switch self {
        case .residential: "住宅小区"
        case .oldEstate: "老旧小区"
        case .urbanVillage: "城中村"
        case .backStreet: "背街小巷"
        case .market: "农贸市场"
        case .toilet: "公厕"
        case .park: "公园广场"
        case .mainRoad: "主次干道"
        case .other: "其他"
        }
    }

    /// English label.
    public var en: String {
        switch self {
        case .residential: "residential estate"
        case .oldEstate: "old estate"
        case .urbanVillage: "urban village"
        case .backStreet: "back street"
        case .market: "farmers' market"
        case .toilet: "public toilet"
        case .park: "park or square"
        case .mainRoad: "main road"
        case .other: "other"
        }
    }

    /// Whether people live here (estates and villages), as opposed to a public inspection site.
    public var isResidential: Bool { [.residential, .oldEstate, .urbanVillage].contains(self) }

    /// Finds a kind by code, Chinese or English label.
    public static func parse(_ text: String) -> CommunityKind? {
        let t = text.trimmingWhitespace().lowercased()
        return allCases.first { $0.rawValue == t || $0.zh == t || $0.en == t }
    }
}

/// What kind of body a responsible unit (责任单位) is.
public enum UnitKind: String, CaseIterable, Sendable, Codable {
    case department = "department"
    case enterprise = "enterprise"
    case streetOffice = "street_office"
    case committee = "committee"

    /// Chinese label.
    public var zh: String {
        switch self {
        case .department: "部门"
        case .enterprise: "企事业"
        case .streetOffice: "街道/乡镇"
        case .committee: "社区"
        }
    }
}

/// The part a unit plays for a community: lead (包保/牵头) or supporting (配合).
public enum AssignmentRole: String, CaseIterable, Sendable, Codable {
    case lead = "lead"
    case support = "support"

    /// Chinese label.
    public var zh: String { self == .lead ? "牵头" : "配合" }
}
