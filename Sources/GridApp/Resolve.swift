import GridCore

/// Turns what an operator types (names, prefixes, codes, dates) into ids, or one clear message.
struct Resolver {
    let store: any GridRepository

    /// Exactly one node at `levels` matching `query`; lists the candidates when several match.
    /// Full-width and half-width letters and digits are one: `ＡＢＣ国际公寓` and `ABC国际公寓` find the same node
    /// (imports store names folded; names stored before that keep their full-width spelling).
    func node(_ query: String, levels: Set<Grouping>, what: String) throws(GridError) -> NodeRef {
        var hits: [NodeRef] = []
        var tried = Set<String>()
        for spelling in [query, FullWidth.foldAlphanumerics(query), FullWidth.widenAlphanumerics(query)] where tried.insert(spelling).inserted {
            hits = try store.findNodes(spelling, levels: levels)
            if !hits.isEmpty { break }
        }
        if hits.count == 1 { return hits[0] }
        if hits.isEmpty {
            throw .notFound("no \(what) named or starting with “\(query)”; `civgrid tree` lists the names")
        }
        throw .ambiguous(what: what, query: query, candidates: hits.map(\.candidateLine))
    }

    /// The community id for a name, unique prefix or `街道/小区`.
    func community(_ query: String) throws(GridError) -> NodeRef {
        try node(query, levels: [.community], what: "communities")
    }

    /// A theme by code, Chinese or English name, or unique prefix of any of them.
    func theme(_ query: String, among themes: [CheckTheme]) throws(GridError) -> CheckTheme {
        let q = query.trimmingWhitespace().lowercased()
        let exact = themes.filter { $0.code == q || $0.zh == q || $0.en.lowercased() == q || String($0.position) == q }
        if exact.count == 1 { return exact[0] }
        let prefixed = themes.filter { $0.code.hasPrefix(q) || $0.zh.hasPrefix(q) || $0.en.lowercased().hasPrefix(q) }
        if prefixed.count == 1 { return prefixed[0] }
        let list = themes.map { "\($0.code) (\($0.zh))" }.joined(separator: ", ")
        if prefixed.isEmpty { throw .notFound("no theme “\(query)”; themes are: \(list)") }
        throw .ambiguous(what: "themes", query: query, candidates: prefixed.map { "\($0.zh)  [\($0.code)]" })
    }

    /// A status by one-key code, English word or Chinese label.
    static func status(_ text: String) throws(GridError) -> CellStatus {
        guard let s = CellStatus.parse(text) else {
            throw .invalidInput("unknown status “\(text)”; use one of: \(CellStatus.spellings)")
        }
        return s
    }

    /// A date as `YYYY-MM-DD`, `today`/`今天`, or `+N` days from today (立行立改 = today, 限期 = +3 / +7).
    static func day(_ text: String, option: String, today: Day) throws(GridError) -> Day {
        let t = text.trimmingWhitespace().lowercased()
        if t == "today" || t == "今天" || t == "立行立改" { return today }
        if t.hasPrefix("+"), let n = Int(t.dropFirst()), n >= 0, n <= 3650 { return today.adding(days: n) }
        guard let day = Day(t) else {
            throw .invalidInput("\(option) “\(text)” is not a date; write YYYY-MM-DD (e.g. \(today.adding(days: 3))), today, or +N days")
        }
        return day
    }
}
