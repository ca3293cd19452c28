import ArgumentParser
import Foundation
import GridCore
import GridExchange
import TerminalKit

/// `civgrid export`: the lists others need, in files Excel opens with correct Chinese.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export communities (with chain and contacts), cells, cases, case events or the audit trail as CSV, XLSX or JSON.")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case communities, cells, cases, events, audit }
    enum FileFormat: String, ExpressibleByArgument, CaseIterable { case csv, xlsx, json }
    enum Encoding: String, ExpressibleByArgument, CaseIterable { case utf8, gb18030 }

    @Option(help: "communities, cells, cases (the case ledger), events (every case's steps) or audit.") var kind: Kind
    @Option(help: "csv (default), xlsx or json.") var format: FileFormat = .csv
    @Option(help: ArgumentHelp("Only this office, street, unit's or property company's communities.", valueName: "node")) var scope: String?
    @Option(help: ArgumentHelp("overdue, declared, or a status (有问题 …); for cases and events: open, overdue.", valueName: "filter")) var filter: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output; required for xlsx).", valueName: "file")) var output: String?
    @Option(help: "CSV encoding: utf8 (with BOM, default) or gb18030.") var encoding: Encoding = .utf8
    @Option(help: "Audit, cases and events export: at most this many entries (audit newest first).") var limit: Int = 1_000_000
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if format == .xlsx && output == nil { throw ValidationError("--format xlsx needs -o FILE.xlsx") }
        if encoding == .gb18030 && format != .csv { throw ValidationError("--encoding applies to CSV only") }
    }

    func run() throws {
        let env = try RunEnvironment()
        let db = try store.open(env, forReading: true)
        var scopeValue = CommunityScope.all
        var scopeNode: GridNode?
        if let scope {
            scopeNode = try Resolver(store: db).node(scope, levels: Set(Grouping.allCases), what: "nodes").node
            scopeValue = CommunityScope(scopeNode!)
        }
        let isCases = kind == .cases || kind == .events
        let filterValue = isCases ? .none : try ExportCommand.filter(filter)
        let caseQuery = isCases ? try ExportCommand.caseQuery(scope: scopeNode, filter: filter, limit: limit, today: env.clock.today) : CaseQuery()
        let tables = ExportTables(store: db, today: env.clock.today, env: env)
        let (headers, keys, rows): ([String], [String], [[String]]) = switch kind {
        case .communities: (ExportTables.communityHeaders, ExportTables.communityKeys, try tables.communities(scope: scopeValue, filter: filterValue))
        case .cells: (ExportTables.cellHeaders, ExportTables.cellKeys, try tables.cells(scope: scopeValue, filter: filterValue))
        case .cases: (ExportTables.caseHeaders, ExportTables.caseKeys, try tables.cases(caseQuery))
        case .events: (ExportTables.eventHeaders, ExportTables.eventKeys, try tables.caseEvents(caseQuery))
        case .audit: (ExportTables.auditHeaders, ExportTables.auditKeys, try tables.audit(limit: limit))
        }
        let data: Data
        switch format {
        case .csv:
            var text = ([headers] + rows).map { CSV.spreadsheetLine($0) }.joined(separator: "\r\n") + "\r\n"
            // On a terminal the rows are shown, not kept: nothing in them may act on the terminal.
            if output == nil && Output.stdoutIsTerminal { text = Output.csvForTerminal(text) }
            if encoding == .gb18030 {
                guard let encoded = TextDecoding.encodeGB18030(text) else {
                    throw GridError.invalidInput("some text cannot be written in GB18030; export as UTF-8 instead")
                }
                data = encoded
            } else {
                data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
            }
        case .json:
            let objects = rows.map { ExportTables.jsonObject(keys: keys, row: $0) }
            data = Data((Output.escapeJSON(Format.jsonText(objects)) + "\n").utf8)
        case .xlsx:
            data = try XLSXWriter.data(sheetName: kind.rawValue, headers: headers, rows: rows)
        }
        if let output {
            try SafeFile.write(data, to: output)
            Output.error("已导出 exported \(rows.count) rows → \(output)\n")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// Cases of a community, street or unit (an office or property company: all), all states unless filtered to
    /// open or overdue ones.
    static func caseQuery(scope: GridNode?, filter: String?, limit: Int, today: Day) throws(GridError) -> CaseQuery {
        var q = CaseQuery(openOnly: false, limit: limit)
        switch scope {
        case .community(let id): q.communityID = id
        case .street(let id): q.streetID = id
        case .unit(let id): q.unitID = id
        case .property:
            throw .invalidInput("--scope: cases are exported by office, street, community or unit, not by property company")
        case .office, nil: break
        }
        for part in (filter ?? "").split(separator: ",").map({ String($0).trimmingWhitespace() }) where !part.isEmpty {
            switch part {
            case "open", "未办结": q.openOnly = true
            case "overdue", "逾期": q.openOnly = true; q.overdueOn = today
            default: throw .invalidInput("--filter \(part): for cases and events use open or overdue")
            }
        }
        return q
    }

    static func filter(_ text: String?) throws(GridError) -> CommunityFilter {
        guard let text, !text.isEmpty else { return .none }
        var f = CommunityFilter()
        for part in text.split(separator: ",").map({ String($0).trimmingWhitespace() }) {
            switch part {
            case "overdue", "逾期": f.overdueOnly = true
            case "declared", "申报点位": f.declaredOnly = true
            default:
                guard let s = CellStatus.parse(part) else {
                    throw .invalidInput("--filter \(part): use overdue, declared or a status (\(CellStatus.spellings))")
                }
                f.statuses.insert(s)
            }
        }
        return f
    }
}
