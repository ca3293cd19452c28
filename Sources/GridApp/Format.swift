import Foundation
import GridCore
import TerminalKit

/// Shared pieces of command-line output: count columns, times, JSON.
enum Format {
    /// The statuses shown as count columns, in reading order.
    static let countStatuses: [CellStatus] = [.ok, .problem, .rectifying, .recheck, .parked, .fixedOnSite, .unchecked, .notApplicable]

    /// Headings for `counts(_:)`.
    static let countHeaders = ["合计"] + countStatuses.map(\.zh) + ["逾期"]

    /// A row of counts: total, each status, overdue.
    static func counts(_ c: StatusCounts) -> [String] {
        ["\(c.total)"] + countStatuses.map { "\(c[$0])" } + ["\(c.overdue)"]
    }

    /// Column indexes of a table whose first `leading` columns are text and the rest counts.
    static func countColumns(after leading: Int) -> Set<Int> {
        Set(leading..<(leading + countHeaders.count))
    }

    /// Local `YYYY-MM-DD HH:MM`.
    static func time(_ t: Timestamp?, _ env: RunEnvironment) -> String {
        t.map { $0.minuteText(offsetSeconds: env.clock.utcOffsetSeconds) } ?? ""
    }

    /// Counts as a JSON object with stable keys.
    static func json(_ c: StatusCounts) -> [String: Any] {
        var result: [String: Any] = ["total": c.total, "overdue": c.overdue]
        for s in CellStatus.allCases { result[s.rawValue] = c[s] }
        return result
    }

    /// Pretty, key-sorted JSON text; `/` and CJK are left unescaped.
    static func jsonText(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A node reference as JSON.
    static func json(_ ref: NodeRef) -> [String: Any] {
        ["level": ref.node.levelCode, "id": ref.node.id, "name": ref.name, "path": ref.path]
    }

    /// A contact as JSON.
    static func json(_ c: Contact) -> [String: Any] { ["name": c.name, "phone": c.phone] }
}
