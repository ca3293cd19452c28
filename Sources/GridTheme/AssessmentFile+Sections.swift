import GridCore
import TOMLKit

/// The sections of assessment.toml: indicators, the sampling plan, find rates and the annual rules.
extension AssessmentFileReader {
    mutating func readIndicators(_ t: TOMLTable) -> [AssessmentIndicator] {
        let list = tables(t, "indicator", example: "code = \"Ⅲ-01\"")
        if list.isEmpty, t["indicator"]?.array != nil || t["indicator"] == nil {
            problem("no [[indicator]]: the model needs at least one indicator (code, name, points, themes, per_problem)")
        }
        var seen: [String: Int] = [:], result: [AssessmentIndicator] = []
        for (i, x) in list.enumerated() {
            unknownKeys(x, allowed: Self.indicatorKeys, section: "indicator", index: i, label: "[[indicator]]")
            func fail(_ m: String, _ key: String?) { problem("[[indicator]] \(x["code"]?.string ?? "#\(i + 1)"): \(m)", "indicator", index: i, key: key) }
            let code = x["code"]?.string?.trimmingWhitespace() ?? ""
            if code.isEmpty { fail("code is missing (a short code such as \"Ⅲ-01\")", "code") }
            else if let first = seen[code] { fail("code \(code) is also used by indicator #\(first + 1); codes must be unique", "code") }
            seen[code] = seen[code] ?? i
            let name = x["name"]?.string?.trimmingWhitespace() ?? ""
            if name.isEmpty { fail("name is missing", "name") }
            let points = number(x["points"]) ?? 0
            if points <= 0 { fail("points must be a number above 0", "points") }
            var themes: [String] = []
            if let array = x["themes"]?.array {
                themes = (0..<array.count).compactMap { array[$0].string }
                if themes.count != array.count || themes.isEmpty { fail("themes must be a non-empty list of theme codes", "themes") }
                for code in themes where !themeCodes.contains(code) {
                    fail("unknown theme “\(code)”; themes are \(themeCodes.sorted().joined(separator: ", "))", "themes")
                }
            } else {
                fail("themes is missing: write themes = [\"public_ads\"] (the themes whose cells evidence it)", "themes")
            }
            var kinds: Set<CommunityKind> = []
            if let array = x["kinds"]?.array {
                for k in 0..<array.count {
                    guard let text = array[k].string, let kind = CommunityKind(rawValue: text) else {
                        fail("kinds: “\(array[k].string ?? "?")” is not a site kind; use \(CommunityKind.allCases.map(\.rawValue).joined(separator: ", "))", "kinds")
                        continue
                    }
                    kinds.insert(kind)
                }
            } else if x.contains(key: "kinds") {
                fail("kinds must be a list such as [\"market\"]", "kinds")
            }
            let per = number(x["per_problem"])
            if per == nil || per! < 0 { fail("per_problem must be a number, 0 or more (points off per problem found)", "per_problem") }
            var extras: [Double] = []
            for key in ["overdue_extra", "repeat_extra"] {
                let v = x.contains(key: key) ? number(x[key]) : 0
                if v == nil || v! < 0 { fail("\(key) must be a number, 0 or more", key) }
                extras.append(max(0, v ?? 0))
            }
            var cap: Double?
            if x.contains(key: "cap") {
                cap = number(x["cap"])
                if cap == nil || cap! <= 0 || cap! > points { fail("cap must be a number above 0 and at most points (\(format(points)))", "cap") }
            }
            result.append(AssessmentIndicator(code: code, name: name, points: max(0, points), themes: themes, kinds: kinds,
                                              perProblem: max(0, per ?? 0), overdueExtra: extras[0], repeatExtra: extras[1], cap: cap))
        }
        return result
    }

    mutating func readSamples(_ t: TOMLTable) -> [SamplingRule] {
        let list = tables(t, "sample", example: "kind = \"residential\"\n  count = 6")
        if list.isEmpty, t["sample"]?.array != nil || t["sample"] == nil {
            problem("no [[sample]]: the sampling plan needs at least one rule (kind, and count, share or all)")
        }
        var result: [SamplingRule] = []
        var ruleLine: [SamplingRule: Int] = [:]
        for (i, x) in list.enumerated() {
            unknownKeys(x, allowed: Self.sampleKeys, section: "sample", index: i, label: "[[sample]]")
            func fail(_ m: String, _ key: String?) { problem("[[sample]] \(x["kind"]?.string ?? "#\(i + 1)"): \(m)", "sample", index: i, key: key) }
            guard let text = x["kind"]?.string, let kind = CommunityKind(rawValue: text) else {
                fail("kind must be one of \(CommunityKind.allCases.map(\.rawValue).joined(separator: ", "))", "kind")
                continue
            }
            var pool = SitePool.any
            if let from = x["from"] {
                guard let p = from.string.flatMap(SitePool.init(rawValue:)) else {
                    fail("from must be \"any\", \"declared\" or \"others\"", "from")
                    continue
                }
                pool = p
            }
            let given = ["count", "share", "all"].filter { x.contains(key: $0) }
            guard given.count == 1 else {
                fail(given.isEmpty ? "say how many: count = N, share = 0.1 or all = true"
                     : "give only one of count, share and all (found \(given.joined(separator: ", ")))", given.last)
                continue
            }
            let size: SampleSize
            switch given[0] {
            case "count":
                guard let n = x["count"]?.int, n >= 0 else { fail("count must be a whole number, 0 or more", "count"); continue }
                size = .count(n)
            case "share":
                guard let s = number(x["share"]), s > 0, s <= 1 else { fail("share must be a number above 0 and at most 1 (0.1 = 10%)", "share"); continue }
                size = .share(s)
            default:
                guard x["all"]?.bool == true else { fail("all must be true (leave it out otherwise)", "all"); continue }
                size = .all
            }
            let rule = SamplingRule(kind: kind, pool: pool, size: size)
            if let clash = result.first(where: { $0.kind == kind && $0.pool.overlaps(pool) }) {
                fail("draws from the same \(kind.rawValue) sites as the rule at line \(ruleLine[clash] ?? 1) (from = \"\(clash.pool.rawValue)\"); "
                     + "split them with from = \"declared\" and from = \"others\"", "kind")
                continue
            }
            ruleLine[rule] = lines.line("sample", index: i)
            result.append(rule)
        }
        return result
    }

    mutating func readRates(_ t: TOMLTable) -> [CellStatus: Double] {
        var rates = Self.defaultRates
        guard let value = t["find_rate"] else { return rates }
        guard let section = value.table else {
            problem("find_rate must be a [find_rate] section", key: "find_rate")
            return rates
        }
        for key in section.keys.sorted() {
            guard let status = CellStatus(rawValue: key) else {
                problem("[find_rate] “\(key)” is not a status; use \(CellStatus.allCases.map(\.rawValue).joined(separator: ", "))", "find_rate", key: key)
                continue
            }
            guard let rate = number(section[key]), rate >= 0, rate <= 1 else {
                problem("[find_rate] \(key) must be a number from 0 to 1", "find_rate", key: key)
                continue
            }
            if status == .notApplicable, rate > 0 {
                problem("[find_rate] na must be 0: a theme that does not apply cannot be found wanting", "find_rate", key: key)
                continue
            }
            rates[status] = rate
        }
        return rates
    }

    mutating func readAnnual(_ t: TOMLTable) -> AnnualRules {
        var rules = AnnualRules()
        guard let value = t["annual"] else { return rules }
        guard let a = value.table else {
            problem("annual must be an [annual] section", key: "annual")
            return rules
        }
        unknownKeys(a, allowed: Self.annualKeys, section: "annual", label: "[annual]")
        func count(_ key: String) -> Int? {
            guard a.contains(key: key) else { return nil }
            guard let n = a[key]?.int, n >= 0 else {
                problem("[annual] \(key) must be a whole number, 0 or more", "annual", key: key)
                return nil
            }
            return n
        }
        func score(_ key: String) -> Double? {
            guard a.contains(key: key) else { return nil }
            guard let x = number(a[key]), x >= 0, x <= 100 else {
                problem("[annual] \(key) must be a score from 0 to 100", "annual", key: key)
                return nil
            }
            return x
        }
        rules.commendTop = count("commend_top") ?? rules.commendTop
        rules.commendMinScore = score("commend_min_score")
        rules.accountableBottom = count("accountable_bottom") ?? rules.accountableBottom
        rules.accountableNotices = count("accountable_notices") ?? rules.accountableNotices
        rules.titleReviewBelow = score("title_review_below") ?? rules.titleReviewBelow
        if a.contains(key: "titled_units") {
            let array = a["titled_units"]?.array
            let names = array.map { arr in (0..<arr.count).compactMap { arr[$0].string?.trimmingWhitespace() } } ?? []
            if array == nil || names.count != array!.count || names.contains(where: \.isEmpty) {
                problem("[annual] titled_units must be a list of unit names, e.g. [\"县住建局\"]", "annual", key: "titled_units")
            }
            rules.titledUnits = names.filter { !$0.isEmpty }
        }
        return rules
    }
}
