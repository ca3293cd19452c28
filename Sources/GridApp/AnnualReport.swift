import GridCore
import TerminalKit

/// The annual performance assessment written as text, Markdown or sheet rows.
struct AnnualReport {
    let assessment: AnnualAssessment
    let rules: AnnualRules
    /// Community names of the trace-back, looked up once each.
    let communities: [RowID: String]

    static let headers = ["名次", "责任单位", "得分", "扣分项", "发现", "结案", "按期", "返工", "被通报", "通报期次", "表彰候选", "追责候选", "文明单位复查"]
    static let traceHeaders = ["责任单位", "案件", "小区", "扣分原因", "扣分", "责任领导", "责任人", "物业", "项目经理"]

    init(assessment: AnnualAssessment, rules: AnnualRules, communityName: (RowID) throws(GridError) -> String) throws(GridError) {
        self.assessment = assessment
        self.rules = rules
        var names: [RowID: String] = [:]
        for line in assessment.traceBack where names[line.communityID] == nil { names[line.communityID] = try communityName(line.communityID) }
        communities = names
    }

    func row(_ r: AnnualRow) -> [String] {
        ["\(r.place)", r.line.name, AssessmentOutcome.points(r.line.score, 2), "\(r.line.deductions.count)", "\(r.found)", "\(r.closed)",
         "\(r.onTime)", "\(r.reworked)", "\(r.notices.count)", r.notices.joined(separator: "、"), r.commendation.joined(separator: "、"),
         r.accountability.joined(separator: "、"), r.titleReview ? "复查" : ""]
    }

    func traceRow(_ t: TraceBackLine) -> [String] {
        [t.unitName, t.caseNumber.description, communities[t.communityID] ?? "", t.reason, "−" + AssessmentOutcome.points(t.points, 2),
         t.leader.display, t.person.display, t.propertyName ?? "无物业", t.manager?.display ?? "—"]
    }

    /// The candidates in words, one line per list.
    var candidateLines: [String] {
        let commend = assessment.commendations.map { "\($0.line.name)（\($0.commendation.joined(separator: "、"))）" }
        let account = assessment.accountability.map { "\($0.line.name)（\($0.accountability.joined(separator: "、"))）" }
        let titles = assessment.titleReviews.map { "\($0.line.name)（\(AssessmentOutcome.points($0.line.score, 2)) 分）" }
        return ["表彰候选: " + (commend.isEmpty ? "无" : commend.joined(separator: "；")),
                "追责候选: " + (account.isEmpty ? "无" : account.joined(separator: "；")),
                "文明单位复查 (撤销审查): " + (titles.isEmpty ? "无" : titles.joined(separator: "；"))]
    }

    /// Text (aligned tables) or Markdown.
    func text(markdown: Bool) -> String {
        let y = assessment.year
        var out: [String] = []
        let title = "\(y) 年度综合绩效考核 · 责任单位 (100 − 扣分)"
        out.append(markdown ? "# \(Report.markdownEscaped(title))" : title)
        out.append("")
        out.append(table(Self.headers, assessment.rows.map(row), markdown: markdown, trailing: [0, 2, 3, 4, 5, 6, 7, 8]))
        out.append("")
        out += candidateLines.map { markdown ? "- " + Report.markdownEscaped($0) : $0 }
        out.append("")
        let heading = "倒查责任: 每一项扣分的责任领导和责任人 (按案件登记时的责任链)"
        out.append(markdown ? "## \(Report.markdownEscaped(heading))" : heading)
        out.append("")
        out.append(assessment.traceBack.isEmpty ? "本年度无扣分。" : table(Self.traceHeaders, assessment.traceBack.map(traceRow), markdown: markdown, trailing: [4]))
        return out.joined(separator: "\n") + "\n"
    }

    func table(_ headers: [String], _ rows: [[String]], markdown: Bool, trailing: Set<Int>) -> String {
        guard markdown else {
            var t = TextTable.forOutput(headers: headers, trailing: trailing)
            for r in rows { t.append(r) }
            return t.render()
        }
        let line = { (cells: [String]) in "| " + cells.map(Report.markdownEscaped).joined(separator: " | ") + " |" }
        return ([line(headers), "|" + headers.indices.map { trailing.contains($0) ? " ---: |" : " --- |" }.joined()] + rows.map(line))
            .joined(separator: "\n")
    }

    /// One sheet: the table, a blank row, the candidates, a blank row, then the trace-back with its own header row.
    func sheetRows() -> [[String]] {
        var rows = assessment.rows.map(row)
        rows.append([])
        rows += candidateLines.map { [$0] }
        rows.append([])
        rows.append(Self.traceHeaders)
        rows += assessment.traceBack.map(traceRow)
        return rows
    }
}
