import Foundation
import GridCore

extension NoticeContent {
    /// The notice as one printable HTML file: the same sections as the text, each problem followed by its photos
    /// (整改前 / 整改后, see `EvidenceHTML`). Everything people wrote is escaped.
    func html(anchor: String, store: any GridRepository) throws(GridError) -> String {
        let e = HTMLText.escaped
        var photos = EvidenceHTML(store: store)
        let attachments = try store.attachments(of: items.map(\.c.record.number))
        var body = "<h1>\(e(office))督查通报</h1><p>\(year)·第\(issue)期（\(first) 至 \(last)）</p>"
        body += "<h2>一、总体情况</h2><p>本期发现问题 \(items.count) 个，已整改 \(fixed) 个，未整改 \(items.count - fixed) 个，其中逾期 \(overdue.count) 个。</p>"
        body += "<h2>二、问题清单</h2>"
        var street: String?, community: String?, n = 0
        for i in items {
            if i.street != street {
                street = i.street
                community = nil
                body += "<h3>\(e(i.street))</h3>"
            }
            if i.community != community {
                community = i.community
                body += "<p><strong>\(e(i.community))</strong></p>"
            }
            n += 1
            body += "<p class=\"item\">\(n). \(e(line(i)))</p>" + (try photos.figures(attachments[i.c.record.number] ?? []))
        }
        if items.isEmpty { body += "<p>本期未发现问题。</p>" }
        body += "<h2>三、逾期未整改的责任单位</h2>"
        let late = Dictionary(grouping: overdue, by: { $0.c.unitName ?? "未分配" }).map { ($0.key, $0.value.count) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        body += "<p>" + (late.isEmpty ? "无。" : late.map { "\(e($0.0))（\($0.1)项）" }.joined(separator: "、")) + "</p>"
        body += "<h2>四、责任单位得分排名（100 − 扣分）</h2><table>"
        for r in ranking {
            body += "<tr><td>\(r.place)</td><td>\(e(r.line.name))</td><td>\(String(format: "%.2f", r.line.score))</td>"
                + "<td>\(r.isBottomThree ? "<strong>倒数</strong>" : "")</td></tr>"
        }
        body += "</table>"
        if !ranking.contains(where: { !$0.line.deductions.isEmpty }) { body += "<p>本期无扣分。</p>" }
        return """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>\(e(office))督查通报 \(year)·第\(issue)期</title>
            <style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}.item{margin:6px 0 2px}\(EvidenceHTML.style)</style></head><body>
            \(body)
            <p class="anchor">\(e(anchor))</p>
            </body></html>

            """
    }
}
