/// Wrapping text into lines of a display width, for paragraphs read on narrow terminals (a phone in portrait).
public extension DisplayWidth {
    /// Punctuation that must not start a line (Chinese line-breaking rule 避头点): it stays with the character before it.
    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "”", "’", ",", ".", ";", ":", "!", "?", ")"]

    /// `text` (cleaned by `Sanitiser`, so widths are those of what is printed) as lines of at most `columns` columns.
    /// Chinese breaks between any two characters, but not before closing punctuation (unless the line would hold one
    /// character only); a Latin word is not split
    /// when it fits on a line of its own. Never splits a wide character. Empty text is one empty line.
    func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var rest = Sanitiser.clean(text)
        var lines: [String] = []
        while of(rest) > columns {
            var (head, tail) = split(rest, at: columns)
            if head.isEmpty {
                // A character wider than the line: it goes alone (the buffer pads what cannot show).
                head = String(rest.first!)
                tail = String(rest.dropFirst())
            } else if let first = tail.first, DisplayWidth.noLineStart.contains(first), head.count > 1 {
                // Closing punctuation may not start the next line: carry the character before it down with it.
                tail = String(head.removeLast()) + tail
            } else if let first = tail.first, first != " ", let last = head.last, last != " ", last.isASCII, first.isASCII,
                      let space = head.lastIndex(of: " "), head.distance(from: space, to: head.endIndex) <= columns / 2 {
                // A Latin word cut in the middle moves down whole, when it is not longer than half a line.
                tail = String(head[head.index(after: space)...]) + tail
                head = String(head[..<space])
            }
            lines.append(head.trimmingTrailingSpaces())
            rest = String(tail.drop { $0 == " " })
        }
        if !rest.isEmpty || lines.isEmpty { lines.append(rest) }
        return lines
    }
}
