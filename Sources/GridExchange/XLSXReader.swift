import Foundation
import GridCore

/// Reads the first sheet (or a named one) of an .xlsx: shared and inline strings (without phonetic guides),
/// numbers, booleans, dates by cell style; namespace prefixes (`<x:row>`) are read like plain names.
/// Row numbers are the sheet's own, so messages point at the row Excel shows. A damaged or hostile file
/// — broken XML anywhere, a DTD, a cell beyond Excel's limits, a zip bomb — is refused whole (`SheetLimits`).
public enum XLSXReader {
    /// The sheet's rows.
    public static func read(data: Data, sheet: String?, file: String, limits: SheetLimits = .standard) throws(GridError) -> TextTableData {
        try read(package: XLSXPackage(data: data, file: file, limits: limits), sheet: sheet)
    }

    /// The sheet's rows, from the file at `url` (`file` names it in messages).
    public static func read(url: URL, sheet: String?, file: String, limits: SheetLimits = .standard) throws(GridError) -> TextTableData {
        try read(package: XLSXPackage(url: url, file: file, limits: limits), sheet: sheet)
    }

    static func read(package: XLSXPackage, sheet: String?) throws(GridError) -> TextTableData {
        let file = package.file, limits = package.limits
        guard let workbook = try package.part("xl/workbook.xml") else {
            throw .invalidInput("\(file): not an Excel workbook (no xl/workbook.xml); save it from Excel or WPS as .xlsx")
        }
        let book = try AttributesDelegate.collect(workbook, names: ["sheet", "workbookPr"], part: "xl/workbook.xml", file: file, limits: limits)
        let sheets = book.filter { $0.element == "sheet" }.map(\.attributes)
        let date1904 = book.contains { $0.element == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        guard !sheets.isEmpty else { throw .invalidInput("\(file): the workbook has no sheets") }
        let chosen: [String: String]
        if let sheet {
            guard let s = sheets.first(where: { $0["name"] == sheet }) else {
                throw .invalidInput("\(file): no sheet named “\(sheet)”; sheets are: \(sheets.compactMap { $0["name"] }.joined(separator: ", "))")
            }
            chosen = s
        } else {
            chosen = sheets[0]
        }
        let relsPart = "xl/_rels/workbook.xml.rels"
        let rels = try package.part(relsPart).map { d throws(GridError) in
            try AttributesDelegate.collect(d, names: ["Relationship"], part: relsPart, file: file, limits: limits).map(\.attributes)
        } ?? []
        func target(type: String, fallback: String) -> String {
            rels.first { ($0["Type"] ?? "").hasSuffix("/" + type) }?["Target"].map { resolvePartPath($0) } ?? fallback
        }
        let rid = chosen["rid"] ?? chosen["id"] ?? ""
        let sheetPath = rels.first { $0["Id"] == rid }?["Target"].map { resolvePartPath($0) } ?? "xl/worksheets/sheet1.xml"
        guard let sheetData = try package.part(sheetPath) else { throw .invalidInput("\(file): the sheet's part \(sheetPath) is missing") }

        let stringsPath = target(type: "sharedStrings", fallback: "xl/sharedStrings.xml")
        var shared: [String] = []
        if let data = try package.part(stringsPath) {
            let d = SharedStringsDelegate(part: stringsPath, file: file, limits: limits)
            try PartXML.parse(data, delegate: d)
            shared = d.items
        }
        let stylesPath = target(type: "styles", fallback: "xl/styles.xml")
        var styles: [DateFormatKind] = []
        if let data = try package.part(stylesPath) {
            let d = StylesDelegate(part: stylesPath, file: file, limits: limits)
            try PartXML.parse(data, delegate: d)
            styles = d.kinds
        }
        let d = SheetDelegate(shared: shared, styles: styles, date1904: date1904, part: sheetPath, file: file, limits: limits)
        try PartXML.parse(sheetData, delegate: d)
        return d.table
    }
}
