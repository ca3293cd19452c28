/// The one rule tying a cell to its cases, for every front end.
///
/// - A problem is a case: 有问题 on any cell records a case (上报); the cell then shows 有问题.
/// - A cell with open cases shows the status they give it (`CaseCellStatus`). A status key on such a cell means
///   the case step that leads there, for every open case: 达标 verifies cases awaiting re-check (待复核), 整改中
///   starts dispatched cases (or resumes parked ones), 待复核 submits cases being rectified, 现场整改 closes
///   reported cases fixed on the spot, 挂账 parks cases being rectified. Anything else is refused with the open
///   case numbers and the keys that would move them.
/// - 整改中, 待复核 and 挂账 are steps of a case: on a cell without an open case they are refused (record the
///   problem first) — except from a sheet, where the row carries a problem over from another ledger: it becomes a
///   case already in that state.
/// - A key giving the status the cell's cases already give it changes nothing.
public enum CellCaseRule {
    /// What a status request on a cell comes to.
    public enum Resolution: Equatable, Sendable {
        /// No case involved: the status is set on the cell itself.
        case direct
        /// The cell's open cases already give it this status.
        case unchanged
        /// Carry a problem over from a sheet: a case recorded directly in the state this status stands for.
        case carryOverCase(CaseState)
        /// Record a new case at the cell.
        case recordCase
        /// Move each of these open cases one step; the cell follows.
        case moveCases([CaseMove])
        /// Not allowed; the message says why and what to do instead.
        case refuse(String)
    }

    /// One case step a status key stands for.
    public struct CaseMove: Hashable, Sendable {
        public var number: CaseNumber
        public var action: CaseAction
    }

    /// The case step that takes a case in `state` to the cell status `status`, or nil when there is none.
    /// `plan` is the date a 挂账 step needs.
    public static func step(to status: CellStatus, from state: CaseState, plan: Day?) -> CaseAction? {
        switch (status, state) {
        case (.ok, .submitted): .verify
        case (.rectifying, .assigned): .startRectifying
        case (.rectifying, .parked): .resume
        case (.recheck, .rectifying): .submit
        case (.fixedOnSite, .reported): .fixOnSite
        case (.parked, .rectifying): plan.map { .park(until: $0) }
        default: nil
        }
    }

    /// Decides what setting `status` on a cell whose open cases are `openCases` means.
    /// `cellLabel` is only evaluated for a refusal.
    public static func resolve(_ status: CellStatus, openCases: [CaseRecord], plan: Day?, cellLabel: @autoclosure () -> String,
                               imported: Bool = false) -> Resolution {
        let open = openCases.filter(\.state.isOpen)
        if !open.isEmpty && CaseCellStatus.status(openCases: open) == status && (imported || status != .problem) { return .unchanged }
        if status == .problem { return .recordCase }
        guard !open.isEmpty else {
            guard [.rectifying, .recheck, .parked].contains(status) else { return .direct }
            if imported, let state = carriedState[status] { return .carryOverCase(state) }
            return .refuse("\(status.zh) is a step of a case, and \(cellLabel()) has no open case: record the problem first "
                + "(key 2 in the console, `civgrid set … 有问题 --note …` or `civgrid case add`), then move its case")
        }
        let moves = open.compactMap { c in step(to: status, from: c.state, plan: plan).map { CaseMove(number: c.number, action: $0) } }
        if moves.count == open.count { return .moveCases(moves) }
        if status == .parked && plan == nil && open.allSatisfy({ $0.state == .rectifying }) {
            return .refuse("挂账 needs a plan date: add --plan YYYY-MM-DD")
        }
        let listed = open.sorted { $0.number < $1.number }.map { c in "\(c.number) \(c.state.zh)" + hint(for: c.state) }
        return .refuse("\(cellLabel()) has open case\(open.count == 1 ? "" : "s") \(listed.joined(separator: "; ")); "
            + "its status follows them, so \(status.zh) cannot be set here. Move the case\(open.count == 1 ? "" : "s") "
            + "(`civgrid case move NUMBER ACTION`, or the case queue in the console), or void a case recorded by mistake")
    }

    /// What a status key does, for help screens: the same words whatever front end shows them.
    public static func keyHelp(_ status: CellStatus) -> String {
        switch status {
        case .unchecked: "设为未查（无未结案件时）set not checked (cells without open cases)"
        case .ok: "设为达标；待复核的案件复核通过 set compliant, or verify cases awaiting re-check"
        case .problem: "记录问题：上报一个案件 record a problem (opens a case)"
        case .rectifying: "已交办案件开始整改，挂账案件恢复 start dispatched cases, resume parked ones"
        case .recheck: "整改中案件提交复核 submit cases being rectified for re-check"
        case .fixedOnSite: "现场整改：新上报案件当场办结 fixed on the spot (closes just-reported cases)"
        case .parked: "整改中案件挂账（原因与计划日期）park cases being rectified (reason, plan date)"
        case .notApplicable: "设为不适用（无未结案件时）exempt the cell (cells without open cases)"
        }
    }

    /// The case state an imported row in a case's status is carried over in.
    static let carriedState: [CellStatus: CaseState] = [.rectifying: .rectifying, .recheck: .submitted, .parked: .parked]

    /// ` (keys: 3 开始整改)`: the status keys that would move a case in `state`.
    static func hint(for state: CaseState) -> String {
        let keys = CellStatus.allCases.compactMap { s in
            step(to: s, from: state, plan: Day(ordinal: 0)).map { "\(s.key) \($0.zh)" }
        }
        return keys.isEmpty ? "" : " (key \(keys.joined(separator: ", ")))"
    }
}

/// The cell status that follows from a cell's cases, written once for every store.
public enum CaseFollow {
    /// The state `cell` must take given its cases (all of them, open or not) after a step; nil when it stays as it is.
    /// `fixedOnSite` is set when the step that just happened closed a case on the spot.
    public static func cell(_ cell: CellState, cases: [CaseRecord], fixedOnSite: Bool) -> CellState? {
        let open = cases.filter(\.state.isOpen)
        var next = cell
        if let status = CaseCellStatus.status(openCases: open) {
            let deciding = open.filter { $0.state.cellStatus == status }
            next.status = status
            next.dueOn = deciding.compactMap(\.dueOn).min()
            // The cell's note says what its open problem is.
            next.note = deciding.min { $0.number < $1.number }?.description ?? cell.note
        } else if fixedOnSite {
            (next.status, next.dueOn) = (.fixedOnSite, nil)
        } else if [.problem, .rectifying, .recheck, .parked].contains(cell.status) {
            (next.status, next.dueOn) = (.ok, nil)
        } else {
            return nil
        }
        return next == cell ? nil : next
    }

    /// A cell that disagrees with its open cases (or shows a case's status with none open): the status it should show.
    public static func disagreement(_ cell: CellState, openCases: [CaseRecord]) -> CellStatus? {
        let expected = CaseCellStatus.status(openCases: openCases)
        if let expected { return expected == cell.status ? nil : expected }
        return [.problem, .rectifying, .recheck, .parked].contains(cell.status) ? .ok : nil
    }
}
