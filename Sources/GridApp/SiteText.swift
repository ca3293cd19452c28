import GridCore
import TerminalKit

/// How the register is found and written for `civgrid site`: a site by number or name, its table row, its detail
/// and its JSON.
enum SiteText {
    /// The register of a store that keeps one.
    static func register(_ db: any GridRepository) throws(GridError) -> any SiteRegisterReading {
        guard let r = db as? any SiteRegisterReading else { throw .database("this store does not keep a declared-site register (申报点位)") }
        return r
    }

    /// `12`, `◆12`, `第12号` → 12; nil for a name.
    static func number(_ text: String) -> Int? {
        var t = FullWidth.fold(text).trimmingWhitespace()
        for prefix in ["◆", "#", "第"] where t.hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)) }
        if t.hasSuffix("号") { t = String(t.dropLast()) }
        return Int(t)
    }

    /// The register entry `query` names: a site number, else a community name that is a declared site.
    static func find(_ query: String, in db: any GridRepository, env: RunEnvironment) throws(GridError) -> DeclaredSite {
        let sites = try register(db).declaredSites(officeID: nil, today: env.clock.today, utcOffsetSeconds: env.clock.utcOffsetSeconds)
        if let n = number(query) {
            let hits = sites.filter { $0.number == n }
            if hits.count == 1 { return hits[0] }
            if hits.count > 1 {
                throw .ambiguous(what: "declared sites", query: query, candidates: hits.map { "\($0.streetName)/\($0.community.name)" })
            }
            throw .notFound("no declared site 第\(n)号; `civgrid site list` shows the numbers")
        }
        let ref = try Resolver(store: db).community(query)
        guard let s = sites.first(where: { $0.community.id == ref.node.id }) else {
            throw .notFound("\(ref.name) is not a declared site (申报点位); number it with `civgrid site set \(ref.name) --number N`")
        }
        return s
    }

    /// A site's community id for `site set`: a number names a declared site; a name any live community.
    static func communityID(_ query: String, cli: MasterDataCLI) throws(GridError) -> RowID {
        if number(query) != nil {
            let env = cli.env
            return try find(query, in: cli.db, env: env).community.id
        }
        return try cli.resolver.community(query).node.id
    }

    static func unitText(_ u: SiteUnit?) -> String {
        guard let u else { return "—" }
        return u.link.unit.name + (u.responsible.map { "（\($0.display)）" } ?? "")
    }

    static func row(_ s: DeclaredSite, today: Day) -> [String] {
        let last = s.lastSelfInspection?.description ?? "从未 never"
        let missed = s.missedCadence(today: today) ? " 超期" : ""
        return [s.light(today: today).zh, "◆\(s.number)", s.community.name, s.kindLabel, unitText(s.lead),
                "\(s.supporting.count)", "\(s.openCases)", "\(s.overdueCases)", last + missed, "\(s.cadence.days)天"]
    }

    static func detail(_ s: DeclaredSite, today: Day) -> String {
        var lines = ["申报点位 第\(s.number)号  \(s.streetName)/\(s.community.name)  (\(s.kindLabel))  [\(s.light(today: today).zh)灯]"]
        if !s.community.address.isEmpty { lines.append("地址 \(s.community.address)") }
        if s.units.isEmpty { lines.append("责任单位: 未指定 (none; `civgrid assign` links one)") }
        for u in s.units {
            let role = u.isLead ? "牵头单位" : "配合单位"
            let person = u.responsible?.display ?? "未指定 (set with `civgrid site set \(s.number) --unit \(u.link.unit.name) --person NAME --phone P`)"
            lines.append("\(role) \(u.link.unit.name)  具体责任人 \(person)  负责人 \(u.link.unit.head.display)  联络员 \(u.link.unit.liaison.display)")
            if let p = u.link.property { lines.append("    物业 \(p.name)  项目经理 \(p.manager.display)") }
        }
        lines.append("自查周期 \(s.cadence)\(s.ownCadence ? "" : " (office default)")  最近自查 \(s.lastSelfInspection?.description ?? "从未 never")"
            + (s.missedCadence(today: today) ? "  — 未按周期自查 (cadence missed; due \(s.selfInspectionDue(today: today)))" : "  下次 \(s.selfInspectionDue(today: today))"))
        lines.append("未结案件 \(s.openCases)  逾期 \(s.overdueCases)")
        return lines.joined(separator: "\n")
    }

    static func json(_ s: DeclaredSite, today: Day) -> [String: Any] {
        [
            "number": s.number, "community_id": s.community.id, "name": s.community.name, "street": s.streetName, "kind": s.kindLabel,
            "units": s.units.map { u in
                ["unit": u.link.unit.name, "role": u.link.assignment.role.rawValue, "responsible": u.responsible.map(Format.json) as Any,
                 "head": Format.json(u.link.unit.head), "liaison": Format.json(u.link.unit.liaison),
                 "property": u.link.property?.name as Any] as [String: Any]
            },
            "cadence_days": s.cadence.days, "cadence_own": s.ownCadence, "open_cases": s.openCases, "overdue_cases": s.overdueCases,
            "last_self_inspection": s.lastSelfInspection?.description as Any, "cadence_missed": s.missedCadence(today: today),
            "light": s.light(today: today).rawValue,
        ]
    }
}
