import GridCore
import GridPalette
import TerminalKit

/// Walk mode drawn for a phone held upright first (40×20, 50×25), then 80×24: one column of short lines, the theme's
/// check points wrapped by display width, the counts on a line of their own. Texts pass the buffer's sanitiser.
enum WalkView {
    static func render(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) {
        switch s.walk.phase {
        case .rounds: rounds(s, p, area, &b)
        case .sites: sites(s, p, area, &b)
        case .stops: stops(s, p, area, &b)
        }
    }

    /// Rows of a list under its heading line and its column heads.
    static func listRows(_ s: AppState) -> Int { max(1, s.contentHeight - 2) }

    /// `点位 12/32 · 格 87/290`.
    static func progress(_ w: WalkState) -> String {
        let p = w.progress
        return "点位 \(p.sitesDone)/\(p.sites) · 格 \(p.cellsDone)/\(p.cells)"
    }

    // MARK: Lists

    static let roundColumns = [
        ColumnSpec("轮次", min: 8, max: 30, priority: 9), ColumnSpec("类型", min: 4, max: 8, priority: 7),
        ColumnSpec("状态", min: 6, max: 6, priority: 5), ColumnSpec("日期", min: 11, max: 23, priority: 3),
    ]

    static func rounds(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) {
        b.put("选择进行中的轮次 pick a round", x: 1, y: area.y, width: area.width - 2, style: p[.header])
        let w = s.walk
        guard !w.rounds.isEmpty else {
            let text = w.loading ? "读取中… loading"
                : "没有进行中的检查轮次：用 civgrid round add 新建、civgrid round start 开始，再按 r 刷新 (no round in progress)"
            for (i, line) in b.measure.wrap(text, to: area.width - 2).prefix(area.height - 2).enumerated() {
                b.put(line, x: 1, y: area.y + 2 + i, style: p[.muted], maxX: area.maxX - 1)
            }
            return
        }
        let rect = Rect(x: 1, y: area.y + 1, width: area.width - 2, height: area.height - 1)
        Table(roundColumns).render(rowCount: w.rounds.count, state: w.roundList, in: rect, header: p[.muted], selected: p[.selection],
                                   into: &b) { i in
            let r = w.rounds[i]
            let dates = [r.from, r.to].map { String($0.description.dropFirst(5)) }.joined(separator: "～")
            return [("#\(r.id) \(r.name)", p[.text]), (r.kind.zh, p[.text]), (r.state.zh, p[.muted]), (dates, p[.muted])]
        }
    }

    static let siteColumns = [
        // The name fills first (a phone is narrow), then the street; the counts keep their width.
        ColumnSpec("点位", min: 10, max: 30, priority: 9), ColumnSpec("街道", min: 6, max: 12, priority: 2),
        ColumnSpec("已查", min: 5, max: 5, priority: 8, trailing: true), ColumnSpec("", min: 4, max: 4, priority: 6),
    ]

    static func sites(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) {
        let w = s.walk
        b.put(progress(w), x: 1, y: area.y, width: area.width - 2, style: p[.header])
        guard !w.sites.isEmpty else {
            let text = w.loading ? "读取中… loading"
                : w.progress.sites > 0 ? "本轮点位已全部检查，r 换轮次 (every site of the round is checked)"
                : "这一轮的范围里没有点位 (the round's scope holds no site)"
            b.put(text, x: 1, y: area.y + 2, width: area.width - 2, style: p[.muted])
            return
        }
        let rect = Rect(x: 1, y: area.y + 1, width: area.width - 2, height: area.height - 1)
        Table(siteColumns).render(rowCount: w.sites.count, state: w.siteList, in: rect, header: p[.muted], selected: p[.selection],
                                  into: &b) { i in
            let site = w.sites[i]
            let (mark, role): (String, Role) = site.isDone ? ("查完", .status(.ok)) : site.checked > 0 ? ("未完", .text) : ("未查", .muted)
            return [(site.label, p[.text]), (site.streetName, p[.muted]), ("\(site.checked)/\(site.cells)", p[.text]), (mark, p[role])]
        }
    }

    // MARK: One theme at a site

    /// Lines above the check points: site, counts, theme, status, and the heading when there is room for it.
    static func headerRows(_ s: AppState) -> Int { s.contentHeight >= 14 ? 5 : 4 }

    /// Rows left for the check points.
    static func pointRows(_ s: AppState) -> Int { max(1, s.contentHeight - headerRows(s)) }

    /// The stop's check points as numbered lines wrapped to the screen (continuations indented under the text).
    static func pointLines(_ stop: WalkStop, width: Int, measure: DisplayWidth) -> [String] {
        let columns = max(1, width - 2)
        guard !stop.points.isEmpty else { return measure.wrap("未列检查要点，按主题名检查 (no check points listed for this theme)", to: columns) }
        var lines: [String] = []
        for (i, point) in stop.points.enumerated() {
            let number = "\(i + 1). "
            let indent = measure.of(number)
            let wrapped = measure.wrap(point, to: max(1, columns - indent))
            for (k, line) in wrapped.enumerated() {
                lines.append((k == 0 ? number : String(repeating: " ", count: indent)) + line)
            }
        }
        return lines
    }

    static func stops(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) {
        let w = s.walk
        guard let site = w.site, let stop = w.current else {
            b.put("读取中… loading", x: 1, y: area.y + 1, width: area.width - 2, style: p[.muted])
            return
        }
        let x = 1, width = area.width - 2
        var y = area.y
        let street = b.measure.of(site.summary.label) + b.measure.of(site.summary.streetName) + 2 <= width ? "  " + site.summary.streetName : ""
        b.put(site.summary.label + street, x: x, y: y, width: width, style: p[.header])
        y += 1
        b.put("\(progress(w)) · 主题 \(w.stop + 1)/\(site.stops.count)", x: x, y: y, width: width, style: p[.muted])
        y += 1
        let english = b.measure.of(stop.theme.zh) + b.measure.of(stop.theme.en) + 2 <= width && width >= 60 ? "  " + stop.theme.en : ""
        b.put(stop.theme.zh + english, x: x, y: y, width: width, style: p[.title])
        y += 1
        var col = b.put("现状 ", x: x, y: y, style: p[.muted], maxX: area.maxX - 1)
        col = b.put(stop.status.zh, x: col, y: y, style: p[.status(stop.status)], maxX: area.maxX - 1)
        let recorded = stop.result.map { "  本轮已记录 \($0.status.zh)" } ?? (stop.checked ? "  本轮已查" : "  本轮未查")
        b.put(recorded, x: col, y: y, style: p[stop.result == nil ? .muted : .info], maxX: area.maxX - 1)
        y += 1
        if headerRows(s) == 5 {
            b.put("检查要点 check points", x: x, y: y, width: width, style: p[.muted])
            y += 1
        }
        let lines = pointLines(stop, width: area.width, measure: b.measure)
        let rows = max(1, area.maxY - y)
        let offset = max(0, min(w.pointOffset, lines.count - rows))
        let more = lines.count - offset > rows
        for (i, line) in lines.dropFirst(offset).prefix(more ? rows - 1 : rows).enumerated() {
            b.put(line, x: x, y: y + i, width: width, style: p[stop.points.isEmpty ? .muted : .text])
        }
        if more {
            b.put("↓ 还有 \(lines.count - offset - rows + 1) 行 j 下滚 (more)", x: x, y: area.maxY - 1, width: width, style: p[.muted])
        }
    }
}
