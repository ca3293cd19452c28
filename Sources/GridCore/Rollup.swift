/// Counts of cells by status plus the derived overdue count, for any node of the grid.
public struct StatusCounts: Hashable, Sendable {
    /// Count per status, indexed like `CellStatus.allCases`.
    public private(set) var counts: [Int]
    /// Open cells past their deadline.
    public var overdue: Int

    /// All zero.
    public init() {
        counts = Array(repeating: 0, count: CellStatus.allCases.count)
        overdue = 0
    }

    /// Creates counts from a per-status dictionary.
    public init(_ byStatus: [CellStatus: Int], overdue: Int) {
        self.init()
        for (status, n) in byStatus { self[status] = n }
        self.overdue = overdue
    }

    /// The count of one status.
    public subscript(status: CellStatus) -> Int {
        get { counts[CellStatus.allCases.firstIndex(of: status)!] }
        set { counts[CellStatus.allCases.firstIndex(of: status)!] = newValue }
    }

    /// All cells.
    public var total: Int { counts.reduce(0, +) }

    /// Cells still owing work (有问题, 整改中, 待复核, 挂账).
    public var open: Int { CellStatus.allCases.filter(\.isOpen).reduce(0) { $0 + self[$1] } }

    /// Counts one more cell.
    public mutating func add(_ cell: CellState, today: Day) {
        self[cell.status] += 1
        if cell.isOverdue(today: today) { overdue += 1 }
    }

    /// Adds another node's counts (a parent is the sum of its children).
    public mutating func add(_ other: StatusCounts) {
        for i in counts.indices { counts[i] += other.counts[i] }
        overdue += other.overdue
    }
}

/// Pure roll-ups over cells; the store answers the same questions with SQL aggregates at scale, and the
/// store tests check both agree.
public enum Rollup {
    /// Counts of `cells` by status and overdue.
    public static func counts<S: Sequence>(of cells: S, today: Day) -> StatusCounts where S.Element == CellState {
        var result = StatusCounts()
        for cell in cells { result.add(cell, today: today) }
        return result
    }

    /// Counts per group, where `group` names the node a cell belongs to (a street, a unit …).
    /// A cell may belong to several groups (a community with two units counts for both).
    public static func grouped<S: Sequence, K: Hashable>(
        _ cells: S, today: Day, group: (CellState) -> [K]
    ) -> [K: StatusCounts] where S.Element == CellState {
        var result: [K: StatusCounts] = [:]
        for cell in cells {
            for key in group(cell) { result[key, default: StatusCounts()].add(cell, today: today) }
        }
        return result
    }
}
