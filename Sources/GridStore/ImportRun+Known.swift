import GRDB
import GridCore

/// The tables an import matches names in, and the column that holds each one's parent.
enum ImportTable: String {
    case street, community, unit, property

    /// The parent a name is unique under: an office, or a street for communities.
    var parentColumn: String { self == .community ? "street_id" : "office_id" }
}

/// One table's names under one parent (`ImportRun.index`): a key hashed as two words, not built as a string per lookup.
struct ImportSlot: Hashable {
    let table: ImportTable
    let parent: Int64

    /// The parent and the table's case: a String-backed enum would otherwise hash its raw value's text.
    func hash(into hasher: inout Hasher) {
        hasher.combine(parent)
        switch table {
        case .street: hasher.combine(0)
        case .community: hasher.combine(1)
        case .unit: hasher.combine(2)
        case .property: hasher.combine(3)
        }
    }
}

/// What the database holds that an import compares with, read once per office or street and kept current as the
/// import writes: the rows behind the name maps, and the links in force today by community.
struct ImportKnown {
    var communities: [Int64: Community] = [:]
    var units: [Int64: ResponsibleUnit] = [:]
    var properties: [Int64: PropertyCompany] = [:]
    /// Links in force today by community, for the communities of the streets in `linkedStreets`.
    var links: [Int64: [Assignment]] = [:]
    var linkedStreets = Set<Int64>()

    static let communityColumns = "id, street_id, name, address, kind, declared_site, households, note, site_kind"

    /// Every row of `table` under `parent`, decoded; returns normalised name → id.
    mutating func load(_ table: ImportTable, parent: Int64, _ db: Database) throws -> [String: Int64] {
        var map: [String: Int64] = [:]
        if table == .community {
            let rows = try Row.fetchCursor(db, sql: "SELECT \(ImportKnown.communityColumns) FROM community WHERE street_id = ?",
                                           arguments: [parent])
            while let r = try rows.next() {
                let c = try ImportKnown.community(r)
                map[NameKey.of(c.name)] = c.id
                communities[c.id] = c
            }
            return map
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.rawValue) WHERE \(table.parentColumn) = ?", arguments: [parent])
        while let r = try rows.next() {
            let id: Int64 = r["id"]
            map[NameKey.of(r["name"])] = id
            if table == .unit { units[id] = try Decode.unit(r) }
            if table == .property { properties[id] = try Decode.property(r) }
        }
        return map
    }

    /// A community by id: from memory, else read (and kept).
    mutating func community(_ id: Int64, _ db: Database) throws -> Community? {
        if let c = communities[id] { return c }
        guard let r = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(ImportKnown.communityColumns) FROM community WHERE id = ?"),
                                       arguments: [id]) else { return nil }
        let c = try ImportKnown.community(r)
        communities[id] = c
        return c
    }

    /// A row of `table` read again after the import changed it.
    mutating func reload(_ table: String, id: Int64, _ db: Database) throws {
        switch table {
        case "community":
            communities[id] = nil
            _ = try community(id, db)
        case "unit":
            units[id] = try Row.fetchOne(db, sql: "SELECT * FROM unit WHERE id = ?", arguments: [id]).map { try Decode.unit($0) }
        case "property":
            properties[id] = try Row.fetchOne(db, sql: "SELECT * FROM property WHERE id = ?", arguments: [id]).flatMap { try Decode.property($0) }
        default:
            break
        }
    }

    /// A community row selected with `communityColumns`, by column index.
    static func community(_ r: Row) throws -> Community {
        Community(id: r[0], streetID: r[1], name: r[2], address: r[3], kind: try Decode.coded(CommunityKind.self, r[4], "community.kind"),
                  declaredSite: r[5], households: r[6], note: r[7], siteKindCode: r[8])
    }

    /// The links of `community` in force on `day`; the first call for a street reads the links of all its communities.
    mutating func links(community: Int64, street: Int64, on day: Day, _ db: Database) throws -> [Assignment] {
        if linkedStreets.insert(street).inserted {
            // The order a per-community read through assignment_community would give: by valid_to, then id.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.* FROM assignment a JOIN community c ON c.id = a.community_id
                WHERE c.street_id = :s AND \(SQL.inForce) ORDER BY a.community_id, a.valid_to, a.id
                """, arguments: ["s": street, "day": day.description])
            while let r = try rows.next() {
                let a = try Decode.assignment(r)
                links[a.communityID, default: []].append(a)
            }
        }
        return links[community] ?? []
    }
}

/// The statements an import runs once per row, compiled once per import.
struct ImportStatements {
    let insertStreet: Statement
    let insertUnit: Statement
    let insertProperty: Statement
    let endLink: Statement

    init(_ db: Database) throws {
        insertStreet = try db.makeStatement(sql: "INSERT INTO street (office_id, name) VALUES (?, ?)")
        insertUnit = try db.makeStatement(sql: """
            INSERT INTO unit (office_id, name, kind, head, head_phone, liaison, liaison_phone, unit_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertProperty = try db.makeStatement(sql: "INSERT INTO property (office_id, name, manager, manager_phone) VALUES (?, ?, ?, ?)")
        endLink = try db.makeStatement(sql: "UPDATE assignment SET valid_to = ? WHERE id = ?")
    }
}
