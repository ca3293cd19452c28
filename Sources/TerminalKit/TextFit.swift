/// Fitting text into a number of columns: truncation with an ellipsis and padding, by display width.
///
/// Never splits a wide character or a grapheme cluster: when a wide character does not fit in the last
/// column, the column is padded with a space instead.
public extension DisplayWidth {
    /// The ellipsis used when text is cut.
    static let ellipsis: Character = "…"

    /// `text` cut to at most `columns` columns, ending in `…` when something was cut.
    func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        let room = columns - of(DisplayWidth.ellipsis)
        var result = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > room { break }
            result.append(ch)
            used += w
        }
        return result + String(DisplayWidth.ellipsis)
    }

    /// `text` split where it first exceeds `columns` columns: the head that fits, and the rest (never a cut character).
    func split(_ text: String, at columns: Int) -> (head: String, rest: String) {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let w = of(text[index])
            if used + w > columns { break }
            used += w
            index = text.index(after: index)
        }
        return (String(text[..<index]), String(text[index...]))
    }

    /// `text` truncated to `columns` and padded with spaces to exactly `columns` columns.
    func pad(_ text: String, to columns: Int, alignment: TextAlignment = .leading) -> String {
        let cut = truncate(text, to: columns)
        let gap = String(repeating: " ", count: max(0, columns - of(cut)))
        switch alignment {
        case .leading: return cut + gap
        case .trailing: return gap + cut
        }
    }
}

/// Where text sits in a column.
public enum TextAlignment: Sendable {
    case leading, trailing
}

/// A plain-text table whose columns line up in display columns, for command-line output.
public struct TextTable: Sendable {
    /// Column headings.
    public var headers: [String]
    /// Which columns are right-aligned (numbers).
    public var trailing: Set<Int>
    /// Widest a column may grow before its text is truncated.
    public var maxColumnWidth: Int
    /// Body rows.
    public private(set) var rows: [[String]] = []
    let width: DisplayWidth

    /// Creates an empty table.
    public init(headers: [String], trailing: Set<Int> = [], maxColumnWidth: Int = 40, width: DisplayWidth = .standard) {
        self.headers = headers
        self.trailing = trailing
        self.maxColumnWidth = maxColumnWidth
        self.width = width
    }

    /// Appends a row (missing cells are blank).
    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines, columns separated by two spaces, trailing blanks trimmed.
    /// The last column is never cut: nothing follows it that it could push out of line.
    /// Cells pass through `Sanitiser` first (a line feed in a note shows as `␊`), so widths are measured on
    /// what is printed.
    public func render() -> String {
        let all = ([headers] + rows).map { $0.map { Sanitiser.clean($0) } }
        let count = all.map(\.count).max() ?? 0
        let widths = (0..<count).map { c in
            let widest = all.map { c < $0.count ? width.of($0[c]) : 0 }.max() ?? 0
            return c == count - 1 && !trailing.contains(c) ? widest : min(maxColumnWidth, widest)
        }
        return all.map { row in
            (0..<count).map { c in
                width.pad(c < row.count ? row[c] : "", to: widths[c], alignment: trailing.contains(c) ? .trailing : .leading)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
