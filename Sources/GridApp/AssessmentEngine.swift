import Foundation
import GridCore
import GridTheme

/// Loads the assessment model and runs the simulator over a store: shared by `civgrid assess`, `civgrid annual` and
/// the dashboard's background job.
struct AssessmentEngine {
    let store: any GridRepository

    /// `--file`, else `$XDG_CONFIG_HOME/civgrid/assessment.toml`, else the built-in default; with where it came from.
    static func modelText(_ path: String?, variables: [String: String]) throws(GridError) -> (text: String, path: String) {
        let base = variables["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((variables["HOME"] ?? "") + "/.config")
        let file = path ?? base + "/civgrid/assessment.toml"
        guard let data = FileManager.default.contents(atPath: file) else {
            if path != nil { throw .invalidInput("no assessment file at \(file); `civgrid assess check` without a file checks the one in force") }
            return (BuiltinAssessment.text, BuiltinAssessment.path)
        }
        return (String(decoding: data, as: UTF8.self), file)
    }

    /// The file in force for the console: `$XDG_CONFIG_HOME/civgrid/assessment.toml`, else the built-in one.
    static func source(variables: [String: String]) -> AssessmentFile.Source {
        guard let (text, path) = try? modelText(nil, variables: variables) else { return .builtin }
        return AssessmentFile.Source(text: text, path: path)
    }

    /// The model in force (see `modelText`), checked against the database's themes.
    func model(_ path: String?, variables: [String: String]) throws(GridError) -> AssessmentModel {
        let (text, file) = try Self.modelText(path, variables: variables)
        return try AssessmentFile.parse(text, path: file, themeCodes: Set(try store.themes().map(\.code)))
    }

    /// The board of `scope` read once, for one or more simulations.
    func board(_ model: AssessmentModel, scope: CommunityScope, today: Day) throws(GridError) -> AssessmentBoard {
        try store.assessmentBoard(in: scope, statuses: model.findableStatuses, repeatSince: today.adding(days: -model.repeatWindowDays))
    }

    /// Runs the simulation for `scope` as the board will be on `asOf` (today: as it is; `closingOverdue`: the overdue
    /// cases closed by then too).
    func simulate(_ model: AssessmentModel, board: AssessmentBoard, today: Day, asOf: Day, closingOverdue: Bool = false, runs: Int,
                  seed: UInt64) throws(GridError) -> AssessmentOutcome {
        let table = AssessmentTable(model: model, board: board, themes: try store.themes(), today: today, asOf: asOf,
                                    closingOverdue: closingOverdue)
        return AssessmentSimulator.simulate(table, runs: runs, seed: seed)
    }

    /// The first `top` fixes with their names, lead unit today and open case (one chain read for all; a name read per
    /// community listed, at most `top`).
    func fixRows(_ outcome: AssessmentOutcome, top: Int, today: Day) throws(GridError) -> [AssessmentFixRow] {
        let fixes = Array(outcome.fixes.prefix(max(0, top)))
        let ids = Array(Set(fixes.map(\.cell.communityID)))
        let themes = Dictionary(uniqueKeysWithValues: try store.themes().map { ($0.id, $0.zh) })
        let chains = try store.chains(communityIDs: ids, on: today)
        var names: [RowID: (community: String, street: String)] = [:]
        for id in ids {
            guard let ref = try store.nodeRef(.community(id)) else { continue }
            names[id] = (ref.name, ref.path.components(separatedBy: " / ").last ?? "")
        }
        return fixes.map { f in
            let c = f.cell
            let lead = chains[c.communityID]?.first { $0.assignment.role == .lead } ?? chains[c.communityID]?.first
            return AssessmentFixRow(key: c.key, streetName: names[c.communityID]?.street ?? "", communityName: names[c.communityID]?.community ?? "#\(c.communityID)",
                                    themeName: themes[c.themeID] ?? "", unitName: lead?.unit.name ?? "", status: c.status, dueOn: c.dueOn,
                                    overdue: c.overdue, caseNumber: c.openCase, gain: f.gain)
        }
    }
}
