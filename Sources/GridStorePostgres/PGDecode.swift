import Foundation
import GridCore

/// Row → domain value conversions for the PostgreSQL store, the same as the SQLite store's: a stored value civgrid
/// cannot read is an error naming the column and the value, never a default.
enum PGDecode {
    static func office(_ r: SQLRow) -> Office { Office(id: r.int("id"), name: r.text("name"), parentID: r["parent_id"].int) }

    static func street(_ r: SQLRow) -> Street { Street(id: r.int("id"), officeID: r.int("office_id"), name: r.text("name")) }

    static func community(_ r: SQLRow, prefix: String = "") throws -> Community {
        Community(id: r.int(prefix + "id"), streetID: r.int(prefix + "street_id"), name: r.text(prefix + "name"),
                  address: r.text(prefix + "address"), kind: try coded(CommunityKind.self, r[prefix + "kind"].text, "community.kind"),
                  declaredSite: r[prefix + "declared_site"].int.map(Int.init), households: r[prefix + "households"].int.map(Int.init),
                  note: r.text(prefix + "note"), siteKindCode: r[prefix + "site_kind"].text,
                  retiredOn: try day(r[prefix + "retired_on"].text, "community.retired_on"),
                  officeOrder: r[prefix + "office_order"].int.map(Int.init))
    }

    static func unit(_ r: SQLRow, prefix: String = "") throws -> ResponsibleUnit {
        ResponsibleUnit(id: r.int(prefix + "id"), officeID: r.int(prefix + "office_id"), name: r.text(prefix + "name"),
                        kind: try coded(UnitKind.self, r[prefix + "kind"].text, "unit.kind"),
                        head: Contact(name: r.text(prefix + "head"), phone: r.text(prefix + "head_phone")),
                        liaison: Contact(name: r.text(prefix + "liaison"), phone: r.text(prefix + "liaison_phone")),
                        kindCode: r[prefix + "unit_kind"].text)
    }

    static func property(_ r: SQLRow, prefix: String = "") -> PropertyCompany? {
        guard let id = r[prefix + "id"].int else { return nil }
        return PropertyCompany(id: id, officeID: r.int(prefix + "office_id"), name: r.text(prefix + "name"),
                               manager: Contact(name: r.text(prefix + "manager"), phone: r.text(prefix + "manager_phone")))
    }

    static func assignment(_ r: SQLRow, prefix: String = "") throws -> Assignment {
        let from = r[prefix + "valid_from"].text
        return Assignment(id: r.int(prefix + "id"), communityID: r.int(prefix + "community_id"), unitID: r.int(prefix + "unit_id"),
                          role: try coded(AssignmentRole.self, r[prefix + "role"].text, "assignment.role"),
                          propertyID: r[prefix + "property_id"].int,
                          validFrom: try required(day(from, "assignment.valid_from"), from, "assignment.valid_from"),
                          validTo: try day(r[prefix + "valid_to"].text, "assignment.valid_to"))
    }

    static func theme(_ r: SQLRow) throws -> CheckTheme {
        let kinds = try Set(r.text("kinds").split(separator: ",").map { try coded(CommunityKind.self, String($0), "theme.kinds") })
        return CheckTheme(id: r.int("id"), code: r.text("code"), zh: r.text("name_zh"), en: r.text("name_en"), kinds: kinds,
                          position: Int(r.int("position")))
    }

    static let cellColumns = "community_id, theme_id, status, due_on, note, changed_at, changed_by"

    static func cell(_ r: SQLRow) throws -> CellState {
        CellState(communityID: r.int("community_id"), themeID: r.int("theme_id"),
                  status: try coded(CellStatus.self, r["status"].text, "cell.status"), dueOn: try day(r["due_on"].text, "cell.due_on"),
                  note: r.text("note"), changedAt: try timestamp(r["changed_at"].text, "cell.changed_at"),
                  changedBy: r["changed_by"].text)
    }

