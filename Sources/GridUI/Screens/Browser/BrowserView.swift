import GridCore
import GridPalette
import TerminalKit

/// Miller columns: the parent column, the current column with roll-up badges, and the detail pane.
enum BrowserView {
    static func render(_ s: AppState, _ theme: Palette, _ area: Rect, _ b: inout Buffer) {
        guard let current = s.browser.last else {
            b.put("载入中… loading", x: 1, y: area.y + 1, width: area.width - 2, style: theme[.muted])
            return
        }
        let hasParent = s.browser.count > 1 && s.width >= 80
        let parentWidth = hasParent ? s.width / 4 : 0
        let listWidth = s.width >= 60 ? (s.width - parentWidth) * 5 / 9 : s.width
        let listX = hasParent ? parentWidth + 1 : 0
        if hasParent {
            column(s.browser[s.browser.count - 2], focused: false, compact: true, Rect(x: 0, y: area.y, width: parentWidth, height: area.height),
                   theme, &b)
            separator(x: parentWidth, area, theme, &b)
        }
        column(current, focused: true, compact: s.width < 60, Rect(x: listX, y: area.y, width: listWidth, height: area.height), theme, &b)
        let detailX = listX + listWidth + 1
        if detailX + 10 < s.width {
            separator(x: detailX - 1, area, theme, &b)
            details(current.selected, Rect(x: detailX, y: area.y, width: s.width - detailX, height: area.height), theme, &b)
        }
    }

    static func separator(x: Int, _ area: Rect, _ theme: Palette, _ b: inout Buffer) {
        for y in area.y..<area.maxY { b.put(theme.glyphs.vertical, x: x, y: y, style: theme[.border]) }
    }

    static func column(_ level: BrowserLevel, focused: Bool, compact: Bool, _ rect: Rect, _ theme: Palette, _ b: inout Buffer) {
        let title = level.parent.map { "\($0.name) 的下级" } ?? "三创办"
        b.put(title, x: rect.x, y: rect.y, width: rect.width, style: theme[.header])
        let visible = rect.height - 1
        let offset = focused ? level.list.offset : ListView.offset(selection: level.selection, offset: 0, visible: visible, count: level.items.count)
        if level.items.isEmpty {
            b.put("（无下级）", x: rect.x, y: rect.y + 1, width: rect.width, style: theme[.muted])
        }
        for i in 0..<visible {
            let index = offset + i
            guard level.items.indices.contains(index) else { break }
            let item = level.items[index]
            let y = rect.y + 1 + i
            let selected = index == level.selection
            let style = selected ? (focused ? theme[.selection] : theme[.selectionUnfocused]) : theme[.text]
            let marker = item.hasChildren ? "›" : " "
            let labelWidth = item.counts == nil || compact && rect.width < 24 ? rect.width - 2 : rect.width * 11 / 20
            b.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            b.put(label(item), x: rect.x, y: y, width: labelWidth, style: style)
            b.put(marker, x: rect.maxX - 1, y: y, style: style)
            if let counts = item.counts, labelWidth < rect.width - 3 {
                Renderer.badges(counts, compact: compact, x: rect.x + labelWidth + 1, y: y, maxX: rect.maxX - 1, palette: theme, &b)
            }
        }
    }

    static func details(_ item: BrowserItem?, _ rect: Rect, _ theme: Palette, _ b: inout Buffer) {
        guard let item else { return }
        b.put(label(item), x: rect.x, y: rect.y, width: rect.width, style: theme[.header])
        var y = rect.y + 1
        for line in details(item) where y < rect.maxY {
            b.put(line, x: rect.x, y: y, width: rect.width, style: theme[.text])
            y += 1
        }
        guard let c = item.counts, y + 1 < rect.maxY else { return }
        y += 1
        b.put("合计 \(c.total) 格  逾期 \(c.overdue)", x: rect.x, y: y, width: rect.width, style: c.overdue > 0 ? theme[.overdue] : theme[.text])
        for status in CellStatus.allCases where c[status] > 0 {
            y += 1
            guard y < rect.maxY else { break }
            b.put("\(status.zh) \(c[status])", x: rect.x + 2, y: y, width: rect.width - 2, style: theme[.status(status)])
        }
    }

    /// The row label: a declared site's number before a community, the role after a unit.
    static func label(_ item: BrowserItem) -> String {
        switch item.node {
        case .community(let c, _, _): (c.declaredSite.map { "◆\($0) " } ?? "") + c.name
        case .unit(let link): "\(link.unit.name)（\(link.assignment.role.zh)）"
        case .selfManaged: "无物业（自管）"
        default: item.ref?.name ?? ""
        }
    }

    /// Lines for the detail pane: kind, site number, the chain with phones …
    static func details(_ item: BrowserItem) -> [String] {
        switch item.node {
        case .office:
            return ["三创办 creation office"]
        case .street:
            return ["街道/乡镇 · \(item.ref?.path ?? "")"]
        case .community(let c, let street, let chain):
            var lines = ["\(item.kindLabel ?? c.kind.zh) · \(street)", c.declaredSite.map { "申报点位 第\($0)号" } ?? "非申报点位"]
            if !c.address.isEmpty { lines.append("地址 \(c.address)") }
            if let h = c.households { lines.append("户数 \(h)") }
            for link in chain {
                lines.append("\(link.assignment.role.zh) \(link.unit.name)")
                lines.append("  负责人 \(link.unit.head.display)")
                lines.append("  联络员 \(link.unit.liaison.display)")
                lines.append(link.property.map { "  物业 \($0.name) · \($0.manager.display)" } ?? "  无物业（自管）")
            }
            return lines
        case .unit(let link):
            let u = link.unit
            return ["\(link.assignment.role.zh)单位 · \(item.kindLabel ?? u.kind.zh)", "负责人 \(u.head.display)", "联络员 \(u.liaison.display)",
                    "自 \(link.assignment.validFrom) 起", link.property.map { "监管物业 \($0.name)" } ?? "无物业（自管）"]
        case .property(let manager):
            return ["物业服务企业", "项目经理 \(manager)"]
        case .selfManaged:
            return ["这些小区没有物业服务企业"]
        }
    }
}
