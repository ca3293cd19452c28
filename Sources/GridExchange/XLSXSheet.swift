import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GridCore

/// The cells of a worksheet into rows, by cell reference (gaps become empty fields), with Excel's limits on
/// rows and columns, a cap on cells and on text, and dates recognised by the cell's style.
final class SheetDelegate: PartDelegate {
    let shared: [String]
    let styles: [DateFormatKind]
    let date1904: Bool
    var table = TextTableData(rows: [], lines: [])
    var cells = 0
    var textBytes = 0

    var rowNumber = 0
    var row: [(Int, String)] = []
    var column = 0
    var type = ""
    var style = 0
    var value = ""
    var valueUnits = 0
    var inValue = false
    var inline: StringItemText?

    init(shared: [String], styles: [DateFormatKind], date1904: Bool, part: String, file: String, limits: SheetLimits) {
        self.shared = shared
        self.styles = styles
        self.date1904 = date1904
        super.init(part: part, file: file, limits: limits)
    }

    override func start(_ parser: XMLParser, _ name: Substring, _ a: [String: String]) {
        switch name {
        case "row":
            if let r = a["r"] {
                guard let n = Int(r), (1...limits.maxRows).contains(n) else {
                    return fail(parser, "row number “\(r.prefix(40))” is not between 1 and \(limits.maxRows.grouped), Excel's last row")
                }
                rowNumber = n
            } else {
                rowNumber += 1
                guard rowNumber <= limits.maxRows else { return fail(parser, "the sheet has more than \(limits.maxRows.grouped) rows, Excel's limit") }
            }
            row = []
            column = 0
        case "c":
            if let r = a["r"] {
                switch CellReference.parse(r, limits: limits) {
                case .success(let ref): column = ref.column
                case .failure(let problem): return fail(parser, CellReference.explain(r, problem, limits: limits))
                }
            } else {
                column += 1
                guard column <= limits.maxColumns else { return fail(parser, "a row has more than \(limits.maxColumns.grouped) columns, Excel's limit") }
            }
            type = a["t"] ?? "n"
            style = a["s"].flatMap { Int($0) } ?? 0
            value = ""
            valueUnits = 0
            inline = nil
        case "v": inValue = true
        case "is": inline = StringItemText()
        case let name: inline?.start(name)
        }
    }

    override func text(_ parser: XMLParser, _ string: String) {
        if inValue {
            valueUnits += string.utf16.count
            guard valueUnits <= limits.maxCellCharacters else { return tooLong(parser) }
            value += string
        } else if inline != nil, !inline!.add(string, max: limits.maxCellCharacters) {
            tooLong(parser)
        }
    }

    func tooLong(_ parser: XMLParser) {
        fail(parser, "a cell in row \(rowNumber) holds more than \(limits.maxCellCharacters.grouped) characters, Excel's own limit")
    }

    override func end(_ parser: XMLParser, _ name: Substring) {
        switch name {
        case "v": inValue = false
        case "is": if let item = inline { value = item.text; inline = nil }
        case "c": endCell(parser)
        case "row": endRow(parser)
        case let name: inline?.end(name)
        }
    }

    func endCell(_ parser: XMLParser) {
        let text: String
        switch type {
        case "s":
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), shared.indices.contains(i) else {
                return fail(parser, "a cell in row \(rowNumber) refers to shared string “\(value.prefix(20))”, but the table has \(shared.count.grouped)")
            }
            text = shared[i]
        case "b": text = value == "1" ? "TRUE" : "FALSE"
        case "n":
            let kind = styles.indices.contains(style) ? styles[style] : .none
            if kind.isDate, let d = Double(value), let date = ExcelDate.text(d, kind: kind, date1904: date1904) {
                text = date
            } else {
                text = SheetDelegate.number(value)
            }
        case "d": text = value.hasSuffix("T00:00:00") ? String(value.dropLast(9)) : value
        default: text = value
        }
        guard !text.isEmpty else { return }
        textBytes += text.utf8.count
        guard textBytes <= limits.maxTextBytes else {
            return fail(parser, "the cells hold more than \(limits.maxTextBytes.megabytes) of text in all (a shared string repeated in many cells counts each time)")
        }
        row.append((column, text))
    }

    func endRow(_ parser: XMLParser) {
        guard let width = row.map(\.0).max() else { return }
        cells += width
        guard cells <= limits.maxCells else {
            return fail(parser, "the sheet spans more than \(limits.maxCells.grouped) cells (rows × columns)")
        }
        guard table.rows.count < limits.maxRows else { return fail(parser, "the sheet has more than \(limits.maxRows.grouped) rows, Excel's limit") }
        var fields = [String](repeating: "", count: width)
        for (c, text) in row { fields[c - 1] = text }
        table.rows.append(fields)
        table.lines.append(rowNumber)
        row = []
    }

    /// Integers without a trailing `.0`, as people typed them.
    static func number(_ text: String) -> String {
        guard let d = Double(text), d == d.rounded(), abs(d) < 1e15 else { return text }
        return String(Int64(d))
    }
}