    /// The columns `communityRow` reads, over `community c JOIN street s JOIN tally t`.
    static let communityRowColumns = "c.id, c.street_id, c.name, c.address, c.kind, c.declared_site, c.households, c.note, "
        + "c.site_kind, c.retired_on, c.office_order, c.street_rank, c.order_key, c.pinyin_key, "
        + "s.name AS street_name, " + PGSQL.tallyColumns

    /// A board row (community, street name, tally, board-order key); overdue is added by the caller.
    static func communityRow(_ r: SQLRow) throws -> CommunityRow {
        CommunityRow(community: try community(r), streetName: r.text("street_name"), counts: counts(r), orderKey: boardKey(r))
    }

    /// A row's board-order key from its `street_rank`, `order_key`, `pinyin_key`, `name` and `id` columns (an unkeyed
    /// row — only between a write and its settling — reads as rank 0 and an empty key, as on SQLite).
    static func boardKey(_ r: SQLRow) -> BoardOrderKey {
        BoardOrderKey(streetRank: r["street_rank"].int ?? 0, order: r["order_key"].int ?? Int64.max, pinyin: r["pinyin_key"].text ?? "",
                      name: r.text("name"), id: r.int("id"))
    }

    static func operatorAccount(_ r: SQLRow) throws -> Operator {
        Operator(login: r.text("login"), name: r.text("name"), unitID: r["unit_id"].int,
                 role: try coded(OperatorRole.self, r["role"].text, "operator.role"), officeID: r["office_id"].int,
                 removedAt: try timestamp(r["removed_at"].text, "operator.removed_at"), removedBy: r["removed_by"].text)
    }

    /// The tally columns (named after the status codes) as counts; overdue is added separately.
    static func counts(_ r: SQLRow) -> StatusCounts {
        var c = StatusCounts()
        for status in CellStatus.allCases { c[status] = Int(r[status.rawValue].int ?? 0) }
        return c
    }

    static func day(_ text: String?, _ column: String) throws -> Day? {
        guard let text else { return nil }
        return try required(Day(text), text, column)
    }

    static func timestamp(_ text: String?, _ column: String) throws -> Timestamp? {
        guard let text else { return nil }
        return try required(Timestamp(iso: text), text, column)
    }

    static func coded<T: RawRepresentable>(_ type: T.Type, _ raw: String?, _ column: String) throws -> T where T.RawValue == String {
        try required(raw.flatMap(T.init(rawValue:)), raw, column)
    }

    static func required<T>(_ value: T?, _ stored: String?, _ column: String) throws -> T {
        guard let value else {
            throw GridError.database("the database holds \(column) = “\(stored ?? "NULL")”, which this civgrid cannot read "
                + "(edited outside civgrid, or written by a newer version); run `civgrid check`")
        }
        return value
    }
}

/// SQL fragments shared by several queries.
enum PGSQL {
    /// `SUM(t.unchecked)::bigint AS unchecked, …` over the tally table aliased `t` (a bigint sum is numeric otherwise).
    static let tallySums = CellStatus.allCases.map { "SUM(t.\($0.rawValue))::bigint AS \($0.rawValue)" }.joined(separator: ", ")
    static let tallyColumns = CellStatus.allCases.map { "t.\($0.rawValue)" }.joined(separator: ", ")
    static let overdueStatuses = Deadline.overdueStatuses.map { "'\($0.rawValue)'" }.joined(separator: ",")
    /// Assignment rows (alias `a`) in force on a day bound twice: `?` for valid_from, `?` for valid_to.
    static let inForce = "a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?)"
    /// `n` question marks joined by commas.
    static func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }
}

extension PGSession {
    /// Runs `sql` for chunks of `ids` (their marks passed to `sql`), binding `leading`, then the chunk, then `extra`.
    func chunked(_ ids: [Int64], size: Int = 1000, _ sql: (String) -> String, leading: [any SQLBindable] = [],
                 extra: [any SQLBindable] = []) throws(GridError) -> [SQLRow] {
        var rows: [SQLRow] = []
        for start in stride(from: 0, to: ids.count, by: size) {
            let chunk = Array(ids[start..<min(ids.count, start + size)])
            rows += try query(sql(PGSQL.marks(chunk.count)), leading + chunk + extra)
        }
        return rows
    }
}
