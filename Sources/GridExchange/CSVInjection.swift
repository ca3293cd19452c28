/// CSV injection (OWASP "CSV Injection"): a spreadsheet opening a CSV runs a cell that starts with `=`, `+`,
/// `-` or `@` as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`), and a leading tab or carriage return can
/// hide such a start. civgrid's CSV files are opened by other people in Excel or WPS, so every such cell is
/// written with a leading `'`, which makes it text; the importer drops that one `'` again, so an export
/// imports back unchanged.
///
/// Left as they are: a lone `-` (the usual "none" in Chinese office sheets) and plain signed numbers such as
/// `-5` or `+3.5` (a spreadsheet reads them as the same number, and no formula can hide in them).
/// A value that already starts with `'` followed by one of those characters (or by another `'`) gets one
/// more `'`, so that stripping exactly one on import always gives back the value that was exported.
extension CSV {
    /// The characters that make a spreadsheet treat a cell as a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `value` made safe to open in a spreadsheet (see the type's documentation).
    public static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return value }
        if first == "'" { return isNeutralisedForm(value) ? "'" + value : value }
        guard formulaStarts.contains(first) else { return value }
        if value == "-" || isPlainNumber(value) { return value }
        return "'" + value
    }

    /// A value read from a CSV or a sheet with the `'` of `neutralised` removed.
    public static func unneutralised(_ value: String) -> String {
        isNeutralisedForm(value) ? String(value.unicodeScalars.dropFirst()) : value
    }

    /// A `'` followed by a formula start or another `'`.
    static func isNeutralisedForm(_ value: String) -> Bool {
        var scalars = value.unicodeScalars.makeIterator()
        guard scalars.next() == "'", let second = scalars.next() else { return false }
        return second == "'" || formulaStarts.contains(second)
    }

    /// `-5`, `+12`, `-3.25`: an optional sign, digits, optionally a point and digits.
    static func isPlainNumber(_ value: String) -> Bool {
        var rest = Substring(value)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) }
        return true
    }

    /// One CSV line for a file others open in a spreadsheet: each field neutralised, then quoted as `line` does.
    public static func spreadsheetLine(_ fields: [String], delimiter: Character = ",") -> String {
        line(fields.map(neutralised), delimiter: delimiter)
    }
}
