import ArgumentParser
import GridCore
import TerminalKit

/// `civgrid round add|list|show|start|close`: rounds of checking (检查轮次) from the command line.
struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round", abstract: "Plan, start and close rounds of checking (检查轮次: 自查, 督查, 两督, 暗访, 模拟测评) and see their coverage.",
        subcommands: [Add.self, List.self, Show.self, Start.self, Close.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Plan a round (计划中).")
        @Option(help: "What the office calls it, e.g. 12月第1周两督 (unique).") var name: String
        @Option(help: ArgumentHelp("self_inspection (自查), supervision (督查), joint_supervision (两督), unannounced (暗访) or mock_assessment (模拟测评).",
                                   valueName: "kind")) var kind: String
        @Option(help: ArgumentHelp("First day (YYYY-MM-DD, today, +N); default today.", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("Last day; default the first.", valueName: "date")) var to: String?
        @Option(help: ArgumentHelp("自查: the unit checking its own places.", valueName: "unit")) var unit: String?
        @Option(help: ArgumentHelp("Logins who check in this round, comma-separated (default: anyone who may record inspections).",
                                   valueName: "logins")) var team: [String] = []
        @Option(help: ArgumentHelp("Only this street's communities (repeatable).", valueName: "street")) var street: [String] = []
        @Option(help: ArgumentHelp("Only this community or site (repeatable).", valueName: "community")) var community: [String] = []
        @Option(help: ArgumentHelp("Only this theme (repeatable).", valueName: "theme")) var theme: [String] = []
        @Flag(name: .customLong("declared-sites"), help: "Only declared inspection sites (申报点位).") var declaredSites = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let kind = try RoundCLI.kind(kind)
            let today = env.clock.today
            let first = try from.map { t throws(GridError) in try Resolver.day(t, option: "--from", today: today) } ?? today
            let last = try to.map { t throws(GridError) in try Resolver.day(t, option: "--to", today: today) } ?? first
            let db = try store.open(env)
            _ = try RoundCLI.reading(db)
            let resolver = Resolver(store: db)
            var scope = RoundScope(declaredSitesOnly: declaredSites)
            for s in street { if case .street(let id) = try resolver.node(s, levels: [.street], what: "streets").node { scope.streetIDs.append(id) } }
            for c in community { if case .community(let id) = try resolver.community(c).node { scope.communityIDs.append(id) } }
            let themes = try db.themes()
            for t in theme { scope.themeIDs.append(try resolver.theme(t, among: themes).id) }
            var unitID: RowID?
            if let unit, case .unit(let id) = try resolver.node(unit, levels: [.unit], what: "units").node { unitID = id }
            let logins = team.flatMap { $0.split(separator: ",").map { $0.trimmingWhitespace() } }.filter { !$0.isEmpty }
            let round = try env.services(db).addRound(RoundDraft(name: name, kind: kind, unitID: unitID, from: first, to: last,
                                                                 team: logins, scope: scope),
                                                      context: env.context(try db.operatorAccount(login: env.login)))
            Output.print("已安排 \(round.label)（\(round.from)…\(round.to)，\(round.state.zh)）；开始: civgrid round start \(round.id)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List rounds, newest first.")
        @Option(help: ArgumentHelp("Only rounds in this state: planned (计划中), in_progress (进行中) or closed (已结束).", valueName: "state"))
        var state: String?
        @Option(help: ArgumentHelp("Only rounds of this kind.", valueName: "kind")) var kind: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try RunEnvironment()
            var query = RoundQuery()
            if let state {
                let t = state.trimmingWhitespace().lowercased()
                guard let s = RoundState.allCases.first(where: { $0.rawValue == t || $0.zh == t }) else {
                    throw GridError.invalidInput("--state “\(state)” is not a round state; use planned (计划中), in_progress (进行中) or closed (已结束)")
                }
                query.states = [s]
            }
            query.kind = try kind.map { k throws(GridError) in try RoundCLI.kind(k) }
            let db = try store.open(env, forReading: true)
            let rounds = try RoundCLI.reading(db).rounds(query)
            if output.json {
                Output.json(Format.jsonText(rounds.map { RoundCLI.json($0, env) }))
                return
            }
            guard !rounds.isEmpty else {
                Output.print("没有检查轮次 (no rounds); plan one with `civgrid round add --name … --kind …`")
                return
            }
            var table = TextTable.forOutput(headers: RoundCLI.headers, maxColumnWidth: 30)
            for r in rounds { table.append(RoundCLI.columns(r, unitName: try r.unitID.flatMap { try db.unit(id: $0)?.name })) }
            Output.print(table.render())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A round: its plan, its coverage and its latest inspections.")
        @Argument(help: ArgumentHelp("Round number (3 or #3) or name.", valueName: "round")) var round: String
        @Option(help: "List at most this many sites still owing checks.") var limit: Int = 30
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard limit >= 0 else { throw ValidationError("--limit \(limit) must be 0 or more") }
        }

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env, forReading: true)
            let rounds = try RoundCLI.reading(db)
            let r = try RoundCLI.round(round, in: rounds)
            let coverage = try rounds.coverage(CoverageQuery(roundID: r.id, today: env.clock.today, utcOffsetSeconds: env.clock.utcOffsetSeconds,
                                                             siteLimit: limit))
            let recent = try rounds.inspections(InspectionQuery(roundID: r.id, limit: 10))
            if output.json {
                var out = RoundCLI.json(r, env)
                out["coverage"] = RoundCLI.json(coverage, env)
                out["recent_inspections"] = recent.map { RoundCLI.json($0, env) }
                Output.json(Format.jsonText(out))
                return
            }
            var lines = ["\(r.label)  \(r.state.zh)  \(r.from)…\(r.to)"]
            if let unit = r.unitID { lines.append("自查单位 \(try db.unit(id: unit)?.name ?? "#\(unit)")") }
            lines.append("检查组 " + (r.team.isEmpty ? "不限 (anyone who may record inspections)" : r.team.joined(separator: ", ")))
            lines.append("范围 " + (try scopeText(r.scope, db)))
            var moments = "安排 \(r.createdBy) \(Format.time(r.createdAt, env))"
            if let t = r.startedAt { moments += " · 开始 \(Format.time(t, env))" }
            if let t = r.closedAt { moments += " · 结束 \(Format.time(t, env))" }
            lines.append(moments)
            lines.append("")
            lines.append(RoundCLI.text(coverage, env))
            if !recent.isEmpty {
                let themes = Dictionary(uniqueKeysWithValues: try db.themes().map { ($0.id, $0.zh) })
                var table = TextTable.forOutput(headers: ["#", "时间", "检查人", "小区", "主题", "结果", "案件", "说明"], trailing: [0], maxColumnWidth: 30)
                for i in recent {
                    table.append(["\(i.id)", Format.time(i.at, env), i.by, try db.community(id: i.cell.communityID)?.name ?? "",
                                  themes[i.cell.themeID] ?? "", i.result.zh, i.caseNumber?.description ?? "", i.note])
                }
                lines.append("\n最近检查:\n" + table.render())
            }
            Output.print(lines.joined(separator: "\n"))
        }

        func scopeText(_ s: RoundScope, _ db: any GridRepository) throws(GridError) -> String {
            var parts: [String] = []
            if !s.streetIDs.isEmpty {
                parts.append("街道 " + (try s.streetIDs.map { id throws(GridError) in try db.nodeRef(.street(id))?.name ?? "#\(id)" }).joined(separator: "、"))
            }
            if !s.communityIDs.isEmpty {
                parts.append("小区 " + (try s.communityIDs.map { id throws(GridError) in try db.community(id: id)?.name ?? "#\(id)" }).joined(separator: "、"))
            }
            if !s.themeIDs.isEmpty {
                let names = Dictionary(uniqueKeysWithValues: try db.themes().map { ($0.id, $0.zh) })
                parts.append("主题 " + s.themeIDs.map { names[$0] ?? "#\($0)" }.joined(separator: "、"))
            }
            if s.declaredSitesOnly { parts.append("仅申报点位") }
            return parts.isEmpty ? "全部小区和主题 (everything)" : parts.joined(separator: " · ")
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: "Start a planned round (计划中 → 进行中).")
        @Argument(help: ArgumentHelp("Round number or name.", valueName: "round")) var round: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env)
            let r = try RoundCLI.round(round, in: try RoundCLI.reading(db))
            let started = try env.services(db).startRound(r.id, context: env.context(try db.operatorAccount(login: env.login)))
            Output.print("已开始 \(started.label)：计划中 → 进行中；记录检查: civgrid inspect 小区 主题 达标 --round \(started.id)")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a round in progress (进行中 → 已结束); its inspections become final.")
        @Argument(help: ArgumentHelp("Round number or name.", valueName: "round")) var round: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env)
            let rounds = try RoundCLI.reading(db)
            let r = try RoundCLI.round(round, in: rounds)
            let closed = try env.services(db).closeRound(r.id, context: env.context(try db.operatorAccount(login: env.login)))
            let c = try rounds.coverage(CoverageQuery(roundID: closed.id, today: env.clock.today, utcOffsetSeconds: env.clock.utcOffsetSeconds,
                                                      siteLimit: 0))
            Output.print("已结束 \(closed.label)：进行中 → 已结束；\(c.headline)")
        }
    }
}
