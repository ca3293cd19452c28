import Foundation
import GridCore
import TerminalKit

/// The readiness report for leaders: totals by status, overdue by unit, a table per street and the worst
/// communities, with a bar chart drawn in text (and inline SVG in HTML).
struct Report {
    var title: String
    var today: Day
    var totals: StatusCounts
    var streets: [GroupCounts]
    var units: [GroupCounts]
    var worst: [GroupCounts]
    var evidence = "" // the HTML photo section (ReportEvidence), only in HTML
    var anchor = "" // the audit chain head (账本 #N:HASH) the report was made from; `check --anchor` verifies it

    /// `offices`: a city's office and the counties under it, summed (then `scope` is not used).
    static func build(store: any GridRepository, scope: CommunityScope, offices: [RowID]? = nil, scopeName: String,
                      today: Day) throws(GridError) -> Report {
        func rollups(_ g: Grouping) throws(GridError) -> [GroupCounts] {
            if let offices { return try store.rollups(groupedBy: g, withinOffices: offices, today: today) }
            return try store.rollups(groupedBy: g, within: scope, today: today)
        }
        let streets = try rollups(.street)
        var totals = StatusCounts()
        for s in streets { totals.add(s.counts) }
        let units = try rollups(.unit)
            .filter { $0.counts.overdue > 0 }.sorted { ($0.counts.overdue, $0.counts.open) > ($1.counts.overdue, $1.counts.open) }
        let worst = try rollups(.community)
            .filter { $0.counts.open > 0 }.sorted { ($0.counts.overdue, $0.counts.open) > ($1.counts.overdue, $1.counts.open) }
        return Report(title: "\(scopeName) 创城测评准备情况", today: today, totals: totals, streets: streets,
                      units: Array(units.prefix(20)), worst: Array(worst.prefix(10)), anchor: try store.auditChainHead().label)
    }

    static func rate(_ c: StatusCounts) -> String { c.total == 0 ? "—" : String(format: "%.1f%%", Double(c[.ok]) * 100 / Double(c.total)) }

