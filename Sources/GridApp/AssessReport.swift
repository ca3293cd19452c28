import Foundation
import GridCore
import TerminalKit

/// The assessment simulation as tables and JSON for the command line.
enum AssessReport {
    /// Indicators, most expected loss first.
    static func indicatorTable(_ o: AssessmentOutcome) -> TextTable {
        var t = TextTable.forOutput(headers: ["指标", "名称", "分值", "预计得分", "预计失分", "封顶率"], trailing: [2, 3, 4, 5])
        for i in o.indicators {
            t.append([i.indicator.code, i.indicator.name, AssessmentOutcome.trimmed(i.indicator.points), AssessmentOutcome.points(i.expectedScore, 2),
                      AssessmentOutcome.points(i.expectedLoss, 2), AssessmentOutcome.points(i.capReached * 100, 0) + "%"])
        }
        return t
    }

    /// Stable JSON fields of an outcome.
    static func json(_ o: AssessmentOutcome) -> [String: Any] {
        ["runs": o.runs, "seed": NSNumber(value: o.seed), "full_score": o.fullScore, "target": o.target, "expected": o.expected,
         "standard_error": o.standardError, "p5": o.p5, "p95": o.p95, "probability_of_target": o.probabilityOfTarget,
         "visits_per_run": o.visitsPerRun, "notes": o.notes,
         "indicators": o.indicators.map { i in
             ["code": i.indicator.code, "name": i.indicator.name, "points": i.indicator.points, "expected_loss": i.expectedLoss,
              "expected_score": i.expectedScore, "cap_reached": i.capReached] as [String: Any]
         }]
    }

    /// Stable JSON fields of a fix.
    static func json(_ r: AssessmentFixRow, rank: Int) -> [String: Any] {
        ["rank": rank, "gain": r.gain, "street": r.streetName, "community": r.communityName, "community_id": r.key.communityID,
         "theme": r.themeName, "theme_id": r.key.themeID, "status": r.status.rawValue, "due_on": (r.dueOn?.description as Any?) ?? NSNull(),
         "overdue": r.overdue, "case": (r.caseNumber?.description as Any?) ?? NSNull(), "unit": r.unitName]
    }
}
