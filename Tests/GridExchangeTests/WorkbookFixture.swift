import Foundation
import Testing
import ZIPFoundation

/// Builds .xlsx files in memory from XML text, part by part, for tests — including forged ones (a zip
/// directory that lies about sizes), so hostile files are generated here rather than committed.
struct WorkbookFixture {
    var workbook = #"<workbook xmlns:r="r"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    var rels = #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#
    var sheet: String
    var shared: String?
    var styles: String?
    var extra: [(String, Data)] = []

    init(sheet: String, shared: String? = nil, styles: String? = nil) {
        self.sheet = sheet
        self.shared = shared
        self.styles = styles
    }

    /// A sheet from rows of inline-string cells: `rows(["小区名称", "所属街道"], ["阳光小区", "城关街道"])`.
    static func rows(_ rows: [String]...) -> String {
        var xml = "<worksheet><sheetData>"
        for (i, r) in rows.enumerated() {
            xml += "<row r=\"\(i + 1)\">"
            for (j, v) in r.enumerated() {
                let col = String(UnicodeScalar(UInt8(65 + j)))
                xml += "<c r=\"\(col)\(i + 1)\" t=\"inlineStr\"><is><t>\(v)</t></is></c>"
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    var parts: [(String, Data)] {
        var p = [("xl/workbook.xml", Data(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(rels.utf8)),
                 ("xl/worksheets/sheet1.xml", Data(sheet.utf8))]
        if let shared { p.append(("xl/sharedStrings.xml", Data(shared.utf8))) }
        if let styles { p.append(("xl/styles.xml", Data(styles.utf8))) }
        return p + extra
    }

    /// The zipped workbook.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, d) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate) { p, s in
                d.subdata(in: Int(p)..<Int(p) + s)
            }
        }
        return try #require(archive.data)
    }

    /// `zip` with the local-header offset of `entry` in the central directory set to `offset` (past the end of
    /// the file: ZIPFoundation's in-memory mode trapped on this, found by FuzzXLSX).
    static func pointPastEnd(_ zip: Data, entry: String, offset: UInt32) -> Data {
        var b = [UInt8](zip)
        let name = Array(entry.utf8)
        var i = 0
        while i + 46 < b.count {
            let sig = Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24
            let len = Int(b[i + 28]) | Int(b[i + 29]) << 8
            if sig == 0x02014B50, i + 46 + len <= b.count, Array(b[(i + 46)..<(i + 46 + len)]) == name {
                for k in 0..<4 { b[i + 42 + k] = UInt8(truncatingIfNeeded: offset >> (8 * UInt32(k))) }
            }
            i += 1
        }
        return Data(b)
    }

    /// `zip` with the uncompressed size of `entry` rewritten to `size` in its local header, its data
    /// descriptor (if any) and the central directory: a forged zip whose part inflates to more than declared.
    static func forge(_ zip: Data, entry: String, uncompressedSize size: UInt32) -> Data {
        var b = [UInt8](zip)
        let name = Array(entry.utf8)
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        func put(_ i: Int, _ v: UInt32) { for k in 0..<4 { b[i + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(k))) } }
        var i = 0
        while i + 46 < b.count {
            if u32(i) == 0x04034B50, Array(b[(i + 30)..<(i + 30 + u16(i + 26))]) == name {
                put(i + 22, size)
                if u16(i + 6) & 8 != 0 {
                    var d = i + 30 + u16(i + 26) + u16(i + 28) + u32(i + 18)
                    if u32(d) == 0x08074B50 { d += 4 }
                    put(d + 8, size)
                }
            }
            if u32(i) == 0x02014B50, Array(b[(i + 46)..<(i + 46 + u16(i + 28))]) == name { put(i + 24, size) }
            i += 1
        }
        return Data(b)
    }
}
