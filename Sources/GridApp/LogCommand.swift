import ArgumentParser
import GridCore
import TerminalKit

/// `civgrid log`: the audit trail, newest first.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the audit trail, newest first.")

    @Option(help: ArgumentHelp("Only changes to this community.", valueName: "community"))
    var community: String?

    @Option(name: .customLong("operator"), help: ArgumentHelp("Only changes by this login.", valueName: "login"))
    var login: String?

    @Option(help: ArgumentHelp("Only changes on or after this local day (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: "At most this many entries.")
    var limit: Int = 50

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit \(limit) must be a positive number") }
    }

    func run() throws {
        let env = try RunEnvironment()
        let db = try store.open(env, forReading: true)
        var query = AuditQuery(operatorLogin: login, limit: limit)
        if let community {
            let ref = try Resolver(store: db).community(community)
            if case .community(let id) = ref.node {
                query.communityID = id
                // A retired community's history is still its own; say it is retired so nobody looks for it on the board.
                if !output.json, let day = try db.community(id: id)?.retiredOn { Output.print("\(ref.name) 已撤销 (retired \(day))") }
            }
        }
        if let since {
            let day = try Resolver.day(since, option: "--since", today: env.clock.today)
            // Local midnight of that day, as a UTC instant.
            query.since = Timestamp(millis: Int64(day.ordinal) * 86_400_000 - Int64(env.clock.utcOffsetSeconds) * 1000)
        }
        let rows = try db.auditTrail(query)
        if output.json {
            Output.json(Format.jsonText(rows.map(LogText.json)))
            return
        }
        guard !rows.isEmpty else {
            Output.print("没有符合条件的变更记录 (no audit entries match)")
            return
        }
        var table = TextTable.forOutput(headers: ["#", "时间", "操作员", "对象", "字段", "变更", "说明"], trailing: [0], maxColumnWidth: 36)
        for row in rows { table.append(LogText.columns(row, env)) }
        Output.print(table.render())
    }
}

enum LogText {
    static func columns(_ row: AuditRow, _ env: RunEnvironment) -> [String] {
        let r = row.record, e = r.entry
        var who = r.operatorLogin
        if r.osUser != r.operatorLogin { who += " (\(r.osUser))" }
        return ["\(r.id)", Format.time(r.at, env), who, subject(row), fieldName(e), "\(value(e, e.oldValue)) → \(value(e, e.newValue))", e.note]
    }

    static func subject(_ row: AuditRow) -> String {
        let e = row.record.entry
        switch e.entity {
        case .cell: return [row.communityName, row.themeName].compactMap { $0 }.joined(separator: " · ")
        case .assignment: return (row.communityName ?? "") + " 责任链"
        case .operatorAccount: return "操作员 \(e.entityID)"
        case .community: return "小区 " + (row.communityName ?? e.entityID)
        case .siteKind: return "点位类型 \(e.entityID)"
        case .unitKind: return "单位类型 \(e.entityID)"
        default: return "\(e.entity.rawValue) \(e.entityID)"
        }
    }

    static func fieldName(_ e: AuditEntry) -> String {
        switch e.field {
        case "status": "状态"
        case "due_on": "期限"
        case "note": "说明"
        case "role": "角色"
        default: e.field
        }
    }

    static func value(_ e: AuditEntry, _ v: String?) -> String {
        guard let v, !v.isEmpty else { return "—" }
        if e.field == "status", let s = CellStatus(rawValue: v) { return s.zh }
        if e.field == "role", let r = OperatorRole(rawValue: v) { return r.zh }
        return v
    }

    static func json(_ row: AuditRow) -> [String: Any] {
        let r = row.record, e = r.entry
        return [
            "id": r.id, "at": r.at.description, "operator": r.operatorLogin, "os_user": r.osUser, "source": r.source.rawValue,
            "entity": e.entity.rawValue, "entity_id": e.entityID, "community_id": e.communityID as Any,
            "community": row.communityName as Any, "theme": row.themeName as Any, "field": e.field,
            "old": e.oldValue as Any, "new": e.newValue as Any, "note": e.note,
        ]
    }
}
