import GRDB
import GridCore

/// Row → domain value conversions, kept in one place so every query decodes the same way.
///
/// A stored value civgrid cannot read (an unknown status code, a malformed date) is an error naming the table,
/// column and value — never a default invented in its place, which would show a wrong status as if it were true.
enum Decode {
    static func office(_ r: Row) throws -> Office { Office(id: r["id"], name: r["name"], parentID: r["parent_id"]) }

    static func street(_ r: Row) throws -> Street { Street(id: r["id"], officeID: r["office_id"], name: r["name"]) }

    static func community(_ r: Row) throws -> Community {
        Community(id: r["id"], streetID: r["street_id"], name: r["name"], address: r["address"],
                  kind: try coded(CommunityKind.self, r["kind"], "community.kind"), declaredSite: r["declared_site"],
                  households: r["households"], note: r["note"], siteKindCode: r["site_kind"],
                  retiredOn: try day(r["retired_on"], "community.retired_on"), officeOrder: r["office_order"])
    }

    static func unit(_ r: Row, prefix: String = "") throws -> ResponsibleUnit {
        ResponsibleUnit(id: r[prefix + "id"], officeID: r[prefix + "office_id"], name: r[prefix + "name"],
                        kind: try coded(UnitKind.self, r[prefix + "kind"], "unit.kind"),
                        head: Contact(name: r[prefix + "head"], phone: r[prefix + "head_phone"]),
                        liaison: Contact(name: r[prefix + "liaison"], phone: r[prefix + "liaison_phone"]),
                        kindCode: r[prefix + "unit_kind"])
    }

    static func property(_ r: Row, prefix: String = "") throws -> PropertyCompany? {
        guard let id: Int64 = r[prefix + "id"] else { return nil }
        return PropertyCompany(id: id, officeID: r[prefix + "office_id"], name: r[prefix + "name"],
                               manager: Contact(name: r[prefix + "manager"], phone: r[prefix + "manager_phone"]))
    }

    static func assignment(_ r: Row, prefix: String = "") throws -> Assignment {
        Assignment(id: r[prefix + "id"], communityID: r[prefix + "community_id"], unitID: r[prefix + "unit_id"],
                   role: try coded(AssignmentRole.self, r[prefix + "role"], "assignment.role"), propertyID: r[prefix + "property_id"],
                   validFrom: try required(day(r[prefix + "valid_from"], "assignment.valid_from"), r[prefix + "valid_from"], "assignment.valid_from"),
                   validTo: try day(r[prefix + "valid_to"], "assignment.valid_to"))
    }

    static func theme(_ r: Row) throws -> CheckTheme {
        let kinds = try Set((r["kinds"] as String).split(separator: ",").map { try coded(CommunityKind.self, String($0), "theme.kinds") })
        return CheckTheme(id: r["id"], code: r["code"], zh: r["name_zh"], en: r["name_en"], kinds: kinds,
                          position: r["position"])
    }

    /// The columns `cellByIndex` reads, in order.
    static let cellColumns = "community_id, theme_id, status, due_on, note, changed_at, changed_by"

    /// A cell from a row selected with `cellColumns`, by column index (no name lookups: windows decode
    /// hundreds of cells per frame).
    static func cellByIndex(_ r: Row) throws -> CellState {
        CellState(communityID: r[0], themeID: r[1], status: try coded(CellStatus.self, r[2], "cell.status"),
                  dueOn: try day(r[3], "cell.due_on"), note: r[4], changedAt: try timestamp(r[5], "cell.changed_at"), changedBy: r[6])
    }

    /// The columns `communityRowByIndex` reads, over `community c JOIN street s JOIN tally t`.
    static let communityRowColumns = "c.id, c.street_id, c.name, c.address, c.kind, c.declared_site, c.households, c.note, s.name, "
        + SQL.tallyColumns + ", c.site_kind, c.retired_on, c.office_order, " + BoardOrder.keyColumns

    /// How many columns `communityRowColumns` names (a caller's extra column comes at this index).
    static let communityRowColumnCount = 9 + CellStatus.allCases.count + 3 + 5

    /// A board row (community, street name, tally) by column index; overdue is added by the caller.
    static func communityRowByIndex(_ r: Row) throws -> CommunityRow {
        let next = 9 + CellStatus.allCases.count // site_kind, retired_on, office_order, then the board-order key
        let c = Community(id: r[0], streetID: r[1], name: r[2], address: r[3], kind: try coded(CommunityKind.self, r[4], "community.kind"),
                          declaredSite: r[5], households: r[6], note: r[7], siteKindCode: r[next],
                          retiredOn: try day(r[next + 1], "community.retired_on"), officeOrder: r[next + 2])
        var counts = StatusCounts()
        for (i, status) in CellStatus.allCases.enumerated() { counts[status] = r[9 + i] }
        return CommunityRow(community: c, streetName: r[8], counts: counts, orderKey: BoardOrder.decode(r, at: next + 3))
    }

    static func cell(_ r: Row) throws -> CellState {
        CellState(communityID: r["community_id"], themeID: r["theme_id"],
                  status: try coded(CellStatus.self, r["status"], "cell.status"), dueOn: try day(r["due_on"], "cell.due_on"), note: r["note"],
                  changedAt: try timestamp(r["changed_at"], "cell.changed_at"), changedBy: r["changed_by"])
    }

    static func operatorAccount(_ r: Row) throws -> Operator {
        Operator(login: r["login"], name: r["name"], unitID: r["unit_id"],
                 role: try coded(OperatorRole.self, r["role"], "operator.role"), officeID: r["office_id"],
                 removedAt: try timestamp(r["removed_at"], "operator.removed_at"), removedBy: r["removed_by"])
    }

    /// Reads the tally columns (named after the status codes) into counts; overdue is added separately.
    static func counts(_ r: Row) -> StatusCounts {
        var c = StatusCounts()
        for status in CellStatus.allCases { c[status] = (r[status.rawValue] as Int?) ?? 0 }
        return c
    }

    /// A stored day, nil when the column is NULL; a malformed one is an error.
    static func day(_ text: String?, _ column: String) throws -> Day? {
        guard let text else { return nil }
        return try required(Day(text), text, column)
    }

    /// A stored timestamp, nil when NULL; a malformed one is an error.
    static func timestamp(_ text: String?, _ column: String) throws -> Timestamp? {
        guard let text else { return nil }
        return try required(Timestamp(iso: text), text, column)
    }

    /// A stored code (`ok`, `lead` …) as its enum; an unknown code is an error.
    static func coded<T: RawRepresentable>(_ type: T.Type, _ raw: String?, _ column: String) throws -> T where T.RawValue == String {
        try required(raw.flatMap(T.init(rawValue:)), raw, column)
    }

    /// `value`, or an error naming the column and the stored text that could not be read.
    static func required<T>(_ value: T?, _ stored: String?, _ column: String) throws -> T {
        guard let value else {
            throw GridError.database("the database holds \(column) = “\(stored ?? "NULL")”, which this civgrid cannot read "
                + "(edited outside civgrid, or written by a newer version); run `civgrid check` and restore a backup if it was tampered with")
        }
        return value
    }
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
