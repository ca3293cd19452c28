import Foundation
import GridCore
import GridTheme
import GridUI

/// Walk mode's effects: the rounds, a round's sites, a site's themes with their check points, and recording what the
/// inspector found — through the rounds service (the one door), never around it.
extension EffectRunner {
    func walk(_ effect: Effect) throws(GridError) -> [Action] {
        switch effect {
        case .loadWalkRounds, .loadWalkSites, .loadWalkSite, .recordInspection, .recordWalkProblem:
            // Interim: the rounds service (branch `rounds`) is merged next; until then walk mode says so.
            throw .invalidInput("巡检需要检查轮次服务，尚未接入 (walk mode waits for the rounds service)")
        default:
            return []
        }
    }

    /// The check points in force (parsed on every site, so an edited file applies at once), checked against the themes.
    func checkPoints(themes: [CheckTheme]) throws(GridError) -> CheckPoints {
        try CheckPointsFile.parse(checkPointsFile.text, path: checkPointsFile.path, themeCodes: Set(themes.map(\.code)))
    }
}

/// Where the check points come from: `$XDG_CONFIG_HOME/civgrid/checkpoints.toml`, else the built-in file.
enum WalkCheckPoints {
    /// The file in force for the console.
    static func source(variables: [String: String]) -> CheckPointsFile.Source {
        let base = variables["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((variables["HOME"] ?? "") + "/.config")
        let file = base + "/civgrid/checkpoints.toml"
        guard let data = FileManager.default.contents(atPath: file) else { return .builtin }
        return CheckPointsFile.Source(text: String(decoding: data, as: UTF8.self), path: file)
    }
}
