import GridCore

/// `CSV.parse` over UTF-8 bytes, for text where that gives exactly what the character-by-character parse gives: every
/// character is one scalar from ASCII, U+0080–U+02FF, general punctuation (U+2010–U+2027, U+2030–U+205E), CJK
/// symbols, kana and ideographs (U+3000–U+9FFF without the combining marks U+302A–U+302F, U+3099–U+309A) or
/// full-width forms (U+FF01–U+FF5E), or CR LF. None of those scalars joins the
/// character before or after it, so each byte-level delimiter, quote and line break is one the character parse
/// sees too. Other text (any other script, combining marks, emoji) returns nil and takes the character parse.
/// The same limits are checked at the same characters, with the same messages.
extension CSV {
    static func parseBytes(_ text: String, delimiter: Character, file: String, limits: SheetLimits) throws(GridError) -> TextTableData? {
        guard let sep = delimiter.asciiValue, sep != UInt8(ascii: "\""), sep != 0x0A, sep != 0x0D else { return nil }
        let bytes = Array(text.utf8)
        guard allSingleScalarCharacters(bytes) else { return nil }
        var state = ByteParse(file: file, limits: limits)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            // One character: CR LF, an ASCII byte, or a two- or three-byte scalar.
            let crlf = b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A
            let width = crlf ? 2 : b < 0x80 ? 1 : b < 0xE0 ? 2 : 3
            let next = i + width < n ? bytes[i + width] : nil
            let lineBreak = b == 0x0A || b == 0x0D
            // Quotes and delimiters count too: a field reaching the limit ends here, long before the file does.
            if !(b == sep || lineBreak) || state.inQuotes { state.fieldUnits += crlf ? 2 : 1 }
            if state.fieldUnits > limits.maxCellCharacters + 2 {
                throw .invalidInput("\(file):\(state.inQuotes ? state.quoteLine : state.line): a field is longer than "
                    + "\(limits.maxCellCharacters.grouped) characters, Excel's own limit for a cell"
                    + "\(state.inQuotes ? " — is a closing \" missing?" : ""); nothing was imported")
            }
            if state.inQuotes {
                if b == UInt8(ascii: "\"") {
                    if next == UInt8(ascii: "\"") {
                        state.field.append(b)
                        i += 1
                    } else {
                        state.inQuotes = false
                    }
                } else if crlf {
                    state.line += 1
                    state.field.append(0x0A)
                } else {
                    if b == 0x0A { state.line += 1 }
                    state.field.append(contentsOf: bytes[i..<i + width])
                }
            } else if b == UInt8(ascii: "\"") && state.field.isEmpty {
                state.inQuotes = true
                state.quoteLine = state.line
            } else if b == sep {
                try state.endField()
            } else if lineBreak {
                try state.endRow()
                state.line += 1
                state.rowLine = state.line
            } else {
                state.field.append(contentsOf: bytes[i..<i + width])
            }
            i += width
        }
        if state.inQuotes {
            throw .invalidInput("\(file):\(state.quoteLine): a quoted field is never closed (a \" is missing); fix the quote and import again")
        }
        if !state.field.isEmpty || !state.row.isEmpty { try state.endRow() }
        return TextTableData(rows: state.rows, lines: state.lines)
    }

    /// Whether every non-ASCII scalar of the UTF-8 `bytes` is in the blocks named above.
    static func allSingleScalarCharacters(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            // U+0080–U+02FF (Latin-1 and Latin letters, ·): two bytes, nothing that joins (combining marks start at U+0300).
            if (0xC2...0xCB).contains(b), i + 1 < n { i += 2; continue }
            guard (0xE2...0xE9).contains(b) || b == 0xEF, i + 2 < n else { return false }
            let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            switch scalar {
            // Dashes, quotes, ellipsis, ※ (not the joiners and format controls around them), CJK, full-width forms.
            case 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0xFF01...0xFF5E: i += 3
            default: return false
            }
        }
        return true
    }
}

/// The rows, lines and the field being read, with the limits checked as `CSV.parse` checks them.
private struct ByteParse {
    let file: String
    let limits: SheetLimits
    var rows: [[String]] = []
    var lines: [Int] = []
    var field: [UInt8] = []
    var row: [String] = []
    var inQuotes = false
    var line = 1, rowLine = 1, quoteLine = 0, fieldUnits = 0, cells = 0

    init(file: String, limits: SheetLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func endField() throws(GridError) {
        row.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldUnits = 0
        guard row.count <= limits.maxColumns else {
            throw .invalidInput("\(file):\(rowLine): the row has more than \(limits.maxColumns.grouped) columns, Excel's limit; "
                + "is the delimiter right? Nothing was imported")
        }
    }

    mutating func endRow() throws(GridError) {
        try endField()
        if !(row.count == 1 && row[0].isEmpty) {
            cells += row.count
            guard rows.count < limits.maxRows else {
                throw .invalidInput("\(file):\(rowLine): the file has more than \(limits.maxRows.grouped) rows, Excel's limit; split it. Nothing was imported")
            }
            guard cells <= limits.maxCells else {
                throw .invalidInput("\(file):\(rowLine): the file has more than \(limits.maxCells.grouped) cells (rows × columns); split it. Nothing was imported")
            }
            rows.append(row)
            lines.append(rowLine)
        }
        row = []
    }
}
