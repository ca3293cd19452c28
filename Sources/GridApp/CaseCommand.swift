import ArgumentParser
import Foundation
import GridCore
import GridTheme
import TerminalKit

extension CaseSource: ExpressibleByArgument {}
extension DeadlineClass: ExpressibleByArgument {}

/// `civgrid case add|list|show|move`: the problem ledger (整改问题台账) from the command line.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Record problems and move them through their lifecycle (上报 → 立案 → 交办 → 整改 → 复核 → 结案).",
        subcommands: [Add.self, List.self, Show.self, Move.self, Attach.self, GetAttachment.self,
                      CaseNotifyCommand.self])

    /// The working calendar: weekends, plus `holidays` and `workdays` from `$XDG_CONFIG_HOME/civgrid/calendar.toml`.
    static func calendar(_ env: RunEnvironment) throws(GridError) -> WorkingCalendar {
        let base = env.variables["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env.variables["HOME"] ?? "") + "/.config")
        let path = base + "/civgrid/calendar.toml"
        guard let data = FileManager.default.contents(atPath: path) else { return .weekendsOnly }
        guard let arrays = ConfigFile.stringArrays(String(decoding: data, as: UTF8.self)) else {
            throw .invalidInput("\(path) is not valid TOML; write holidays = [\"2026-10-01\", …] and workdays = [\"2026-10-11\"]")
        }
        func days(_ key: String) throws(GridError) -> Set<Day> {
            var out = Set<Day>()
            for text in arrays[key] ?? [] {
                guard let d = Day(text) else { throw .invalidInput("\(path): \(key) has “\(text)”, not a YYYY-MM-DD date") }
                out.insert(d)
            }
            return out
        }
        return WorkingCalendar(holidays: try days("holidays"), workdays: try days("workdays"))
    }

    static func number(_ text: String) throws(GridError) -> CaseNumber {
        guard let n = CaseNumber(text) else { throw .invalidInput("“\(text)” is not a case number like 2026-0007") }
        return n
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a problem found at a cell (the cell becomes 有问题).")
        @Argument(help: ArgumentHelp("Community name, unique prefix, or 街道/小区.", valueName: "community")) var community: String
        @Argument(help: ArgumentHelp("Theme.", valueName: "theme")) var theme: String
        @Option(help: "What is wrong.") var desc: String
        @Option(help: "supervision, self_inspection, grid_worker, higher_level, assessment, citizen or media.") var source: CaseSource = .supervision
        @Option(name: .customLong("class"), help: "immediate, days3, days7 or long_term.") var deadlineClass: DeadlineClass = .threeDays
        @Option(help: ArgumentHelp("Plan date for long_term.", valueName: "date")) var plan: String?
        @Option(help: "Where exactly (building, entrance …).") var location: String = ""
        @Flag(help: "紧急.") var urgent = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env)
            let resolver = Resolver(store: db)
            let ref = try resolver.community(community)
            guard case .community(let id) = ref.node, let c = try db.community(id: id) else { return }
            let th = try resolver.theme(theme, among: try db.themes().filter { $0.applies(to: c.kind) })
            let planDay = try plan.map { t throws(GridError) in try Resolver.day(t, option: "--plan", today: env.clock.today) }
            let record = try env.services(db).recordProblem(CaseDraft(communityID: id, themeID: th.id, source: source, description: desc, location: location,
                                                  urgent: urgent, deadlineClass: deadlineClass, plan: planDay),
                                        context: env.context(try db.operatorAccount(login: env.login)))
            Output.print("已上报 \(record.number): \(c.name) · \(th.zh) — \(record.description)（\(deadlineClass.zh)）")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, open ones first by due day.")
        @Flag(help: "Include finished cases.") var all = false
        @Option(help: ArgumentHelp("Only this community.", valueName: "community")) var community: String?
        @Option(help: ArgumentHelp("Only these states, comma-separated (code or Chinese: assigned,整改中 …).", valueName: "states"))
        var state: String?
        @Option(help: ArgumentHelp("Only cases handled by this unit (or, before dispatch, registered to it).", valueName: "unit"))
        var unit: String?
        @Option(help: ArgumentHelp("Only this street's communities.", valueName: "street")) var street: String?
        @Option(help: ArgumentHelp("Only this theme.", valueName: "theme")) var theme: String?
        @Option(help: "Only this source: supervision, self_inspection, grid_worker, higher_level, assessment, citizen or media.")
        var source: CaseSource?
        @Flag(help: "Only open cases past their due day.") var overdue = false
        @Option(help: ArgumentHelp("Found on or after this day (YYYY-MM-DD, today, +N/-N).", valueName: "date")) var since: String?
        @Option(help: ArgumentHelp("Found on or before this day.", valueName: "date")) var until: String?
        @Option(help: "At most this many.") var limit: Int = 200
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env, forReading: true)
            let cases = try db.cases(try query(env, db))
            let today = env.clock.today
            if output.json {
                Output.json(Format.jsonText(cases.map { CaseText.json($0, today: today) }))
                return
            }
            var table = TextTable.forOutput(headers: ["编号", "状态", "期限", "逾期", "督办", "小区", "主题", "问题"], maxColumnWidth: 30)
            let themes = Dictionary(uniqueKeysWithValues: try db.themes().map { ($0.id, $0.zh) })
            // The communities' names in one statement (one read per case was 200 round trips to a server).
            let communities = Dictionary(try db.caseQueueEntries(cases.map(\.number)).map { ($0.record.number, $0.communityName) },
                                         uniquingKeysWith: { a, _ in a })
            for c in cases {
                table.append([c.number.description, c.state.zh, c.dueOn?.description ?? "", c.isOverdue(today: today) ? "逾期" : "",
                              c.escalated ? "督办" : "", communities[c.number] ?? "", themes[c.themeID] ?? "", c.description])
            }
            Output.print(cases.isEmpty ? "没有案件 (no cases)" : table.render())
        }

        /// The options as one store query: every filter is answered in SQL.
        func query(_ env: RunEnvironment, _ db: any GridRepository) throws(GridError) -> CaseQuery {
            guard limit > 0 else { throw GridError.invalidInput("--limit \(limit): give at least 1 (default 200)") }
            let resolver = Resolver(store: db)
            var q = CaseQuery(openOnly: !all, source: source, limit: limit)
            if let community, case .community(let id) = try resolver.community(community).node { q.communityID = id }
            if let unit, case .unit(let id) = try resolver.node(unit, levels: [.unit], what: "units").node { q.unitID = id }
            if let street, case .street(let id) = try resolver.node(street, levels: [.street], what: "streets").node { q.streetID = id }
            if let theme { q.themeID = try resolver.theme(theme, among: try db.themes()).id }
            for text in (state ?? "").split(separator: ",").map({ $0.trimmingWhitespace() }) where !text.isEmpty {
                guard let s = CaseState.allCases.first(where: { $0.rawValue == text || $0.zh == text }) else {
                    throw GridError.invalidInput("--state \(text) is not a case state; use "
                        + CaseState.allCases.map { "\($0.rawValue) (\($0.zh))" }.joined(separator: ", "))
                }
                q.states.insert(s)
                if !s.isOpen { q.openOnly = false }
            }
            let today = env.clock.today, offset = env.clock.utcOffsetSeconds
            if overdue { q.overdueOn = today }
            // Local midnight of the first day, and of the day after the last, as stored UTC instants.
            let first = try since.map { t throws(GridError) in try Resolver.day(t, option: "--since", today: today) }
            let last = try until.map { t throws(GridError) in try Resolver.day(t, option: "--until", today: today) }
            if let first, let last, first > last {
                throw GridError.invalidInput("--since \(first) is after --until \(last): no case could be found in between; swap them")
            }
            if let first { q.foundSince = Timestamp.localMidnight(of: first, offsetSeconds: offset) }
            if let last { q.foundBefore = Timestamp.localMidnight(of: last.adding(days: 1), offsetSeconds: offset) }
            return q
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A case with its dispatched unit, timeline, and the chain when it was registered beside today's.")
        @Argument(help: ArgumentHelp("Case number, e.g. 2026-0007.", valueName: "number")) var number: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env, forReading: true)
            let n = try CaseCommand.number(number)
            guard let c = try db.caseRecord(n) else { throw GridError.notFound("no case \(n); `civgrid case list` shows the numbers") }
            let events = try db.caseEvents(n)
            let today = env.clock.today
            let unit = try CaseChainText.dispatchedUnit(c, db: db)
            let current = ChainSnapshot(chain: try db.chain(communityID: c.communityID, on: today))
            let attachments = try db.attachments(of: n)
            if output.json {
                var object = CaseText.json(c, today: today)
                object["events"] = events.map { ["at": $0.at.description, "action": $0.event.action, "to": $0.event.to.rawValue,
                                                 "actor": $0.event.actor, "reason": $0.event.reason] }
                object["dispatched_unit"] = unit.map { ["id": $0.node.id, "name": $0.name] as [String: Any] } as Any
                object["chain_registered"] = CaseChainText.json(c.chain)
                object["chain_today"] = CaseChainText.json(current)
                var shared: [ContentDigest: [CaseNumber]] = [:]
                for a in attachments { shared[a.digest] = try db.cases(holding: a.digest) }
                object["attachments"] = AttachmentText.json(attachments, sharedWith: shared)
                if let found = try RoundCLI.foundIn(n, db: db) { object["found_in_round"] = ["round_id": found.round.id, "kind": found.round.kind.rawValue, "inspection_id": found.inspection.id] }
                Output.json(Format.jsonText(object))
                return
            }
            Output.print("案件 \(c.number)  \(c.state.zh)\(c.isOverdue(today: today) ? "  逾期" : "")\(c.escalated ? "  督办" : "")")
            Output.print("问题 \(c.description)" + (c.location.isEmpty ? "" : "（\(c.location)）"))
            Output.print("来源 \(c.source.zh) · \(c.deadlineClass.zh) · 期限 \(c.dueOn?.description ?? "—") · 延期 \(c.extensionCount) · 返工 \(c.reworkCount)")
            Output.print("交办单位 \(unit?.name ?? "未交办")")
            if let found = try RoundCLI.foundIn(n, db: db) { Output.print("发现于 \(found.round.label) · 检查 #\(found.inspection.id)") }
            Output.print("\n" + CaseChainText.table(registered: c.chain, today: current, on: today))
            var table = TextTable.forOutput(headers: ["时间", "操作员", "动作", "状态", "说明"])
            for e in events {
                table.append([Format.time(e.at, env), e.event.actor, e.event.action, e.event.to.zh, e.event.reason])
            }
            Output.print("\n" + table.render())
            if !attachments.isEmpty { Output.print("\n附件 attachments\n" + AttachmentText.table(attachments, env: env)) }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move", abstract: "Move a case: register, void, fix_on_site, assign, send_back, start, request_extension, "
                + "approve_extension, reject_extension, park, resume, submit, verify, rework, reopen, escalate.")
        @Argument(help: ArgumentHelp("Case number.", valueName: "number")) var number: String
        @Argument(help: ArgumentHelp("The action.", valueName: "action")) var action: String
        @Option(help: "Why (required for void, send_back, request_extension, park, rework, reopen).") var reason: String = ""
        @Option(help: ArgumentHelp("assign: the unit (default: the community's lead unit today).", valueName: "unit")) var unit: String?
        @Option(help: ArgumentHelp("request_extension / park: the new date.", valueName: "date")) var until: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env)
            let n = try CaseCommand.number(number)
            guard let c = try db.caseRecord(n) else { throw GridError.notFound("no case \(n); `civgrid case list` shows the numbers") }
            let date = try until.map { t throws(GridError) in try Resolver.day(t, option: "--until", today: env.clock.today) }
            let act = try CaseCommand.action(action, unit: unit, date: date, db: db)
            let moved = try env.services(db).moveCase(n, act, reason: reason, context: env.context(try db.operatorAccount(login: env.login)))
            Output.print("\(n): \(c.state.zh) → \(moved.state.zh)" + (moved.dueOn.map { "，期限 \($0)" } ?? ""))
        }
    }

    /// The action named on the command line; `--unit` names the unit to assign to (default: the community's lead
    /// unit on the day of dispatch, which the service looks up).
    static func action(_ text: String, unit: String?, date: Day?, db: any GridRepository) throws(GridError) -> CaseAction {
        var unitID: RowID?
        if let unit, case .unit(let id) = try Resolver(store: db).node(unit, levels: [.unit], what: "units").node { unitID = id }
        return try CaseAction.parse(text, unitID: unitID, until: date)
    }
}

enum CaseText {
    static func json(_ c: CaseRecord, today: Day) -> [String: Any] {
        ["number": c.number.description, "state": c.state.rawValue, "state_zh": c.state.zh, "source": c.source.rawValue,
         "community_id": c.communityID, "theme_id": c.themeID, "description": c.description, "location": c.location,
         "urgent": c.urgent, "deadline_class": c.deadlineClass.rawValue, "due_on": c.dueOn?.description as Any,
         "overdue": c.isOverdue(today: today), "escalated": c.escalated, "extensions": c.extensionCount, "reworks": c.reworkCount,
         "found_by": c.foundBy, "found_at": c.foundAt.description, "chain_unit": c.chain.unitName,
         "handling_unit_id": c.handlingUnitID as Any, "chain_property": c.chain.propertyName as Any]
    }
}
