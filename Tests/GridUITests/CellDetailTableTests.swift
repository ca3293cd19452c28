import GridCore
import Testing
@testable import GridUI

/// The cell detail's history is a table: statuses and fields by their Chinese names, one row per audit entry.
@Suite("Cell detail history table")
struct CellDetailTableTests {
    static func entry(_ field: String, _ old: String?, _ new: String?, note: String = "") -> AuditRow {
        let e = AuditEntry(entity: .cell, entityID: "1:2", field: field, oldValue: old, newValue: new, note: note)
        let r = AuditRecord(id: 7, at: Timestamp(millis: 1_764_000_000_000), operatorLogin: "欧阳晓梅",
                            osUser: "ouyang", source: .console, entry: e)
        return AuditRow(record: r, communityName: "阳光花园", themeName: "楼道堆物")
    }

    @Test("each column holds one thing: time, operator, field, from, to, note",
          arguments: [("status", "problem", "rectifying", "状态", "有问题", "整改中"),
                      ("due_on", nil, "2026-12-10", "期限", "—", "2026-12-10"),
                      ("note", "旧说明", "", "说明", "旧说明", "—")])
    func columns(field: String, old: String?, new: String?, label: String, from: String, to: String) {
        let cells = CellDetailView.row(Self.entry(field, old, new, note: "督查发现"), utcOffset: 8 * 3600)
        #expect(cells.count == CellDetailView.history.count)
        #expect(cells[1] == "欧阳晓梅")
        #expect(cells[2] == label)
        #expect(cells[3] == from)
        #expect(cells[4] == to)
        #expect(cells[5] == "督查发现")
    }

    @Test("scrolling stops with the last page full and never goes below the first row")
    func scrolling() {
        let rows = (0..<30).map { _ in Self.entry("status", "ok", "problem") }
        var d = CellDetail(key: CellKey(communityID: 1, themeID: 2), communityName: "阳光花园", streetName: "城关镇",
                           theme: CheckTheme(id: 2, code: "T2", zh: "楼道堆物", en: "stairwells", kinds: [], position: 1),
                           cell: CellState(communityID: 1, themeID: 2, status: .problem), chain: [], history: rows)
        d.offset = 100
        #expect(CellDetailView.scrollOffset(d, visible: 10) == 20)
        d.offset = -3
        #expect(CellDetailView.scrollOffset(d, visible: 10) == 0)
    }
}
