import GridCore

/// The case ledger as the higher-level office asks for it: one row per case, and one row per case event.
extension ExportTables {
    static let caseHeaders = ["编号", "状态", "来源", "发现时间", "发现人", "期限", "逾期", "办结时间", "所属街道", "小区名称", "位置", "测评主题",
                              "问题描述", "发现时责任单位", "现责任单位", "承办单位", "督办", "延期次数", "返工次数", "事件数"]
    static let caseKeys = ["number", "state", "source", "found_at", "found_by", "due", "overdue", "closed_at", "street", "community", "location",
                           "theme", "description", "unit_then", "unit_now", "handling_unit", "escalated", "extensions", "reworks", "events"]
    static let eventHeaders = ["编号", "时间", "动作", "原状态", "新状态", "操作员", "原因", "期限", "小区名称", "测评主题"]
    static let eventKeys = ["number", "at", "action", "from", "to", "actor", "reason", "due", "community", "theme"]

    /// The cases a query selects, oldest number first, with where, what, who then and now, and how many steps.
    func cases(_ query: CaseQuery) throws(GridError) -> [[String]] {
        var names = NameCache(store: store)
        let themes = Dictionary(uniqueKeysWithValues: try store.themes().map { ($0.id, $0.zh) })
        var rows: [[String]] = []
        for c in try store.cases(query).sorted(by: { $0.number < $1.number }) {
            let events = try store.caseEvents(c.number)
            let closed = c.state.isOpen ? "" : events.last(where: { !$0.event.to.isOpen }).map { Format.time($0.at, env) } ?? ""
            let site = try names.site(c.communityID)
            let now = try names.leadUnit(c.communityID, today: today)
            let handling = try c.handlingUnitID.map { id throws(GridError) in try names.unit(id) } ?? ""
            rows.append([c.number.description, c.state.zh, c.source.zh, Format.time(c.foundAt, env), c.foundBy, c.dueOn?.description ?? "",
                         c.isOverdue(today: today) ? "逾期" : "", closed, site.street, site.community, c.location, themes[c.themeID] ?? "",
                         c.description, c.chain.unitName, now, handling, c.escalated ? "督办" : "", "\(c.extensionCount)", "\(c.reworkCount)",
                         "\(events.count)"])
        }
        return rows
    }

    /// Every event of the cases a query selects, case by case, oldest first.
    func caseEvents(_ query: CaseQuery) throws(GridError) -> [[String]] {
        var names = NameCache(store: store)
        let themes = Dictionary(uniqueKeysWithValues: try store.themes().map { ($0.id, $0.zh) })
        var rows: [[String]] = []
        for c in try store.cases(query).sorted(by: { $0.number < $1.number }) {
            let site = try names.site(c.communityID)
            for (at, e) in try store.caseEvents(c.number) {
                rows.append([c.number.description, Format.time(at, env), e.action, e.from.zh, e.to.zh, e.actor, e.reason,
                             e.dueOn?.description ?? "", site.community, themes[c.themeID] ?? ""])
            }
        }
        return rows
    }
}

/// Names looked up once per id while a case list is written.
struct NameCache {
    let store: any GridRepository
    var sites: [RowID: (street: String, community: String)] = [:]
    var units: [RowID: String] = [:]
    var leads: [RowID: String] = [:]

    mutating func site(_ id: RowID) throws(GridError) -> (street: String, community: String) {
        if let s = sites[id] { return s }
        var s = (street: "", community: "")
        if let c = try store.community(id: id) {
            s = (try store.nodeRef(.street(c.streetID))?.name ?? "", c.name)
        }
        sites[id] = s
        return s
    }

    mutating func unit(_ id: RowID) throws(GridError) -> String {
        if let u = units[id] { return u }
        let name = try store.unit(id: id)?.name ?? ""
        units[id] = name
        return name
    }

    mutating func leadUnit(_ community: RowID, today: Day) throws(GridError) -> String {
        if let u = leads[community] { return u }
        let name = ChainSnapshot(chain: try store.chain(communityID: community, on: today)).unitName
        leads[community] = name
        return name
    }
}
