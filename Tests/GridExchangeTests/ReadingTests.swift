import Foundation
import GridCore
import Testing
import ZIPFoundation
@testable import GridExchange

@Suite("Reading sheets: CSV, encodings, XLSX")
struct ReadingTests {
    func parse(_ text: String) throws -> [[String]] { try CSV.parse(text, file: "t.csv").rows }

    @Test("RFC 4180: quoted commas, quotes and newlines, CRLF or LF, empty fields, with or without a final newline")
    func rfc4180() throws {
        #expect(try parse("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try parse("a,b\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(try parse("名称,地址\n\"锦绣华庭, 一期\",\"人民路\"\"12\"\"号\"\n") == [["名称", "地址"], ["锦绣华庭, 一期", "人民路\"12\"号"]])
        #expect(try parse("a,b\n\"第一行\n第二行\",x\n") == [["a", "b"], ["第一行\n第二行", "x"]])
        #expect(try parse("a,,c\n,,\n") == [["a", "", "c"], ["", "", ""]])
        let t = try CSV.parse("h\n\"x\ny\"\nz\n", file: "t.csv")
        #expect(t.lines == [1, 2, 4], "rows remember the line they start on")
        #expect(try CSV.parse("小区\t街道\n阳光小区\t城关\n", file: "t.tsv").rows == [["小区", "街道"], ["阳光小区", "城关"]])
        #expect(throws: GridError.self) { try parse("a,b\n\"unclosed,2\n") }
    }

    @Test("a field written by CSV.line reads back the same")
    func lineRoundTrip() throws {
        let fields = ["阳光小区", "a,b", "say \"hi\"", "two\nlines", ""]
        #expect(try parse(CSV.line(fields) + "\r\n") == [fields])
    }

    @Test("UTF-8 with and without BOM, UTF-16 LE and BE with BOM, GBK and GB18030 all decode")
    func encodings() throws {
        let text = "小区名称,所属街道\n阳光小区,城关街道\n"
        #expect(try TextDecoding.decode(Data(text.utf8), file: "f").encoding == .utf8)
        #expect(try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), file: "f").text == text)
        let le = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        #expect(try TextDecoding.decode(le, file: "f") == (text, .utf16LE))
        let be = Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
        #expect(try TextDecoding.decode(be, file: "f").text == text)
        let gb = try #require(TextDecoding.encodeGB18030(text))
        #expect(try TextDecoding.decode(gb, file: "f") == (text, .gb18030))
        // GBK proper, from the system's iconv, as Chinese Excel writes it.
        let gbk = try iconv(text, to: "GBK")
        #expect(try TextDecoding.decode(gbk, file: "f").text == text)
    }

    @Test("binary and broken files are refused with the byte offset", arguments: [
        (Data([0x61, 0x2C, 0x62, 0x0A, 0x00, 0x01]), "byte offset 4"),
        (Data([0x61, 0x0A, 0x80, 0x81, 0xFF]), "byte offset 2"),
        (Data([0xEF, 0xBB, 0xBF, 0x61, 0xC3]), "byte offset 4"),
        (Data([0xFF, 0xFE, 0x61]), "UTF-16"),
    ])
    func refused(data: Data, message: String) {
        #expect {
            try TextDecoding.decode(data, file: "bad.csv")
        } throws: { ($0 as? GridError)?.description.contains(message) == true }
    }

    @Test("an XLSX written by the exporter reads back cell for cell, CJK, commas and leading zeros intact")
    func xlsxRoundTrip() throws {
        let rows = [["阳光小区", "0571-87654321", "a, b"], ["锦绣华庭国际社区", "", "x"]]
        let data = try XLSXWriter.data(sheetName: "小区名单", headers: ["小区名称", "电话", "备注"], rows: rows)
        let table = try XLSXReader.read(data: data, sheet: nil, file: "t.xlsx")
        #expect(table.rows == [["小区名称", "电话", "备注"]] + rows.map { r in r.last == "" ? Array(r.dropLast()) : r })
        #expect(table.lines == [1, 2, 3])
        #expect(throws: GridError.self) { try XLSXReader.read(data: data, sheet: "没有", file: "t.xlsx") }
    }

    @Test("a hand-built XLSX with shared strings, numbers, a date serial and a gap reads as the sheet shows")
    func xlsxByHand() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let d = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(d.count)) { p, s in d.subdata(in: Int(p)..<Int(p) + s) }
        }
        try add("xl/workbook.xml", #"<workbook xmlns:r="r"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
        try add("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#)
        try add("xl/sharedStrings.xml", #"<sst><si><t>小区名称</t></si><si><t>期限</t></si><si><r><t>阳光</t></r><r><t>小区</t></r></si></sst>"#)
        try add("xl/worksheets/sheet1.xml", """
            <worksheet><sheetData><row r="3"><c r="A3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c></row>\
            <row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4"><v>1200</v></c><c r="C4"><v>46360</v></c></row></sheetData></worksheet>
            """)
        let table = try XLSXReader.read(data: try #require(archive.data), sheet: nil, file: "h.xlsx")
        #expect(table.rows == [["小区名称", "", "期限"], ["阳光小区", "1200", "46360"]])
        #expect(table.lines == [3, 4])
        let mapper = ImportMapper(file: "h.xlsx", kind: nil, overrides: [:], update: false, today: Day("2026-11-30")!)
        #expect(try mapper.date("46360", "期限") == Day("2026-12-04"), "an Excel date serial becomes a day")
    }

    @Test("a damaged .xlsx is refused clearly")
    func damagedXLSX() {
        #expect(throws: GridError.self) { try XLSXReader.read(data: Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), sheet: nil, file: "d.xlsx") }
    }

    func iconv(_ text: String, to encoding: String) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data
    }
}
