import GridCore
import TerminalKit

/// The responsibility chain of a case for `civgrid case show`: as registered (the snapshot taken when the
/// problem was recorded, for trace-back) beside the chain in force today, lined up by display width.
enum CaseChainText {
    /// The rows of one chain: lead unit, its head and liaison, property company and its manager.
    static func fields(_ s: ChainSnapshot) -> [String] {
        [s.unitName.isEmpty ? "未分配" : s.unitName, s.head.display, s.liaison.display, s.propertyName ?? "无物业",
         s.manager?.display ?? "—"]
    }

    /// Two columns, 登记时责任链 and 今日责任链, one row per link of the chain; rows that changed are marked.
    static func table(registered: ChainSnapshot, today: ChainSnapshot, on day: Day) -> String {
        var t = TextTable.forOutput(headers: ["", "登记时责任链", "今日责任链 \(day)", ""])
        let (was, now) = (fields(registered), fields(today))
        for (i, label) in ["责任单位", "负责人", "联络员", "物业", "项目经理"].enumerated() {
            t.append([label, was[i], now[i], was[i] == now[i] ? "" : "已变更"])
        }
        return t.render()
    }

    /// A chain as JSON with stable keys.
    static func json(_ s: ChainSnapshot) -> [String: Any] {
        ["unit_id": s.unitID as Any, "unit": s.unitName, "head": Format.json(s.head), "liaison": Format.json(s.liaison),
         "property": s.propertyName as Any, "manager": s.manager.map(Format.json) as Any]
    }

    /// The unit a case was dispatched to (交办单位), or nil before dispatch.
    static func dispatchedUnit(_ c: CaseRecord, db: any GridRepository) throws(GridError) -> NodeRef? {
        guard let id = c.handlingUnitID else { return nil }
        return try db.nodeRef(.unit(id))
    }
}
