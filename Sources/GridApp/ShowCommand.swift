import ArgumentParser
import GridCore
import TerminalKit

/// `civgrid show COMMUNITY`: the community, its chain with contacts, and every cell.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a community: its chain (units, property company, contacts) and every cell.")

    @Argument(help: ArgumentHelp("Community name, unique prefix, or 街道/小区.", valueName: "community"))
    var community: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let env = try RunEnvironment()
        let db = try store.open(env, forReading: true)
        let ref = try Resolver(store: db).community(community)
        guard case .community(let id) = ref.node, let c = try db.community(id: id) else {
            throw GridError.notFound("community “\(community)” disappeared while reading; try again")
        }
        let today = env.clock.today
        let chain = try db.chain(communityID: id, on: today)
        let cells = try db.cells(communityID: id)
        let kinds = try db.kinds()
        if output.json {
            var json = ShowJSON.community(c, ref: ref, chain: chain, cells: cells, today: today)
            json["site_kind"] = c.siteKindCode ?? c.kind.rawValue
            json["kind_label"] = kinds.label(of: c)
            json["retired_on"] = c.retiredOn?.description as Any
            Output.json(Format.jsonText(json))
            return
        }
        Output.print(ShowText.header(c, ref: ref, kindLabel: kinds.label(of: c)))
        Output.print("")
        Output.print(ShowText.chain(chain, today: today))
        Output.print("")
        Output.print(ShowText.cells(cells, today: today, env: env))
    }
}

enum ShowText {
    static func header(_ c: Community, ref: NodeRef, kindLabel: String) -> String {
        let site = c.declaredSite.map { "申报点位 \($0)" } ?? "非申报点位"
        let households = c.households.map { "\($0) 户" } ?? "—"
        let retired = c.retiredOn.map { "  已撤销 (retired \($0))" } ?? ""
        var lines = ["\(c.name)  [\(kindLabel)]  \(ref.path)\(retired)",
                     "地址 \(c.address.isEmpty ? "—" : c.address) · 户数 \(households) · \(site)"]
        if !c.note.isEmpty { lines.append("备注 \(c.note)") }
        return lines.joined(separator: "\n")
    }

    static func chain(_ links: [ChainLink], today: Day) -> String {
        guard !links.isEmpty else { return "责任链 (\(today))：未分配责任单位 — an admin can add one with `civgrid assign`" }
        var table = TextTable.forOutput(headers: ["角色", "责任单位", "负责人", "联络员", "物业", "项目经理", "起始"])
        for link in links {
            let p = link.property
            table.append([link.assignment.role.zh, link.unit.name, link.unit.head.display, link.unit.liaison.display,
                          p?.name ?? "无物业（自管）", p?.manager.display ?? "—", link.assignment.validFrom.description])
        }
        return "责任链 (\(today))\n" + table.render()
    }

    static func cells(_ cells: [CellRow], today: Day, env: RunEnvironment) -> String {
        var table = TextTable.forOutput(headers: ["键", "测评主题", "状态", "期限", "逾期", "最近变更", "操作员", "说明"], maxColumnWidth: 30)
        for (i, row) in cells.enumerated() {
            let c = row.cell
            table.append(["\(i + 1)", row.theme.zh, c.status.zh, c.dueOn?.description ?? "",
                          c.isOverdue(today: today) ? "逾期" : "", Format.time(c.changedAt, env), c.changedBy ?? "", c.note])
        }
        let counts = Rollup.counts(of: cells.map(\.cell), today: today)
        let summary = Format.countStatuses.filter { counts[$0] > 0 }.map { "\($0.zh) \(counts[$0])" }.joined(separator: " · ")
        return "测评单元 (\(cells.count))\n" + table.render() + "\n合计: \(summary)" + (counts.overdue > 0 ? " · 逾期 \(counts.overdue)" : "")
    }
}

enum ShowJSON {
    static func community(_ c: Community, ref: NodeRef, chain: [ChainLink], cells: [CellRow], today: Day) -> [String: Any] {
        [
            "id": c.id, "name": c.name, "path": ref.path, "kind": c.kind.rawValue, "address": c.address,
            "declared_site": c.declaredSite as Any, "households": c.households as Any, "note": c.note,
            "today": today.description,
            "chain": chain.map { link in
                [
                    "role": link.assignment.role.rawValue, "unit": link.unit.name, "unit_id": link.unit.id,
                    "head": Format.json(link.unit.head), "liaison": Format.json(link.unit.liaison),
                    "property": link.property?.name as Any, "manager": link.property.map { Format.json($0.manager) } as Any,
                    "valid_from": link.assignment.validFrom.description,
                ] as [String: Any]
            },
            "cells": cells.map { row in
                [
                    "theme": row.theme.code, "theme_zh": row.theme.zh, "status": row.cell.status.rawValue,
                    "status_zh": row.cell.status.zh, "due_on": row.cell.dueOn?.description as Any,
                    "overdue": row.cell.isOverdue(today: today), "note": row.cell.note,
                    "changed_at": row.cell.changedAt?.description as Any, "changed_by": row.cell.changedBy as Any,
                ] as [String: Any]
            },
        ]
    }
}
