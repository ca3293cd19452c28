import GRDB
import GridCore

/// Row → domain value conversions, kept in one place so every query decodes the same way.
enum Decode {
    static func office(_ r: Row) -> Office { Office(id: r["id"], name: r["name"]) }

    static func community(_ r: Row) -> Community {
        Community(id: r["id"], streetID: r["street_id"], name: r["name"], address: r["address"],
                  kind: CommunityKind(rawValue: r["kind"]) ?? .other, declaredSite: r["declared_site"],
                  households: r["households"], note: r["note"])
    }

    static func unit(_ r: Row, prefix: String = "") -> ResponsibleUnit {
        ResponsibleUnit(id: r[prefix + "id"], officeID: r[prefix + "office_id"], name: r[prefix + "name"],
                        kind: UnitKind(rawValue: r[prefix + "kind"]) ?? .department,
                        head: Contact(name: r[prefix + "head"], phone: r[prefix + "head_phone"]),
                        liaison: Contact(name: r[prefix + "liaison"], phone: r[prefix + "liaison_phone"]))
    }

    static func property(_ r: Row, prefix: String = "") -> PropertyCompany? {
        guard let id: Int64 = r[prefix + "id"] else { return nil }
        return PropertyCompany(id: id, officeID: r[prefix + "office_id"], name: r[prefix + "name"],
                               manager: Contact(name: r[prefix + "manager"], phone: r[prefix + "manager_phone"]))
    }

    static func assignment(_ r: Row, prefix: String = "") -> Assignment {
        Assignment(id: r[prefix + "id"], communityID: r[prefix + "community_id"], unitID: r[prefix + "unit_id"],
                   role: AssignmentRole(rawValue: r[prefix + "role"]) ?? .support, propertyID: r[prefix + "property_id"],
                   validFrom: day(r[prefix + "valid_from"]) ?? Day(ordinal: 0), validTo: day(r[prefix + "valid_to"]))
    }

    static func theme(_ r: Row) -> CheckTheme {
        let kinds = Set((r["kinds"] as String).split(separator: ",").compactMap { CommunityKind(rawValue: String($0)) })
        return CheckTheme(id: r["id"], code: r["code"], zh: r["name_zh"], en: r["name_en"], kinds: kinds,
                          position: r["position"])
    }

    /// The columns `cellByIndex` reads, in order.
    static let cellColumns = "community_id, theme_id, status, due_on, note, changed_at, changed_by"

    /// A cell from a row selected with `cellColumns`, by column index (no name lookups: windows decode
    /// hundreds of cells per frame).
    static func cellByIndex(_ r: Row) -> CellState {
        CellState(communityID: r[0], themeID: r[1], status: CellStatus(rawValue: r[2]) ?? .unchecked,
                  dueOn: day(r[3]), note: r[4], changedAt: (r[5] as String?).flatMap { Timestamp(iso: $0) }, changedBy: r[6])
    }

    /// The columns `communityRowByIndex` reads, over `community c JOIN street s JOIN tally t`.
    static let communityRowColumns = "c.id, c.street_id, c.name, c.address, c.kind, c.declared_site, c.households, c.note, s.name, "
        + SQL.tallyColumns

    /// A board row (community, street name, tally) by column index; overdue is added by the caller.
    static func communityRowByIndex(_ r: Row) -> CommunityRow {
        let c = Community(id: r[0], streetID: r[1], name: r[2], address: r[3], kind: CommunityKind(rawValue: r[4]) ?? .other,
                          declaredSite: r[5], households: r[6], note: r[7])
        var counts = StatusCounts()
        for (i, status) in CellStatus.allCases.enumerated() { counts[status] = r[9 + i] }
        return CommunityRow(community: c, streetName: r[8], counts: counts)
    }

    static func cell(_ r: Row) -> CellState {
        CellState(communityID: r["community_id"], themeID: r["theme_id"],
                  status: CellStatus(rawValue: r["status"]) ?? .unchecked, dueOn: day(r["due_on"]), note: r["note"],
                  changedAt: (r["changed_at"] as String?).flatMap { Timestamp(iso: $0) }, changedBy: r["changed_by"])
    }

    static func operatorAccount(_ r: Row) -> Operator {
        Operator(login: r["login"], name: r["name"], unitID: r["unit_id"],
                 role: OperatorRole(rawValue: r["role"]) ?? .viewer)
    }

    /// Reads the tally columns (named after the status codes) into counts; overdue is added separately.
    static func counts(_ r: Row) -> StatusCounts {
        var c = StatusCounts()
        for status in CellStatus.allCases { c[status] = (r[status.rawValue] as Int?) ?? 0 }
        return c
    }

    static func day(_ text: String?) -> Day? { text.flatMap { Day($0) } }
}

/// SQL fragments shared by several queries.
enum SQL {
    /// `SUM(t.unchecked) AS unchecked, …` over the tally table aliased `t`.
    static let tallySums = CellStatus.allCases.map { "SUM(t.\($0.rawValue)) AS \($0.rawValue)" }.joined(separator: ", ")
    /// `t.unchecked, …` for one community's tally.
    static let tallyColumns = CellStatus.allCases.map { "t.\($0.rawValue)" }.joined(separator: ", ")
    /// `'problem','rectifying','parked'`: statuses that can be overdue.
    static let overdueStatuses = Deadline.overdueStatuses.map { "'\($0.rawValue)'" }.joined(separator: ",")
    /// Assignment rows (alias `a`) in force on the day bound to `:day`.
    static let inForce = "a.valid_from <= :day AND (a.valid_to IS NULL OR a.valid_to > :day)"
}
