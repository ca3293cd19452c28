import ArgumentParser
import Foundation
import GridCore
import GridExchange
import TerminalKit

/// `civgrid notice --from --to`: a numbered supervision notice (督查通报) for a period, recorded when issued.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "Write a numbered supervision notice (督查通报) for a period and record it as issued.")

    enum NoticeFormat: String, ExpressibleByArgument, CaseIterable { case text, md, csv, html }

    @Option(help: ArgumentHelp("First day of the period.", valueName: "date")) var from: String
    @Option(help: ArgumentHelp("Last day of the period.", valueName: "date")) var to: String
    @Option(help: "The issue number (default: the office's next of the year).") var issue: Int?
    @Option(help: ArgumentHelp("The office (三创办) the notice is for: its cases only, numbered among its notices (default: your "
                               + "office; none for an operator of the whole database: a notice of the whole database).",
                               valueName: "office")) var office: String?
    @Option(help: "text (default), md, csv or html (with the cases' photos).") var format: NoticeFormat = .text
    @Option(help: ArgumentHelp("Deduction rules for the ranking (default: deductions.toml or the standard rules).", valueName: "file"))
    var rules: String?
    @Flag(help: "Show the notice without recording it as issued.") var preview = false
    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output).", valueName: "file")) var output: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let today = env.clock.today
        let first = try Resolver.day(from, option: "--from", today: today), last = try Resolver.day(to, option: "--to", today: today)
        guard first <= last else { throw GridError.invalidInput("--from \(first) is after --to \(last)") }
        let rulesValue = try RankCommand.loadRules(rules, env: env)
        let db = try store.open(env)
        let actor = try db.operatorAccount(login: env.login)
        let requested = try office.flatMap { o throws(GridError) in try OperatorOffice.id(o, db: db) }
        let officeID = NoticeFact.office(requested: requested, issuer: actor)
        var cases = try db.scoredCases(from: first, to: last, utcOffsetSeconds: env.clock.utcOffsetSeconds).filter { $0.record.state != .void }
        var names: [String]? = nil
        let asOf = min(last, today)
        if let officeID {
            // An office's notice: its communities' cases and its units' league, as `rank --scope` draws them.
            let scoped = try RankScope(.office(officeID), db: db, cases: cases, byProperty: false, asOf: asOf)
            (cases, names) = (scoped.cases, scoped.names)
        }
        let year = last.civil.year
        let number = try issue ?? db.nextNoticeIssue(year: year, officeID: officeID)
        var notice = try NoticeContent.build(store: db, cases: cases, rules: rulesValue, year: year, issue: number, first: first, last: last,
                                             asOf: asOf, officeID: officeID, names: names)
        if !preview {
            let recorded = try env.services(db).issueNotice(year: year, issue: issue, from: first, to: last, cases: cases.map(\.record.number),
                                                             office: officeID, context: env.context(actor))
            notice.issue = recorded
        }
        let anchor = try db.auditChainHead().label // after the notice is recorded: the document anchors history (check --anchor)
        let text = switch format {
        case .text: notice.text(markdown: false) + "\n\(anchor)\n"
        case .md: notice.text(markdown: true) + "\n\(anchor)\n"
        case .csv: notice.csv() + CSV.line([anchor]) + "\r\n"
        case .html: try notice.html(anchor: anchor, store: db)
        }
        if let output {
            // Text and Markdown are read in terminals too: what they quote is sanitised even in a file.
            try SafeFile.write(Data((format == .csv || format == .html ? text : Sanitiser.forLines(text)).utf8), to: output)
            Output.error("已生成 notice → \(output)\n")
        } else {
            if format == .csv { Swift.print(Output.csvForTerminal(text), terminator: "") } else { Output.print(text, terminator: "") }
        }
    }
}

/// What a notice says, gathered once and written as text, Markdown or CSV.
struct NoticeContent {
    struct Item {
        var street: String
        var community: String
        var theme: String
        var c: ScoredCase
    }

    var office: String
    var year: Int
    var issue: Int
    var first: Day
    var last: Day
    var asOf: Day
    var items: [Item]
    /// The units' league for the period, as `civgrid rank` publishes it (every unit answering for a community, places
    /// shared by equal scores, the same bottom three).
    var ranking: [LeagueRow]
    /// Who answers for each unit with overdue cases, by unit name: its responsible persons on those sites (具体责任人),
    /// head and liaison with phones (see NoticeContacts).
    var lateContacts: [String: String] = [:]

