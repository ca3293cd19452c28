import Foundation
import GridCore
import ZIPFoundation

/// Writes one sheet as .xlsx: a bold header row, the header frozen, column widths that fit CJK text
/// (a wide character counts two), every cell an inline string so nothing is reinterpreted (phone numbers
/// keep their leading 0).
public enum XLSXWriter {
    public static func data(sheetName: String, headers: [String], rows: [[String]]) throws(GridError) -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts(sheetName: sheetName, headers: headers, rows: rows) {
                let bytes = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                }
            }
        } catch {
            throw .invalidInput("could not build the .xlsx: \(error)")
        }
        guard let data = archive.data else { throw .invalidInput("could not build the .xlsx") }
        return data
    }

    static func parts(sheetName: String, headers: [String], rows: [[String]]) -> [(String, String)] {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let contentTypes = xml + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """
        let rootRels = xml + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """
        let workbook = xml + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(escape(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
        let workbookRels = xml + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """
        let styles = xml + """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>\
            <cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>
            """
        return [("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook),
                ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/styles.xml", styles),
                ("xl/worksheets/sheet1.xml", sheet(headers: headers, rows: rows))]
    }

    static func sheet(headers: [String], rows: [[String]]) -> String {
        let all = [headers] + rows
        let count = all.map(\.count).max() ?? 0
        var cols = "<cols>"
        for c in 0..<count {
            let widest = all.map { c < $0.count ? width($0[c]) : 0 }.max() ?? 8
            cols += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(min(60, max(8, widest + 2)))\" customWidth=\"1\"/>"
        }
        cols += "</cols>"
        var body = ""
        body.reserveCapacity(rows.count * 200)
        for (r, row) in all.enumerated() {
            body += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() where !value.isEmpty {
                body += "<c r=\"\(column(c))\(r + 1)\" t=\"inlineStr\"\(r == 0 ? " s=\"1\"" : "")><is><t xml:space=\"preserve\">\(escape(value))</t></is></c>"
            }
            body += "</row>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + cols + "<sheetData>" + body + "</sheetData></worksheet>"
    }

    /// Spreadsheet column width in characters: CJK counts two.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && ($1.properties.isIdeographic || (0xFF00...0xFFEF).contains($1.value)
            || (0x3000...0x303F).contains($1.value)) ? 2 : 1) }
    }

    /// 0 → A, 26 → AA.
    static func column(_ i: Int) -> String {
        var n = i + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(65 + r)!) + s
            n = (n - 1) / 26
        }
        return s
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 forbids most control characters; drop them rather than write a broken file.
                if ch.value < 0x20 && ch != "\n" && ch != "\t" && ch != "\r" { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
