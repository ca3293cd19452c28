/// A cell as the assessors would find it on the assessment day: its status then, whether it is overdue then, whether
/// its problem is repeated, and the open case a fix would close.
public struct ProjectedCell: Hashable, Sendable {
    public var communityID: RowID
    public var themeID: RowID
    public var status: CellStatus
    public var dueOn: Day?
    public var overdue: Bool
    public var repeated: Bool
    /// The open case still open on the day (the earliest due), nil when none.
    public var openCase: CaseNumber?

    /// The cell's key.
    public var key: CellKey { CellKey(communityID: communityID, themeID: themeID) }
}

/// What-if (`--as-of DATE`): the board as it will be on a later day if every deadline holds — open cases due between
/// today and that day are closed by then — while the cases already overdue stay open (and overdue) and cases without a
/// deadline (not yet dispatched) stay as they are. With `asOf == today` it is the board as it is.
public enum AssessmentProjection {
    /// The cells on `asOf`, with the cells that end up compliant left out. `closingOverdue`: the overdue cases close by
    /// `asOf` too (what the overdue cases cost is the difference).
    public static func project(_ board: AssessmentBoard, today: Day, asOf: Day, closingOverdue: Bool = false) -> [ProjectedCell] {
        let casesByCell = Dictionary(grouping: board.openCases, by: \.key)
        var result: [ProjectedCell] = []
        result.reserveCapacity(board.cells.count)
        for cell in board.cells {
            var status = cell.status, due = cell.dueOn
            let open = casesByCell[cell.key] ?? []
            let remaining = open.filter { !closesInTime($0, today: today, asOf: asOf, closingOverdue: closingOverdue) }
            if !open.isEmpty {
                // The cell follows its cases: the least advanced remaining one decides, none left means 达标.
                guard let least = remaining.min(by: { CaseCellStatus.rank($0.state) < CaseCellStatus.rank($1.state) }) else { continue }
                status = least.state.cellStatus
                due = remaining.compactMap(\.dueOn).min()
            }
            let first = remaining.min { ($0.dueOn ?? Day(ordinal: Int.max), $0.number) < ($1.dueOn ?? Day(ordinal: Int.max), $1.number) }
            result.append(ProjectedCell(communityID: cell.communityID, themeID: cell.themeID, status: status, dueOn: due,
                                        overdue: Deadline.isOverdue(status: status, dueOn: due, today: asOf),
                                        repeated: remaining.contains(where: \.repeated), openCase: first?.number))
        }
        return result
    }

    /// A case closes by `asOf` when its deadline holds: due between today (not yet overdue) and that day; with
    /// `closingOverdue`, an overdue one too.
    public static func closesInTime(_ c: AssessmentOpenCase, today: Day, asOf: Day, closingOverdue: Bool = false) -> Bool {
        guard asOf > today, let due = c.dueOn else { return false }
        return (closingOverdue || today <= due) && due <= asOf
    }
}