    /// The notice's content; `officeID` names its office (nil: every office's names, a whole-database notice), `names`
    /// the units listed in its league (nil: every unit of the database).
    static func build(store: any GridRepository, cases: [ScoredCase], rules: DeductionRules, year: Int, issue: Int, first: Day, last: Day,
                      asOf: Day, officeID: RowID? = nil, names: [String]? = nil) throws(GridError) -> NoticeContent {
        let themes = Dictionary(uniqueKeysWithValues: try store.themes().map { ($0.id, $0.zh) })
        var items: [Item] = []
        for c in cases {
            let community = try store.community(id: c.record.communityID)
            let street = try community.flatMap { c throws(GridError) in try store.nodeRef(.street(c.streetID))?.name } ?? ""
            items.append(Item(street: street, community: community?.name ?? "#\(c.record.communityID)", theme: themes[c.record.themeID] ?? "", c: c))
        }
        items.sort { ($0.street, $0.community, $0.c.record.number) < ($1.street, $1.community, $1.c.record.number) }
        let offices = try store.offices()
        let league: [String]
        if let names { league = names } else { league = try store.leagueNames(byProperty: false, on: asOf) }
        let heading = officeID.map { OfficeScope(offices: offices).name($0) } ?? offices.map(\.name).joined(separator: "、")
        var notice = NoticeContent(office: heading, year: year, issue: issue, first: first,
                                   last: last, asOf: asOf, items: items,
                                   ranking: Scoring.table(Scoring.league(cases, rules: rules, asOf: asOf, byProperty: false,
                                                                         names: league)))
        notice.lateContacts = try NoticeContacts.forOverdue(notice.overdue.map(\.c), store: store, asOf: asOf)
        return notice
    }

    var fixed: Int { items.filter { !$0.c.record.state.isOpen }.count }
    var overdue: [Item] { items.filter { $0.c.record.isOverdue(today: asOf.adding(days: 1)) } }

    func line(_ i: Item) -> String {
        let r = i.c.record
        return "\(i.theme)：\(r.description)（编号 \(r.number)；责任单位：\(i.c.unitName ?? "未分配")；物业：\(i.c.propertyName ?? "无物业")；"
            + "期限 \(r.dueOn?.description ?? "—")；\(r.state.zh)\(r.isOverdue(today: asOf.adding(days: 1)) ? "，逾期" : "")）"
    }

    func text(markdown: Bool) -> String {
        let h1 = markdown ? "# " : "", h2 = markdown ? "## " : "", bullet = markdown ? "- " : "  "
        // In Markdown, what people wrote (names, descriptions) is escaped: a `<script>` name stays text.
        let md = { (s: String) -> String in markdown ? Report.markdownEscaped(s) : s }
        var out = ["\(h1)\(md(office))督查通报", "", "\(year)·第\(issue)期（\(first) 至 \(last)）", ""]
        out.append("\(h2)一、总体情况")
        out.append("本期发现问题 \(items.count) 个，已整改 \(fixed) 个，未整改 \(items.count - fixed) 个，其中逾期 \(overdue.count) 个。")
        out.append("")
        out.append("\(h2)二、问题清单")
        var street = "", community = "", n = 0
        for i in items {
            if i.street != street {
                street = i.street
                out.append(markdown ? "### \(md(street))" : "【\(street)】")
            }
            if i.community != community || n == 0 {
                community = i.community
                out.append(markdown ? "**\(md(community))**" : "  \(community)")
            }
            n += 1
            out.append("\(bullet)\(n). \(md(line(i)))")
        }
        if items.isEmpty { out.append("本期未发现问题。") }
        out.append("")
        out.append("\(h2)三、逾期未整改的责任单位")
        let late = Dictionary(grouping: overdue, by: { $0.c.unitName ?? "未分配" }).map { ($0.key, $0.value.count) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        out.append(late.isEmpty ? "无。" : late.map { "\(md($0.0))（\($0.1)项）" }.joined(separator: "、"))
        for (unit, _) in late { if let who = lateContacts[unit] { out.append("\(bullet)\(md(unit))：\(md(who))") } }
        out.append("")
        out.append("\(h2)四、责任单位得分排名（100 − 扣分）")
        for r in ranking {
            let flag = r.isBottomThree ? (markdown ? " **倒数**" : " ← 倒数") : ""
            out.append("\(bullet)\(r.place). \(md(r.line.name)) \(String(format: "%.2f", r.line.score))\(flag)")
        }
        if !ranking.contains(where: { !$0.line.deductions.isEmpty }) { out.append("本期无扣分。") }
        return out.joined(separator: "\n") + "\n"
    }

    func csv() -> String {
        let header = ["通报", "所属街道", "小区名称", "测评主题", "编号", "问题", "责任单位", "物业公司", "期限", "状态", "逾期"]
        let rows = items.map { i -> [String] in
            let r = i.c.record
            return ["\(year)·第\(issue)期", i.street, i.community, i.theme, r.number.description, r.description, i.c.unitName ?? "",
                    i.c.propertyName ?? "", r.dueOn?.description ?? "", r.state.zh, r.isOverdue(today: asOf.adding(days: 1)) ? "逾期" : ""]
        }
        return "\u{FEFF}" + ([header] + rows).map { CSV.spreadsheetLine($0) }.joined(separator: "\r\n") + "\r\n"
    }
}
