import Foundation
import GridCore

/// The lists civgrid hands out, as header + rows. Column headers are the ones the importer recognises, so
/// an export imports back into an empty database as the same grid.
struct ExportTables {
    let store: any GridRepository
    let today: Day
    let env: RunEnvironment

    static let communityHeaders = ["编号", "三创办", "所属街道", "小区名称", "类型", "申报点位", "户数", "地址", "备注",
                                   "责任单位", "角色", "单位类型", "负责人", "负责人电话", "联络员", "联络员电话",
                                   "物业公司", "项目经理", "项目经理电话"]
    static let communityKeys = ["id", "office", "street", "community", "kind", "site", "households", "address", "note", "unit", "role",
                                "unit_kind", "head", "head_phone", "liaison", "liaison_phone", "property", "manager", "manager_phone"]
    static let cellHeaders = ["三创办", "所属街道", "小区名称", "测评主题", "状态", "期限", "逾期", "说明", "最近变更", "操作员"]
    static let cellKeys = ["office", "street", "community", "theme", "status", "due", "overdue", "note", "changed_at", "changed_by"]
    static let auditHeaders = ["编号", "时间", "操作员", "系统用户", "来源", "对象类型", "对象", "小区", "主题", "字段", "原值", "新值", "说明"]
    static let auditKeys = ["id", "at", "operator", "os_user", "source", "entity", "entity_id", "community", "theme", "field", "old", "new", "note"]
    /// Keys whose values are counts or numbers: JSON gives them as numbers (null when empty), not as text, so a
    /// program reading the export compares and sorts them as numbers.
    static let numericKeys: Set<String> = ["id", "site", "households", "extensions", "reworks", "events"]

    /// One exported row as a JSON object: numeric keys as numbers (null when empty), the rest as text.
    static func jsonObject(keys: [String], row: [String]) -> [String: Any] {
        var object: [String: Any] = [:]
        for (key, value) in zip(keys, row) {
            guard numericKeys.contains(key) else {
                object[key] = value
                continue
            }
            object[key] = value.isEmpty ? NSNull() : (Int(value).map { $0 as Any } ?? value)
        }
        return object
    }

    /// Communities in scope, one row per unit in charge (a community with none has one row).
    func communities(scope: CommunityScope, filter: CommunityFilter) throws(GridError) -> [[String]] {
        var rows: [[String]] = []
        let kinds = try store.kinds()
        try forEachWindow(scope: scope, filter: filter) { window, office throws(GridError) in
            let chains = try store.chains(communityIDs: window.map(\.community.id), on: today)
            for r in window {
                let c = r.community
                let base = ["\(c.id)", office(c.streetID), r.streetName, c.name, kinds.label(of: c), c.declaredSite.map(String.init) ?? "",
                            c.households.map(String.init) ?? "", c.address, c.note]
                let links = chains[c.id] ?? []
                if links.isEmpty { rows.append(base + Array(repeating: "", count: 10)) }
                for l in links {
                    rows.append(base + [l.unit.name, l.assignment.role.zh, kinds.label(of: l.unit), l.unit.head.name, l.unit.head.phone,
                                        l.unit.liaison.name, l.unit.liaison.phone, l.property?.name ?? "", l.property?.manager.name ?? "",
                                        l.property?.manager.phone ?? ""])
                }
            }
        }
        return rows
    }

    /// Every cell in scope with status, deadline and last change.
    func cells(scope: CommunityScope, filter: CommunityFilter) throws(GridError) -> [[String]] {
        let themes = Dictionary(uniqueKeysWithValues: try store.themes().map { ($0.id, $0) })
        var rows: [[String]] = []
        let kinds = try store.kinds()
        try forEachWindow(scope: scope, filter: filter) { window, office throws(GridError) in
            let cells = Dictionary(grouping: try store.cells(communityIDs: window.map(\.community.id)), by: \.communityID)
            for r in window {
                for cell in (cells[r.community.id] ?? []).sorted(by: { (themes[$0.themeID]?.position ?? 0) < (themes[$1.themeID]?.position ?? 0) }) {
                    guard let theme = themes[cell.themeID] else { continue }
                    rows.append([office(r.community.streetID), r.streetName, r.community.name, theme.zh, cell.status.zh,
                                 cell.dueOn?.description ?? "", cell.isOverdue(today: today) ? "逾期" : "", cell.note,
                                 Format.time(cell.changedAt, env), cell.changedBy ?? ""])
                }
            }
        }
        return rows
    }

    func audit(limit: Int) throws(GridError) -> [[String]] {
        try store.auditTrail(AuditQuery(limit: limit)).map { row in
            let r = row.record, e = r.entry
            return ["\(r.id)", r.at.description, r.operatorLogin, r.osUser, r.source.rawValue, e.entity.rawValue, e.entityID,
                    row.communityName ?? "", row.themeName ?? "", e.field, e.oldValue ?? "", e.newValue ?? "", e.note]
        }
    }

    /// Walks the scope a window of 2,000 communities at a time, so memory stays bounded on a province.
    func forEachWindow(scope: CommunityScope, filter: CommunityFilter,
                       _ body: ([CommunityRow], (RowID) -> String) throws(GridError) -> Void) throws(GridError) {
        // A street's path is its office's name; each street is looked up once, when its first window arrives.
        var officeOfStreet: [RowID: String] = [:]
        var offset = 0
        var anchor: WindowAnchor?
        while true {
            let window = try store.communities(in: scope, filter: filter, offset: offset, limit: 2_000, today: today, total: nil, anchor: anchor)
            if window.isEmpty { break }
            for street in Set(window.map(\.community.streetID)) where officeOfStreet[street] == nil {
                officeOfStreet[street] = try store.nodeRef(.street(street))?.path ?? ""
            }
            let known = officeOfStreet
            try body(window) { known[$0] ?? "" }
            offset += window.count
            anchor = WindowAnchor(index: offset - 1, row: window[window.count - 1])
            if window.count < 2_000 { break }
        }
    }
}
