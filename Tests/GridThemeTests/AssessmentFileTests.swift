import Foundation
import GridCore
import GridTheme
import Testing

@Suite("assessment.toml: the shipped model and file:line problems")
struct AssessmentFileTests {
    static let codes = Set(StandardThemes.all.map(\.code))
    static var shipped: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Config/assessment.toml").standardized.path
    }

    func problems(_ text: String) -> [ThemeDiagnostic] { AssessmentFile.check(text, path: "a.toml", themeCodes: Self.codes).problems }

    /// A valid file with one line replaced or appended, to break it in one place.
    static let minimal = """
        target = 90

        [[sample]]
        kind = "residential"
        count = 3

        [[indicator]]
        code = "Ⅲ-01"
        name = "公益广告宣传"
        points = 50
        themes = ["public_ads"]
        per_problem = 1

        [[indicator]]
        code = "Ⅲ-02"
        name = "环境卫生"
        points = 50
        themes = ["sanitation"]
        per_problem = 1
        """

    @Test("the compiled-in model is Config/assessment.toml, which parses: 11 indicators, 100 points, every theme used")
    func shippedModel() throws {
        let file = try String(contentsOfFile: Self.shipped, encoding: .utf8)
        #expect(BuiltinAssessment.text + "\n" == file, "regenerate Sources/GridTheme/BuiltinAssessment.swift from Config/assessment.toml")
        let model = try AssessmentFile.parse(file, path: "assessment.toml", themeCodes: Self.codes)
        #expect(model.indicators.count == 11 && model.fullScore == 100 && model.target == 95)
        #expect(Set(model.indicators.flatMap(\.themes)) == Self.codes)
        #expect(model.sampling.contains { $0.kind == .market && $0.pool == .declared && $0.size == .all })
        #expect(model.findRate[.ok] == nil && model.findRate[.problem] == 1)
        #expect(file.contains("THE OFFICE'S TO EDIT"))
    }

    @Test("a minimal file parses with the defaults: find rates, repeat window, annual rules, cap = points")
    func minimalFile() throws {
        let m = try AssessmentFile.parse(Self.minimal, path: "a.toml", themeCodes: Self.codes)
        #expect(m.target == 90 && m.repeatWindowDays == 365 && m.findRate[.recheck] == 0.3)
        #expect(m.indicators.map(\.cap) == [50, 50] && m.annual == AnnualRules())
    }

    @Test("each mistake is reported at its line, all at once, and nothing is returned")
    func lineNumbers() {
        let text = Self.minimal
            .replacingOccurrences(of: "themes = [\"sanitation\"]", with: "themes = [\"sanitatoin\"]")
            .replacingOccurrences(of: "count = 3", with: "count = 3\nshare = 0.5")
            + "\ncap = 80\n\n[find_rate]\nna = 0.5\nbroken = 1\n\n[annual]\ncommend_top = -1\nsurprise = 2\n"
        let (model, found) = AssessmentFile.check(text, path: "a.toml", themeCodes: Self.codes)
        #expect(model == nil)
        let byLine = Dictionary(grouping: found, by: \.line).mapValues { $0.map(\.message) }
        #expect(byLine[6]?.first?.contains("give only one of count, share and all") == true, "\(found)")
        #expect(byLine[19]?.first?.contains("unknown theme “sanitatoin”") == true, "\(found)")
        #expect(byLine[21]?.first?.contains("cap must be a number above 0 and at most points (50)") == true, "\(found)")
        #expect(byLine[24]?.first?.contains("na must be 0") == true)
        #expect(byLine[25]?.first?.contains("“broken” is not a status") == true)
        #expect(byLine[28]?.first?.contains("commend_top must be a whole number") == true)
        #expect(byLine[29]?.first?.contains("unknown key “surprise”") == true)
        #expect(found.allSatisfy { $0.description.hasPrefix("a.toml:\($0.line): ") })
    }

    @Test("two rules drawing from the same sites, a missing size, a kind that does not exist")
    func samplingMistakes() {
        let text = Self.minimal + """

            [[sample]]
            kind = "residential"
            from = "declared"
            count = 1

            [[sample]]
            kind = "market"

            [[sample]]
            kind = "supermarket"
            count = 1
            """
        let found = problems(text)
        #expect(found.contains { $0.line == 21 && $0.message.contains("same residential sites as the rule at line 3") }, "\(found)")
        #expect(found.contains { $0.line == 25 && $0.message.contains("say how many") }, "\(found)")
        #expect(found.contains { $0.line == 29 && $0.message.contains("kind must be one of") }, "\(found)")
    }

    @Test("TOML syntax errors, a missing target, duplicate codes, a target above the full score")
    func otherMistakes() {
        #expect(problems("target = \n").first?.message.hasPrefix("TOML syntax") == true)
        #expect(problems("[%]\n").first?.line == 1)
        let noTarget = Self.minimal.replacingOccurrences(of: "target = 90", with: "edition = \"x\"")
        #expect(problems(noTarget).contains { $0.message.contains("target is missing") })
        let high = Self.minimal.replacingOccurrences(of: "target = 90", with: "target = 120")
        #expect(problems(high).contains { $0.line == 1 && $0.message.contains("at most the full score 100") })
        let dup = Self.minimal.replacingOccurrences(of: "code = \"Ⅲ-02\"", with: "code = \"Ⅲ-01\"")
        #expect(problems(dup).contains { $0.line == 15 && $0.message.contains("also used by indicator #1") })
        #expect(problems("target = 1\n").contains { $0.message.contains("no [[indicator]]") })
        #expect(problems("indicator = 3\ntarget = 1\n").contains { $0.line == 1 && $0.message.contains("[[indicator]] sections") })
    }

    @Test("hostile values: inf, nan, huge numbers and wrong types are refused, never taken as a model")
    func hostile() {
        let cases: [(String, String, String)] = [
            ("points = 50", "points = inf", "points must be a number above 0"),
            ("per_problem = 1\n\n[[indicator]]", "per_problem = nan\n\n[[indicator]]", "per_problem must be a number"),
            ("target = 90", "target = 90\nrepeat_window_days = 9223372036854775807", "repeat_window_days must be a whole number of days from 0 to 3650"),
            ("count = 3", "count = \"三\"", "count must be a whole number"),
            ("themes = [\"public_ads\"]", "themes = [1, 2]", "themes must be a non-empty list"),
            ("themes = [\"public_ads\"]", "themes = []", "themes must be a non-empty list"),
            ("[[sample]]\nkind = \"residential\"\ncount = 3", "sample = \"all\"", "sample must be written as [[sample]] sections"),
        ]
        for (from, to, message) in cases {
            let text = Self.minimal.replacingOccurrences(of: from, with: to)
            let (model, found) = AssessmentFile.check(text, path: "a.toml", themeCodes: Self.codes)
            #expect(model == nil, "\(to)")
            #expect(found.contains { $0.message.contains(message) }, "\(to): \(found)")
        }
    }
}
