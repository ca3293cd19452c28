import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GridCore
import ZIPFoundation

/// Reads the first sheet (or a named one) of an .xlsx: shared and inline strings, numbers, booleans.
/// Row numbers are the sheet's own, so messages point at the row Excel shows.
public enum XLSXReader {
    public static func read(data: Data, sheet: String?, file: String) throws(GridError) -> TextTableData {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .invalidInput("\(file): not a readable .xlsx (the zip container is broken); save it again from Excel")
        }
        func entry(_ path: String) throws(GridError) -> Data? {
            guard let e = archive[path] else { return nil }
            var out = Data()
            do {
                _ = try archive.extract(e, skipCRC32: false) { out.append($0) }
            } catch {
                throw .invalidInput("\(file): part \(path) of the .xlsx is damaged")
            }
            return out
        }
        guard let workbook = try entry("xl/workbook.xml") else {
            throw .invalidInput("\(file): not an Excel workbook (no xl/workbook.xml)")
        }
        let sheets = XMLAttributes.collect(workbook, element: "sheet")
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
        let rels = try entry("xl/_rels/workbook.xml.rels").map { XMLAttributes.collect($0, element: "Relationship") } ?? []
        let rid = chosen["r:id"] ?? chosen["id"] ?? ""
        var target = rels.first { $0["Id"] == rid }?["Target"] ?? "worksheets/sheet1.xml"
        target = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetData = try entry(target) else { throw .invalidInput("\(file): the sheet's part \(target) is missing") }
        let shared = try entry("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        return SheetParser.parse(sheetData, shared: shared)
    }
}

/// Attributes of every element with a given name.
enum XMLAttributes {
    final class Collector: NSObject, XMLParserDelegate {
        let name: String
        var found: [[String: String]] = []
        init(name: String) { self.name = name }
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                    attributes: [String: String] = [:]) {
            if elementName == name || elementName.hasSuffix(":" + name) { found.append(attributes) }
        }
    }

    static func collect(_ data: Data, element: String) -> [[String: String]] {
        let c = Collector(name: element)
        let p = XMLParser(data: data)
        p.delegate = c
        p.parse()
        return c.found
    }
}

/// The shared-string table: plain and rich-text items.
enum SharedStrings {
    final class Delegate: NSObject, XMLParserDelegate {
        var items: [String] = []
        var current = ""
        var inText = false
        func parser(_ parser: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if e == "si" { current = "" }
            if e == "t" { inText = true }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
        func parser(_ parser: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
            if e == "t" { inText = false }
            if e == "si" { items.append(current) }
        }
    }

    static func parse(_ data: Data) -> [String] {
        let d = Delegate()
        let p = XMLParser(data: data)
        p.delegate = d
        p.parse()
        return d.items
    }
}

/// Cells of a worksheet into rows, by cell reference (gaps become empty fields).
enum SheetParser {
    final class Delegate: NSObject, XMLParserDelegate {
        let shared: [String]
        var rows: [(Int, [Int: String])] = []
        var row: [Int: String] = [:]
        var rowNumber = 0
        var column = 0
        var type = ""
        var text = ""
        var capturing = false
        init(shared: [String]) { self.shared = shared }

        func parser(_ parser: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
            switch e {
            case "row":
                rowNumber = Int(a["r"] ?? "") ?? rowNumber + 1
                row = [:]
                column = 0
            case "c":
                column = a["r"].map(SheetParser.column) ?? column + 1
                type = a["t"] ?? "n"
                text = ""
            case "v", "t":
                capturing = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if capturing { text += string } }

        func parser(_ parser: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
            switch e {
            case "v", "t": capturing = false
            case "c":
                switch type {
                case "s": row[column] = Int(text).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
                case "b": row[column] = text == "1" ? "TRUE" : "FALSE"
                case "n": row[column] = SheetParser.number(text)
                default: row[column] = text
                }
            case "row": rows.append((rowNumber, row))
            default: break
            }
        }
    }

    static func parse(_ data: Data, shared: [String]) -> TextTableData {
        let d = Delegate(shared: shared)
        let p = XMLParser(data: data)
        p.delegate = d
        p.parse()
        var result = TextTableData(rows: [], lines: [])
        for (number, cells) in d.rows where !cells.values.allSatisfy(\.isEmpty) {
            let width = (cells.keys.max() ?? 0)
            result.rows.append((1...max(1, width)).map { cells[$0] ?? "" })
            result.lines.append(number)
        }
        return result
    }

    /// `C12` → 3.
    static func column(_ ref: String) -> Int {
        ref.prefix { $0.isLetter }.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }

    /// Integers without a trailing `.0`, as people typed them.
    static func number(_ text: String) -> String {
        guard let d = Double(text), d == d.rounded(), abs(d) < 1e15 else { return text }
        return String(Int64(d))
    }
}
