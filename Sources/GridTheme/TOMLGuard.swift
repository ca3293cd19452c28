import TOMLKit

/// Inputs the TOML parser (toml++ inside TOMLKit) asserts on instead of reporting an error — found by fuzzing
/// (`Scripts/fuzz.sh palette`). They are refused here, before it sees them, as the syntax errors they are.
enum TOMLGuard {
    /// A syntax error found before the parser ran.
    struct Refusal: Error {
        var line: Int
        var message: String
    }

    /// The parsed table, or `Refusal` for the inputs the parser would abort on, or the parser's own error.
    static func table(_ text: String) throws -> TOMLTable {
        if let (line, message) = problem(text) { throw Refusal(line: line, message: message) }
        return try TOMLTable(string: text)
    }

    /// A line number and message when `text` holds a table header whose key cannot start (`[%`, `[` alone, `[[[`) or an
    /// array that closes with `}`; nil when the text may go to the parser.
    static func problem(_ text: String) -> (line: Int, message: String)? {
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = line.unicodeScalars
            var rest = scalars.drop { $0 == " " || $0 == "\t" }
            if rest.first == "[" {
                rest = rest.dropFirst()
                if rest.first == "[" { rest = rest.dropFirst() }
                if let problem = headerKeyProblem(rest) { return (n + 1, problem) }
            } else if let at = scalars.firstIndex(of: "="), emptyArrayClosedByBrace(scalars[scalars.index(after: at)...]) {
                return (n + 1, "an array opened with [ must close with ], not }")
            }
        }
        return nil
    }

    /// Why the dotted key of a header cannot be read, or nil.
    static func headerKeyProblem(_ header: Substring.UnicodeScalarView.SubSequence) -> String? {
        func keyStart(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
                || c == "_" || c == "-" || c == "\"" || c == "'"
        }
        var rest = header
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard keyStart(rest.first) else { return "a table header needs a name: write [roles] or [roles.title]" }
            if rest.first == "\"" || rest.first == "'" { return nil }
            rest = rest.drop { keyStart($0) && $0 != "\"" && $0 != "'" }.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "." else { return nil }
            rest = rest.dropFirst()
        }
    }

    /// `= [ }` (blanks allowed): an array value closed by a brace.
    static func emptyArrayClosedByBrace(_ value: Substring.UnicodeScalarView.SubSequence) -> Bool {
        var rest = value.drop { $0 == " " || $0 == "\t" }
        guard rest.first == "[" else { return false }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        return rest.first == "}"
    }
}
