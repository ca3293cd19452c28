import GridCore
import GridPalette

/// Short status labels for board cells: text always, so a cell reads without colour.
public enum Labels {
    /// Two-character label for wide layouts.
    public static func short(_ s: CellStatus) -> String {
        switch s {
        case .unchecked: "未查"
        case .ok: "达标"
        case .problem: "问题"
        case .rectifying: "整改"
        case .recheck: "待核"
        case .fixedOnSite: "现改"
        case .parked: "挂账"
        case .notApplicable: "不适"
        }
    }

    /// One-character label for narrow layouts.
    public static func tiny(_ s: CellStatus) -> String {
        switch s {
        case .unchecked: "未"
        case .ok: "达"
        case .problem: "问"
        case .rectifying: "改"
        case .recheck: "核"
        case .fixedOnSite: "现"
        case .parked: "挂"
        case .notApplicable: "免"
        }
    }

    /// A theme's column heading: its first two (narrow: one) characters.
    public static func themeHeading(_ t: CheckTheme, narrow: Bool) -> String {
        String(t.zh.prefix(narrow ? 1 : 2))
    }

    /// Roll-up badges in reading order: (text, role) pairs for the non-zero counts that matter.
    public static func badges(_ c: StatusCounts, compact: Bool) -> [(String, Role)] {
        var result: [(String, Role)] = []
        if c.overdue > 0 { result.append(("逾\(c.overdue)", .overdue)) }
        let shown: [CellStatus] = compact ? [.problem] : [.problem, .rectifying, .recheck, .parked, .ok]
        for s in shown where c[s] > 0 {
            result.append(("\(tiny(s))\(c[s])", .status(s)))
        }
        return result
    }
}