    /// `████░░` bars, one per status, scaled to the largest.
    var bars: [(label: String, count: Int, bar: String)] {
        let shown = Format.countStatuses
        let top = max(1, shown.map { totals[$0] }.max() ?? 1)
        return shown.map { s in
            let n = totals[s]
            let filled = Int((Double(n) / Double(top) * 30).rounded())
            return (s.zh, n, String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled))
        } + [("逾期", totals.overdue, { let f = Int((Double(totals.overdue) / Double(top) * 30).rounded()); return String(repeating: "█", count: f) + String(repeating: "░", count: 30 - f) }())]
    }

    func text(markdown: Bool) -> String {
        let w = DisplayWidth.standard
        var out: [String] = []
        let h = { (level: Int, s: String) in out.append(markdown ? String(repeating: "#", count: level) + " " + s : s + "\n" + String(repeating: level == 1 ? "=" : "-", count: w.of(s))) }
        h(1, "\(markdown ? Report.markdownEscaped(title) : title)（\(today)）")
        out.append("")
        out.append("共 \(totals.total) 个测评单元，达标率 \(Report.rate(totals))，逾期 \(totals.overdue) 项。")
        out.append("")
        h(2, "按状态 by status")
        if markdown { out.append("```") }
        for b in bars { out.append(w.pad(b.label, to: 8) + w.pad("\(b.count)", to: 7, alignment: .trailing) + "  " + b.bar) }
        if markdown { out.append("```") }
        out.append("")
        h(2, "各街道 by street")
        out.append(table(["街道", "合计", "达标率", "有问题", "整改中", "待复核", "逾期"], streets.map { g in
            [g.node?.name ?? "", "\(g.counts.total)", Report.rate(g.counts), "\(g.counts[.problem])", "\(g.counts[.rectifying])",
             "\(g.counts[.recheck])", "\(g.counts.overdue)"]
        }, markdown: markdown))
        out.append("")
        h(2, "逾期责任单位 units with overdue items")
        out.append(units.isEmpty ? "无逾期。" : table(["责任单位", "逾期", "未完成"], units.map { [$0.node?.name ?? "", "\($0.counts.overdue)", "\($0.counts.open)"] },
                                                     markdown: markdown))
        out.append("")
        h(2, "问题最多的小区 communities with most open items")
        out.append(worst.isEmpty ? "无。" : table(["小区", "街道", "逾期", "未完成"], worst.map {
            [$0.node?.name ?? "", $0.node?.path.components(separatedBy: " / ").last ?? "", "\($0.counts.overdue)", "\($0.counts.open)"]
        }, markdown: markdown))
        out += ["", anchor]
        return out.joined(separator: "\n") + "\n"
    }

    /// A name as Markdown text: HTML-significant characters as entities (a community named `<script>` stays
    /// text), Markdown-significant ones behind a backslash, and line breaks as spaces (they would end a table row).
    static func markdownEscaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~", "{", "}", "(", ")": out += "\\" + String(ch)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    func table(_ headers: [String], _ rows: [[String]], markdown: Bool) -> String {
        guard markdown else {
            // A report is a document: its tables are never cut.
            var t = TextTable(headers: headers, trailing: Set(1..<headers.count), maxColumnWidth: .max)
            for r in rows { t.append(r) }
            return t.render()
        }
        let line = { (cells: [String]) in "| " + cells.map(Report.markdownEscaped).joined(separator: " | ") + " |" }
        return ([line(headers), "|" + headers.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined()] + rows.map(line)).joined(separator: "\n")
    }

    /// One self-contained HTML file: inline CSS and an inline SVG bar chart.
    func html() -> String {
        let esc = HTMLText.escaped
        let top = max(1, bars.map(\.count).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"\(bars.count * 26 + 10)\" role=\"img\" aria-label=\"按状态\">"
        for (i, b) in bars.enumerated() {
            let y = 5 + i * 26, width = Int(Double(b.count) / Double(top) * 380)
            svg += "<text x=\"0\" y=\"\(y + 16)\" font-size=\"14\">\(esc(b.label))</text>"
            svg += "<rect x=\"90\" y=\"\(y)\" width=\"\(width)\" height=\"20\" fill=\"\(b.label == "逾期" ? "#c0392b" : "#2e86c1")\"/>"
            svg += "<text x=\"\(96 + width)\" y=\"\(y + 16)\" font-size=\"13\">\(b.count)</text>"
        }
        svg += "</svg>"
        func table(_ headers: [String], _ rows: [[String]]) -> String {
            "<table><tr>" + headers.map { "<th>\(esc($0))</th>" }.joined() + "</tr>"
                + rows.map { "<tr>" + $0.map { "<td>\(esc($0))</td>" }.joined() + "</tr>" }.joined() + "</table>"
        }
        return """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>\(esc(title))</title>
            <style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}\
            th,td{border:1px solid #ccc;padding:4px 10px}td:not(:first-child){text-align:right}th{background:#f0f3f7}</style></head><body>
            <h1>\(esc(title))（\(today)）</h1>
            <p>共 \(totals.total) 个测评单元，达标率 \(Report.rate(totals))，逾期 \(totals.overdue) 项。</p>
            <h2>按状态</h2>\(svg)
            <h2>各街道</h2>\(table(["街道", "合计", "达标率", "有问题", "整改中", "待复核", "逾期"], streets.map { g in
                [g.node?.name ?? "", "\(g.counts.total)", Report.rate(g.counts), "\(g.counts[.problem])", "\(g.counts[.rectifying])",
                 "\(g.counts[.recheck])", "\(g.counts.overdue)"] }))
            <h2>逾期责任单位</h2>\(units.isEmpty ? "<p>无逾期。</p>" : table(["责任单位", "逾期", "未完成"], units.map { [$0.node?.name ?? "", "\($0.counts.overdue)", "\($0.counts.open)"] }))
            <h2>问题最多的小区</h2>\(worst.isEmpty ? "<p>无。</p>" : table(["小区", "逾期", "未完成"], worst.map { [$0.node?.name ?? "", "\($0.counts.overdue)", "\($0.counts.open)"] }))
            \(evidence)
            <p class="anchor">\(esc(anchor))</p>
            </body></html>

            """
    }
}
