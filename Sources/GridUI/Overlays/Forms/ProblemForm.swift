import GridCore
import GridPalette
import TerminalKit

/// The problem form: records a case (上报) at each target cell — what is wrong, the deadline class and the source.
public struct ProblemForm: Hashable, Sendable {
    /// The deadline classes offered for a problem: 立行立改 / 限期3 / 限期7 working days from dispatch.
    public static let deadlineChoices: [DeadlineClass] = [.immediate, .threeDays, .sevenDays]
    /// The sources an operator records from (测评反馈 comes in by import).
    public static let sourceChoices: [CaseSource] = [.supervision, .selfInspection, .gridWorker, .higherLevel, .citizen, .media]

    /// The inspection round a problem found in walk mode is recorded in (巡检), with its name for the form.
    public struct Round: Hashable, Sendable {
        public var id: RowID
        public var name: String

        /// Creates a round reference.
        public init(id: RowID, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var targets: [CellKey]
    /// `小区·主题` of each target, so the form says where the case is recorded.
    public var names: [String]
    public var note = TextField()
    public var deadline: DeadlineClass = .threeDays
    public var source: CaseSource = .supervision
    /// 0 = description, 1 = deadline, 2 = source.
    public var focus = 0
    public var error: String?
    /// Set in walk mode: the case is linked to this round (and the cell's inspection recorded in it).
    public var round: Round?

    /// A form for `targets`.
    public init(targets: [CellKey], names: [String]) {
        self.targets = targets
        self.names = names
    }
}

/// Keys and view of the problem form.
enum ProblemFormOverlay {
    static let labels = ["问题 description", "期限 deadline", "来源 source"]

    static func key(_ s: inout AppState, _ form: ProblemForm, _ key: Key) -> [Effect] {
        var f = form
        switch key {
        case .escape:
            return Overlays.cancel(&s)
        case .enter:
            let note = f.note.text.trimmingWhitespace()
            guard !note.isEmpty else {
                f.error = "请填写问题描述 (describe the problem)"
                f.focus = 0
                s.overlay = .problemForm(f)
                return []
            }
            // A problem found on site is a case (上报), and the cell follows it.
            s.overlay = nil
            if let round = f.round, let target = f.targets.first {
                return [.recordWalkProblem(target, round: round.id, description: note, deadlineClass: f.deadline, source: f.source)]
            }
            return [.recordCases(targets: f.targets, description: note, deadlineClass: f.deadline, source: f.source)]
        case .tab, .down:
            f.focus = (f.focus + 1) % 3
        case .backTab, .up:
            f.focus = (f.focus + 2) % 3
        default:
            let step = key == .left ? -1 : 1
            switch f.focus {
            case 0: _ = Overlays.edit(&f.note, key)
            case 1 where key == .left || key == .right || key == .char(" "):
                f.deadline = ProblemForm.deadlineChoices.cycled(from: f.deadline, by: step)
            // In a round the source is the round's kind's (the service decides it), so it is shown, not chosen.
            case 2 where (key == .left || key == .right || key == .char(" ")) && f.round == nil:
                f.source = ProblemForm.sourceChoices.cycled(from: f.source, by: step)
            default: break
            }
        }
        f.error = nil
        s.overlay = .problemForm(f)
        return []
    }

    static func view(_ f: ProblemForm, _ p: Palette, _ b: inout Buffer) {
        let (inner, layout) = FormLayout.frame(title: "上报问题 record a problem", height: 10, names: f.names, labels: labels, focus: f.focus, p, &b)
        if let round = f.round { b.put("轮次 round " + round.name, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, style: p[.muted]) }
        layout.choice("\(f.deadline.zh)  交办起算", y: inner.y + 3, focused: f.focus == 1, p, &b)
        if f.round == nil {
            layout.choice(f.source.zh, y: inner.y + 4, focused: f.focus == 2, p, &b)
        } else {
            b.put("\(f.source.zh)（本轮）", x: layout.valueX, y: inner.y + 4, width: layout.valueWidth, style: p[f.focus == 2 ? .header : .text])
        }
        if let error = f.error { b.put(error, x: inner.x + 1, y: inner.y + 5, width: inner.width - 2, style: p[.error]) }
        b.put("Enter 上报  Tab 下一项  ←→ 选择  Esc 取消", x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: p[.muted])
        // The text field last, so the terminal cursor ends in it.
        f.note.render(in: Rect(x: layout.valueX, y: inner.y + 2, width: layout.valueWidth, height: 1), style: p[.selectionUnfocused], into: &b)
        if f.focus != 0 { b.cursor = nil }
    }
}
