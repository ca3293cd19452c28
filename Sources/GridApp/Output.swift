import Foundation
import TerminalKit

/// The one way the command line prints. Every text goes through `TerminalKit.Sanitiser`, so a name or note
/// holding `ESC]52;…`, `ESC[2J`, U+009B or a bidi override is shown visibly (`␛]52;…`, `\u{9B}`) and never
/// reaches the operator's terminal as a command. Line feeds and tabs lay out multi-line output and pass.
enum Output {
    /// Whether standard output is a terminal (tables are fitted to it; a file or pipe gets every character).
    static let stdoutIsTerminal = isatty(1) == 1

    /// Prints `text` to standard output, sanitised; line feeds and tabs pass.
    static func print(_ text: String, terminator: String = "\n") {
        Swift.print(Sanitiser.forLines(text), terminator: terminator)
    }

    /// CSV text as shown on a terminal: sanitised like `print`, except that the CR of each CRLF line end stays
    /// (a lone CR inside a field is still shown as `␍`).
    static func csvForTerminal(_ text: String) -> String {
        text.components(separatedBy: "\r\n").map(Sanitiser.forLines).joined(separator: "\r\n")
    }

    /// Writes `text` to standard error, sanitised (errors quote names from the database and from files).
    static func error(_ text: String) {
        fflush(nil)
        FileHandle.standardError.write(Data(Sanitiser.forLines(text).utf8))
    }

    /// Prints JSON text. JSONSerialization escapes C0 controls (`\u001b`); the other characters a terminal
    /// acts on (DEL, C1, bidi controls) are escaped here the same way, which leaves the JSON value unchanged.
    static func json(_ text: String) {
        Swift.print(escapeJSON(text))
    }

    /// `text` (JSON) with DEL, C1 controls, bidi controls and line separators written as `\uXXXX` escapes.
    /// Outside strings JSON holds none of them, so this only rewrites string contents, equivalently.
    static func escapeJSON(_ text: String) -> String {
        guard Sanitiser.needsCleaning(text, allowing: ["\n"]) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s != "\n", Sanitiser.isUnsafe(s) {
                out.append(contentsOf: String(format: "\\u%04x", s.value).unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Widest a table column may grow on a terminal; a file or pipe gets every character.
    static func columnLimit(_ onTerminal: Int) -> Int { stdoutIsTerminal ? onTerminal : Int.max }
}

extension TextTable {
    /// A table for command-line output: columns are cut with `…` at `maxColumnWidth` only when standard output
    /// is a terminal.
    static func forOutput(headers: [String], trailing: Set<Int> = [], maxColumnWidth: Int = 40) -> TextTable {
        TextTable(headers: headers, trailing: trailing, maxColumnWidth: Output.columnLimit(maxColumnWidth))
    }
}
