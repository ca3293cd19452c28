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
    /// A row over Excel's 16,384 columns, a file over its 1,048,576 rows, a field over 32,767 characters
    /// or more cells than `limits` allow is refused at the line where it happens, before reading further.
    public static func parse(_ text: String, delimiter: Character? = nil, file: String,
                             limits: SheetLimits = .standard) throws(GridError) -> TextTableData {
        let sep = delimiter ?? guessDelimiter(text)
        // Sheets in Chinese and ASCII (nearly all) are read byte by byte, with the same result (see `parseBytes`).
        if let table = try parseBytes(text, delimiter: sep, file: file, limits: limits) { return table }
        return try parseCharacters(text, delimiter: sep, file: file, limits: limits)
    }

    /// The parse character by character: any text.
    static func parseCharacters(_ text: String, delimiter sep: Character, file: String, limits: SheetLimits) throws(GridError) -> TextTableData {
        var fieldUnits = 0
        var cells = 0
        var failure: GridError?
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
        func endField() -> Bool {
            row.append(field)
            field = ""
            fieldUnits = 0
            guard row.count <= limits.maxColumns else {
                failure = .invalidInput("\(file):\(rowLine): the row has more than \(limits.maxColumns.grouped) columns, Excel's limit; "
                    + "is the delimiter right? Nothing was imported")
                return false
            }
            return true
        }
        func endRow() -> Bool {
            guard endField() else { return false }
            if !(row.count == 1 && row[0].isEmpty) {
                cells += row.count
                guard rows.count < limits.maxRows else {
                    failure = .invalidInput("\(file):\(rowLine): the file has more than \(limits.maxRows.grouped) rows, Excel's limit; split it. Nothing was imported")
                    return false
                }
                guard cells <= limits.maxCells else {
                    failure = .invalidInput("\(file):\(rowLine): the file has more than \(limits.maxCells.grouped) cells (rows × columns); split it. Nothing was imported")
                    return false
                }
                rows.append(row)
                lines.append(rowLine)
            }
            row = []
            return true
        }
        while let c = pending {
            pending = chars.next()
            // Quotes and delimiters count too: a field reaching the limit ends here, long before the file does.
            if c != sep && c != "\n" && c != "\r\n" && c != "\r" || inQuotes { fieldUnits += c.utf16.count }
            if fieldUnits > limits.maxCellCharacters + 2 {
                throw .invalidInput("\(file):\(inQuotes ? quoteLine : line): a field is longer than \(limits.maxCellCharacters.grouped) characters, "
                    + "Excel's own limit for a cell\(inQuotes ? " — is a closing \" missing?" : ""); nothing was imported")
            }
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
                guard endField() else { throw failure! }
            case "\n", "\r\n", "\r":
                guard endRow() else { throw failure! }
                line += 1
                rowLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes {
            throw .invalidInput("\(file):\(quoteLine): a quoted field is never closed (a \" is missing); fix the quote and import again")
        }
        if !field.isEmpty || !row.isEmpty, !endRow() { throw failure! }
        return TextTableData(rows: rows, lines: lines)
    }

    static func guessDelimiter(_ text: String) -> Character {
        let first = text.prefix { $0 != "\n" && $0 != "\r\n" }
        return first.contains("\t") && !first.contains(",") ? "\t" : ","
    }
}
