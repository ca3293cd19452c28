import Foundation
import GridCore

/// A parsed table: rows of fields, each row with the file line it starts on (for messages).
public struct TextTableData: Sendable {
    public var rows: [[String]]
    public var lines: [Int]

    /// Creates a table.
    public init(rows: [[String]], lines: [Int]) {
        self.rows = rows
        self.lines = lines
    }
}

/// The reading half of `CSV` (the writing half is in CSV.swift).
extension CSV {
    /// Parses text; `delimiter` nil means: tab when the first line has tabs and no commas, else comma.
    public static func parse(_ text: String, delimiter: Character? = nil, file: String) throws(GridError) -> TextTableData {
        let sep = delimiter ?? guessDelimiter(text)
        var rows: [[String]] = []
        var lines: [Int] = []
        var field = ""
        var row: [String] = []
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var quoteLine = 0
        var chars = text.makeIterator()
        var pending: Character? = chars.next()
        func endRow() {
            row.append(field)
            field = ""
            if !(row.count == 1 && row[0].isEmpty) {
                rows.append(row)
                lines.append(rowLine)
            }
            row = []
        }
        while let c = pending {
            pending = chars.next()
            if inQuotes {
                if c == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = chars.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c == "\r\n" ? "\n" : c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case sep:
                row.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes {
            throw .invalidInput("\(file):\(quoteLine): a quoted field is never closed (a \" is missing); fix the quote and import again")
        }
        if !field.isEmpty || !row.isEmpty { endRow() }
        return TextTableData(rows: rows, lines: lines)
    }

    static func guessDelimiter(_ text: String) -> Character {
        let first = text.prefix { $0 != "\n" && $0 != "\r\n" }
        return first.contains("\t") && !first.contains(",") ? "\t" : ","
    }
}
