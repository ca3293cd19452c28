import GridCore
import TerminalKit

/// What the round commands share: finding the store's round port, resolving a round, and printing rounds and coverage.
enum RoundCLI {
    /// The store's rounds (every store civgrid opens keeps them; a clear refusal otherwise).
    static func reading(_ store: any GridRepository) throws(GridError) -> any RoundReading {
        guard let rounds = store as? any RoundReading else {
            throw .database("this database's store does not keep inspection rounds yet (only the SQLite store does)")
        }
        return rounds
    }

    /// A round by number (`3`, `#3`), exact name, or unique prefix of a name.
    static func round(_ text: String, in rounds: any RoundReading) throws(GridError) -> InspectionRound {
        let t = FullWidth.fold(text).trimmingWhitespace()
        let number = t.hasPrefix("#") ? String(t.dropFirst()) : t
        if let id = RoundID(number) {
            guard let round = try rounds.round(id: id) else { throw .notFound(RoundRules.unknown(id)) }
            return round
        }
        let all = try rounds.rounds(RoundQuery(limit: 100_000))
        if let exact = all.first(where: { $0.name == t }) { return exact }
        let prefixed = all.filter { $0.name.hasPrefix(t) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.isEmpty { throw .notFound("no round numbered or named “\(text)”; `civgrid round list` shows the rounds") }
        throw .ambiguous(what: "rounds", query: text, candidates: prefixed.map(\.label))
    }

    /// The round a case was found in (through the inspection that recorded it), or nil; nil too on a store without rounds.
    static func foundIn(_ number: CaseNumber, db: any GridRepository) throws(GridError) -> (round: InspectionRound, inspection: InspectionRecord)? {
        guard let rounds = db as? any RoundReading, let inspection = try rounds.inspection(recording: number),
              let id = inspection.roundID, let round = try rounds.round(id: id) else { return nil }
        return (round, inspection)
    }

    /// A kind by code, Chinese or English label.
    static func kind(_ text: String, option: String = "--kind") throws(GridError) -> RoundKind {
        guard let kind = RoundKind.parse(text) else {
            throw .invalidInput("\(option) “\(text)” is not a round kind; use one of: \(RoundKind.spellings)")
        }
        return kind
    }

    /// `#3  两督  12月第1周两督  进行中  2026-12-01…2026-12-07`, as table columns.
    static func columns(_ r: InspectionRound, unitName: String?) -> [String] {
        ["#\(r.id)", r.kind.zh, r.name, r.state.zh, "\(r.from)…\(r.to)", unitName ?? "", r.team.joined(separator: ",")]
    }

    static let headers = ["轮次", "类型", "名称", "状态", "日期", "自查单位", "检查组"]

    /// A round as JSON with stable keys.
    static func json(_ r: InspectionRound, _ env: RunEnvironment) -> [String: Any] {
        var out: [String: Any] = [
            "id": r.id, "name": r.name, "kind": r.kind.rawValue, "kind_zh": r.kind.zh, "state": r.state.rawValue,
            "from": r.from.description, "to": r.to.description, "team": r.team, "created_by": r.createdBy,
            "created_at": Format.time(r.createdAt, env),
            "scope": ["streets": r.scope.streetIDs, "communities": r.scope.communityIDs, "themes": r.scope.themeIDs,
                      "declared_sites_only": r.scope.declaredSitesOnly] as [String: Any],
        ]
        if let unit = r.unitID { out["unit_id"] = unit }
        if let t = r.startedAt { out["started_at"] = Format.time(t, env) }
        if let t = r.closedAt { out["closed_at"] = Format.time(t, env) }
        return out
    }

    /// Coverage as text: the headline, results, themes, operators, and the sites still owing checks.
    static func text(_ c: Coverage, _ env: RunEnvironment) -> String {
        var out = [c.headline]
        let results = InspectionResult.allCases.compactMap { r in c.results[r].map { "\(r.zh) \($0)" } }
        out.append("检查 \(c.inspections) 次" + (results.isEmpty ? "" : "：" + results.joined(separator: " · ")))
        if !c.themes.isEmpty {
            var themes = TextTable.forOutput(headers: ["主题", "已查", "格"], trailing: [1, 2])
            for t in c.themes { themes.append([t.name, "\(t.checked)", "\(t.cells)"]) }
            out.append("\n" + themes.render())
        }
        if !c.operators.isEmpty {
            var who = TextTable.forOutput(headers: ["检查人", "次数", "格", "最近"], trailing: [1, 2])
            for o in c.operators { who.append([o.login, "\(o.inspections)", "\(o.cells)", Format.time(o.last, env)]) }
            out.append("\n" + who.render())
        }
        let owing = c.sites - c.completeSites
        guard owing > 0 else {
            out.append("\n每个小区/点位都已查完 (every site checked)")
            return out.joined(separator: "\n")
        }
        let shown = c.unchecked.count < owing ? "，列出前 \(c.unchecked.count) 个" : ""
        out.append("\n未查完的小区/点位 \(owing) 个（其中全未查 \(c.untouchedSites) 个\(shown)）:")
        var sites = TextTable.forOutput(headers: ["点位", "街道", "小区", "已查/格", "上次检查", "检查人"], maxColumnWidth: 30)
        for s in c.unchecked {
            sites.append([s.declaredSite.map { "◆\($0)" } ?? "", s.streetName, s.name, "\(s.checked)/\(s.cells)",
                          s.lastAt.map { Format.time($0, env) } ?? "从未检查", s.lastBy ?? ""])
        }
        out.append(sites.render())
        return out.joined(separator: "\n")
    }

    /// Coverage as JSON with stable keys.
    static func json(_ c: Coverage, _ env: RunEnvironment) -> [String: Any] {
        [
            "cells": c.cells, "checked_cells": c.checkedCells, "sites": c.sites, "touched_sites": c.touchedSites,
            "complete_sites": c.completeSites, "untouched_sites": c.untouchedSites, "declared_sites": c.declaredSites,
            "touched_declared_sites": c.touchedDeclaredSites, "inspections": c.inspections,
            "results": Dictionary(uniqueKeysWithValues: c.results.map { ($0.key.rawValue, $0.value) }),
            "themes": c.themes.map { ["theme_id": $0.themeID, "name": $0.name, "cells": $0.cells, "checked": $0.checked] as [String: Any] },
            "operators": c.operators.map { ["login": $0.login, "inspections": $0.inspections, "cells": $0.cells,
                                            "last": Format.time($0.last, env)] as [String: Any] },
            "unchecked_sites": c.unchecked.map { s -> [String: Any] in
                var o: [String: Any] = ["community_id": s.communityID, "name": s.name, "street": s.streetName, "cells": s.cells,
                                        "checked": s.checked]
                if let n = s.declaredSite { o["declared_site"] = n }
                if let t = s.lastAt { o["last_at"] = Format.time(t, env) }
                if let by = s.lastBy { o["last_by"] = by }
                return o
            },
        ]
    }

    /// An inspection as JSON with stable keys.
    static func json(_ i: InspectionRecord, _ env: RunEnvironment) -> [String: Any] {
        var o: [String: Any] = ["id": i.id, "community_id": i.cell.communityID, "theme_id": i.cell.themeID, "result": i.result.rawValue,
                                "at": Format.time(i.at, env), "by": i.by, "note": i.note]
        if let r = i.roundID { o["round_id"] = r }
        if let k = i.kind { o["kind"] = k.rawValue }
        if let n = i.caseNumber { o["case"] = n.description }
        return o
    }
}
