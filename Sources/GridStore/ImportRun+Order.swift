import GRDB
import GridCore

/// Office orders from a sheet (a 排序/序号 column for the community, a 街道排序 column for its street): an order is
/// written where none is stored, and replaces a different one only with --update, as other fields do; each change
/// is audited and shown in the diff (a new community's order is part of its "new" line). A street's order is
/// considered once per import (the first row naming it).
extension ImportRun {
    mutating func importOrders(_ r: ImportRecord<CommunityFields>, street: Int64, community: Int64) throws {
        try importStreetOrder(r, street: street)
        if let order = r.fields.order {
            try importOrder(order, table: "community", entity: .community, id: community, communityID: community, line: r.line,
                            what: "小区 \(r.fields.street)/\(r.fields.name)")
        }
    }

    /// The street's order from the first row of the sheet that names the street with one.
    mutating func importStreetOrder(_ r: ImportRecord<CommunityFields>, street: Int64) throws {
        if let order = r.fields.streetOrder, streetOrdersSeen.insert(street).inserted {
            try importOrder(order, table: "street", entity: .street, id: street, communityID: nil, line: r.line,
                            what: "街道 \(r.fields.street)")
        }
    }

    mutating func importOrder(_ order: Int, table: String, entity: AuditEntity, id: Int64, communityID: Int64?, line: Int,
                              what: String) throws {
        let stored = try Int.fetchOne(db, sql: "SELECT office_order FROM \(table) WHERE id = ?", arguments: [id])
        guard stored != order else { return }
        let detail = "排序: \(stored.map(String.init) ?? "—") → \(order)"
        guard stored == nil || batch.update else {
            outcome.changes.append(.init(kind: .changed, line: line, what: what, details: [detail, "未应用 (not applied without --update)"]))
            return
        }
        try db.execute(sql: "UPDATE \(table) SET office_order = ? WHERE id = ?", arguments: [order, id])
        try audit(entity, "\(id)", communityID, "office_order", stored.map(String.init), "\(order)")
        outcome.changes.append(.init(kind: .changed, line: line, what: what, details: [detail]))
    }
}
