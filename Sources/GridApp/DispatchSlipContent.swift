import GridCore

/// What a dispatch slip (交办单) says: the unit with its head and liaison, and each open case dispatched to it with the
/// site, location, problem, deadline class and due day, the unit's responsible person on that site, and the property
/// company with its manager. Written as text, Markdown or printable HTML; names are escaped for each.
struct DispatchSlipContent {
    struct Line {
        var number: CaseNumber
        var site: String
        var street: String
        var location: String
        var problem: String
        var deadline: String
        var due: String
        var overdue: Bool
        var person: String
        var property: String
    }

    var office: String
    var label: String
    var unit: ResponsibleUnit
    var asOf: Day
    var lines: [Line]

    /// The unit's open cases, overdue first then by due day (the case queue's order).
    static func build(store: any GridRepository, unit: ResponsibleUnit, label: String, asOf: Day) throws(GridError) -> DispatchSlipContent {
        let cases = try store.cases(CaseQuery(openOnly: true, unitID: unit.id, limit: 10_000)).filter { $0.handlingUnitID == unit.id }
        let themes = Dictionary(uniqueKeysWithValues: try store.themes().map { ($0.id, $0.zh) })
        let sites = try (store as? any SiteRegisterReading)?.declaredSites(officeID: unit.officeID, today: asOf, utcOffsetSeconds: 0) ?? []
        let persons = Dictionary(sites.compactMap { s in s.units.first { $0.link.unit.id == unit.id }?.responsible.map { (s.community.id, $0) } },
                                 uniquingKeysWith: { a, _ in a })
        var lines: [Line] = []
        for c in cases {
            let community = try store.community(id: c.communityID)
            let street = try community.flatMap { x throws(GridError) in try store.nodeRef(.street(x.streetID))?.name } ?? ""
            let chain = try store.chain(communityID: c.communityID, on: asOf)
            let property = (chain.first { $0.unit.id == unit.id } ?? chain.first)?.property
            let site = (community?.declaredSite.map { "◆\($0) " } ?? "") + (community?.name ?? "#\(c.communityID)")
            lines.append(Line(number: c.number, site: site, street: street, location: c.location,
                              problem: (themes[c.themeID].map { "\($0)：" } ?? "") + c.description, deadline: c.deadlineClass.zh,
                              due: c.dueOn?.description ?? "—", overdue: c.isOverdue(today: asOf),
                              person: persons[c.communityID]?.display ?? "（负责人）\(unit.head.display)",
                              property: property.map { "\($0.name)（\($0.manager.display)）" } ?? "无物业"))
        }
        return DispatchSlipContent(office: try store.offices().first { $0.id == unit.officeID }?.name ?? "", label: label, unit: unit,
                                   asOf: asOf, lines: lines)
    }

    static let headers = ["编号", "点位/小区", "位置", "问题", "整改时限", "期限", "具体责任人", "物业（项目经理）"]

    func cells(_ l: Line) -> [String] {
        [l.number.description, l.site, l.location.isEmpty ? "—" : l.location, l.problem, l.deadline, l.due + (l.overdue ? " 逾期" : ""),
         l.person, l.property]
    }

    var title: String { "\(office)交办单 \(label)" }
    var intro: String {
        "\(unit.name)：以下 \(lines.count) 个问题请于期限前整改到位，并由具体责任人第一时间到场处置。负责人 \(unit.head.display)；联络员 \(unit.liaison.display)。（\(asOf)）"
    }

    func text() -> String {
        var out = [title, "", intro, ""]
        for (i, l) in lines.enumerated() {
            out.append("\(i + 1). \(l.number) \(l.street)/\(l.site)" + (l.location.isEmpty ? "" : "（\(l.location)）"))
            out.append("   \(l.problem)")
            out.append("   \(l.deadline)，期限 \(l.due)\(l.overdue ? "（已逾期）" : "")；具体责任人 \(l.person)；物业 \(l.property)")
        }
        if lines.isEmpty { out.append("无未结案件 (no open cases dispatched to this unit).") }
        return out.joined(separator: "\n") + "\n"
    }

    func markdown() -> String {
        let md = Report.markdownEscaped
        var out = ["# \(md(title))", "", md(intro), "", "| " + Self.headers.joined(separator: " | ") + " |",
                   "|" + String(repeating: " --- |", count: Self.headers.count)]
        for l in lines { out.append("| " + cells(l).map(md).joined(separator: " | ") + " |") }
        if lines.isEmpty { out += ["", "无未结案件。"] }
        return out.joined(separator: "\n") + "\n"
    }

    /// A printable page: one table, A4 landscape, borders that print, a signature line.
    func html() -> String {
        let e = HTMLText.escaped
        let rows = lines.map { l in
            "<tr\(l.overdue ? " class=\"late\"" : "")>" + cells(l).map { "<td>\(e($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>\(e(title))</title>
            <style>@page { size: A4 landscape; margin: 15mm } body { font-family: sans-serif; font-size: 11pt }
            table { border-collapse: collapse; width: 100% } th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top }
            tr.late td { font-weight: bold } .sign { margin-top: 2em }</style></head><body>
            <h1>\(e(title))</h1>
            <p>\(e(intro))</p>
            <table><thead><tr>\(Self.headers.map { "<th>\(e($0))</th>" }.joined())</tr></thead>
            <tbody>
            \(rows)
            </tbody></table>
            <p class="sign">签收人：__________　签收时间：__________</p>
            </body></html>

            """
    }
}
