/// Where things are in a TOML file, for `file:line` messages: the parser reports no positions for values, so the lines
/// of section headers (`[annual]`, the n-th `[[indicator]]`) and of keys within them are found by reading the text.
struct TOMLLines {
    /// Section key (`""` top level, `annual`, `indicator#2`) → header line and the lines of its keys.
    private var headers: [String: Int] = [:]
    private var keys: [String: [String: Int]] = [:]

    /// Indexes `text`.
    init(_ text: String) {
        var section = "", counts: [String: Int] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[["), let end = line.range(of: "]]") {
                let name = String(line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]).trimmingWhitespace()
                let index = counts[name, default: 0]
                counts[name] = index + 1
                section = "\(name)#\(index)"
                headers[section] = n + 1
            } else if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                section = String(line[line.index(after: line.startIndex)..<end]).trimmingWhitespace()
                headers[section] = headers[section] ?? n + 1
            } else if !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") {
                let key = String(line[..<eq]).trimmingWhitespace().strippingQuotes()
                if keys[section]?[key] == nil { keys[section, default: [:]][key] = n + 1 }
            }
        }
    }

    /// The line of `key` in a section (`indicator`, index 2 for the third `[[indicator]]`), else the section's header,
    /// else 1.
    func line(_ section: String, index: Int? = nil, key: String? = nil) -> Int {
        let id = index.map { "\(section)#\($0)" } ?? section
        if let key, let n = keys[id]?[key] { return n }
        return headers[id] ?? 1
    }
}

extension String {
    /// The text without quotes at either end (a quoted TOML key).
    func strippingQuotes() -> String {
        var s = Substring(self)
        while let f = s.first, f == "\"" || f == "'" { s = s.dropFirst() }
        while let l = s.last, l == "\"" || l == "'" { s = s.dropLast() }
        return String(s)
    }
}
