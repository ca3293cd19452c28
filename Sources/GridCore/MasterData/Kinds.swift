/// Which of the two kind lists a kind belongs to: site kinds (小区/点位类型) or unit kinds (责任单位类型).
public enum KindList: String, CaseIterable, Sendable, Codable {
    case site, unit

    /// Chinese label.
    public var zh: String { self == .site ? "点位类型" : "单位类型" }

    /// Finds a list by code or Chinese label (`site`, `community`, `点位`, `unit`, `单位` …).
    public static func parse(_ text: String) -> KindList? {
        switch text.trimmingWhitespace().lowercased() {
        case "site", "sites", "community", "communities", "点位", "小区", "点位类型", "小区类型": .site
        case "unit", "units", "单位", "责任单位", "单位类型": .unit
        default: nil
        }
    }
}

/// One entry of an office's editable list of site kinds (学校, 医院, 车站 …).
///
/// The nine kinds civgrid was born with are seeded rows whose code is the `CommunityKind` code. An office's own kind
/// is checked like one of those nine (`base`): the themes that apply to the base apply to it, and whether people
/// live there comes from the base — so adding 学校 never needs a change to the themes or the declared-site rules.
public struct SiteKind: Hashable, Sendable {
    /// Stable code, stored on communities and used in `--json`.
    public var code: String
    /// Chinese label as the office writes it.
    public var zh: String
    /// The seeded kind it is checked like.
    public var base: CommunityKind

    /// Creates a site kind.
    public init(code: String, zh: String, base: CommunityKind) {
        self.code = code
        self.zh = zh
        self.base = base
    }

    /// Whether this is one of the nine kinds civgrid seeds.
    public var isSeeded: Bool { code == base.rawValue }
}

/// One entry of an office's editable list of unit kinds (县直部门, 乡镇, 企业, 社区 …); `base` is the seeded kind it
/// counts as where civgrid needs one of the four.
public struct UnitKindEntry: Hashable, Sendable {
    /// Stable code, stored on units and used in `--json`.
    public var code: String
    /// Chinese label.
    public var zh: String
    /// The seeded kind it counts as.
    public var base: UnitKind

    /// Creates a unit kind.
    public init(code: String, zh: String, base: UnitKind) {
        self.code = code
        self.zh = zh
        self.base = base
    }

    /// Whether this is one of the four kinds civgrid seeds.
    public var isSeeded: Bool { code == base.rawValue }
}

/// Both kind lists as stored, with lookups by code or label.
public struct KindCatalog: Hashable, Sendable {
    public var site: [SiteKind]
    public var unit: [UnitKindEntry]

    /// Creates a catalog.
    public init(site: [SiteKind], unit: [UnitKindEntry]) {
        self.site = site
        self.unit = unit
    }

    /// The lists a new database starts with: the nine site kinds and the four unit kinds.
    public static let seeded = KindCatalog(
        site: CommunityKind.allCases.map { SiteKind(code: $0.rawValue, zh: $0.zh, base: $0) },
        unit: UnitKind.allCases.map { UnitKindEntry(code: $0.rawValue, zh: $0.zh, base: $0) })

    /// A site kind by code, Chinese label (compared after folding) or English label of a seeded kind.
    public func siteKind(_ text: String) -> SiteKind? {
        let key = NameKey.of(text)
        guard !key.isEmpty else { return nil }
        return site.first { $0.code == key || NameKey.of($0.zh) == key } ?? CommunityKind.parse(text).flatMap { siteKind(code: $0.rawValue) }
    }

    /// A unit kind by code or Chinese label (compared after folding).
    public func unitKind(_ text: String) -> UnitKindEntry? {
        let key = NameKey.of(text)
        guard !key.isEmpty else { return nil }
        return unit.first { $0.code == key || NameKey.of($0.zh) == key }
    }

    /// The site kind with `code`.
    public func siteKind(code: String) -> SiteKind? { site.first { $0.code == code } }

    /// The unit kind with `code`.
    public func unitKind(code: String) -> UnitKindEntry? { unit.first { $0.code == code } }

    /// The label a community's kind is shown with (the office's own kind when it has one).
    public func label(of c: Community) -> String {
        siteKind(code: c.siteKindCode ?? c.kind.rawValue)?.zh ?? c.kind.zh
    }

    /// The label a unit's kind is shown with.
    public func label(of u: ResponsibleUnit) -> String {
        unitKind(code: u.kindCode ?? u.kind.rawValue)?.zh ?? u.kind.zh
    }

    /// Labels of a list, for messages (`住宅小区、老旧小区、…`).
    public func labels(_ list: KindList) -> String {
        (list == .site ? site.map(\.zh) : unit.map(\.zh)).joined(separator: "、")
    }

    /// How an office adds a kind it named that is not in the list, for refusals.
    public static func howToAdd(_ list: KindList, _ label: String) -> String {
        "add it with `civgrid kind add \(list.rawValue) \(label)`" + (list == .site ? " (--like 其他 says which themes apply)" : "")
    }
}
