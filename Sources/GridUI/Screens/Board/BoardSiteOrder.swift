import GridCore

/// The board by declared site: `:sort site` lists the declared sites in number order (◆1, ◆2 …), `:sort board` goes
/// back to board order, and `:filter site 3-10` (or `◆12`) keeps a range of site numbers.
enum BoardSiteOrder {
    static let siteWords: Set<String> = ["site", "sites", "◆", "点位", "number"]
    static let boardWords: Set<String> = ["board", "default", "name", "网格"]

    /// Whether `:sort arg` orders the board (the case queue's `gain`/`due` go to `CaseGainSort`).
    static func isBoardSort(_ arg: String) -> Bool {
        let word = arg.trimmingWhitespace().lowercased()
        return siteWords.contains(word) || boardWords.contains(word)
    }

    /// `:sort site|◆|board`.
    static func sort(_ s: inout AppState, _ arg: String) -> [Effect] {
        let word = arg.trimmingWhitespace().lowercased()
        guard isBoardSort(word) else { return CommandLine.usage(&s, "sort site|board") }
        s.board.filter.bySiteNumber = siteWords.contains(word)
        s.screen = .board
        return BoardScreen.reload(&s, resetCursor: true)
    }

    /// `site 12`, `site 3-10`, `◆12`, `◆3–10` → the range; nil for anything else (or an empty or reversed range).
    static func range(_ arg: String) -> ClosedRange<Int>? {
        var text = FullWidth.fold(arg).trimmingWhitespace()
        if text.lowercased().hasPrefix("site ") { text = String(text.dropFirst(5)) } else if text.hasPrefix("◆") { text = String(text.dropFirst()) } else { return nil }
        let parts = text.split(whereSeparator: { "-–~～".contains($0) }).map { String($0).trimmingWhitespace() }
        guard (1...2).contains(parts.count), let low = Int(parts[0]), let high = Int(parts.last!), low >= 1, low <= high else { return nil }
        return low...high
    }
}
