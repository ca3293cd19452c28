import Foundation
import GridCore
import Testing
@testable import GridExchange

/// Issue 11 §6: hostile spreadsheets are refused quickly and whole. Each class is generated here; each test
/// checks the message and, where the class is about exhaustion, that the reader stopped early (bytes
/// inflated, cells built) rather than how long it took.
@Suite("Hostile .xlsx files are refused whole, early")
struct HostileXLSXTests {
    func refusal(_ data: Data, limits: SheetLimits = .standard) throws -> (message: String, inflated: Int) {
        let package = try XLSXPackage(data: data, file: "h.xlsx", limits: limits)
        do {
            let table = try XLSXReader.read(package: package, sheet: nil)
            Issue.record("read \(table.rows.count) rows instead of refusing")
            return ("", package.inflated)
        } catch {
            return (error.description, package.inflated)
        }
    }

    func message(_ sheet: String, shared: String? = nil, limits: SheetLimits = .standard) throws -> String {
        try refusal(try WorkbookFixture(sheet: sheet, shared: shared).data(), limits: limits).message
    }

    func cell(_ ref: String, row: Int = 2) -> String {
        "<worksheet><sheetData><row r=\"\(row)\"><c r=\"\(ref)\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>"
    }

    @Test("cell references past Excel's limits or not references at all are refused, never overflowed or allocated", arguments: [
        ("ZZZZZZZZZZZZZZZZ2", "beyond Excel's last column XFD (16,384)"),
        ("XFE2", "beyond Excel's last column XFD"),
        ("中中中中中中2", "is not a cell reference"),
        ("A99999999999999999999", "beyond Excel's last row 1,048,576"),
        ("A1048577", "beyond Excel's last row"),
        ("2A", "is not a cell reference"),
        ("A0", "is not a cell reference"),
    ])
    func badReferences(ref: String, expected: String) throws {
        let m = try message(cell(ref))
        #expect(m.contains(expected), "\(m)")
        #expect(m.contains("xl/worksheets/sheet1.xml line 1"), "\(m)")
    }

    @Test("the last cell Excel allows, XFD1048576, is read")
    func lastCell() throws {
        let t = try XLSXReader.read(data: try WorkbookFixture(sheet: cell("XFD1048576", row: 1_048_576)).data(), sheet: nil, file: "h.xlsx")
        #expect(t.rows.count == 1 && t.rows[0].count == 16_384 && t.rows[0].last == "x")
        #expect(t.lines == [1_048_576])
    }

    @Test("a row number past Excel's last row, or not a number, is refused")
    func badRowNumbers() throws {
        for r in ["1048577", "99999999999999999999999", "x"] {
            let m = try message("<worksheet><sheetData><row r=\"\(r)\"><c><v>1</v></c></row></sheetData></worksheet>")
            #expect(m.contains("is not between 1 and 1,048,576"), "\(m)")
        }
        let wide = "<worksheet><sheetData><row>" + String(repeating: "<c><v>1</v></c>", count: 16_385) + "</row></sheetData></worksheet>"
        #expect(try message(wide).contains("more than 16,384 columns"))
    }

    @Test("many rows reaching for the last column stop at the cell cap, before building the rest")
    func hugeColumns() throws {
        var limits = SheetLimits()
        limits.maxCells = 100_000
        let rows = (1...1_000).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()
        let m = try message("<worksheet><sheetData>\(rows)</sheetData></worksheet>", limits: limits)
        #expect(m.contains("spans more than 100,000 cells"), "\(m)")
        #expect(m.contains("line 1"), "\(m)")
        // The standard cap refuses the same 1,000 rows (16 million cells) too, at row 257.
        #expect(try message("<worksheet><sheetData>\(rows)</sheetData></worksheet>").contains("spans more than 4,194,304 cells"))
    }

    @Test("a shared string used in thousands of cells is refused by the text cap; an over-long or over-many table too")
    func sharedStringBomb() throws {
        let long = String(repeating: "丽", count: 32_000)
        let cells = (1...5_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>0</v></c></row>" }.joined()
        let m = try message("<worksheet><sheetData>\(cells)</sheetData></worksheet>", shared: "<sst><si><t>\(long)</t></si></sst>")
        #expect(m.contains("more than 128 MB of text"), "\(m)")

        let tooLong = String(repeating: "a", count: 32_768)
        let m2 = try message(cell("A1"), shared: "<sst><si><t>\(tooLong)</t></si></sst>")
        #expect(m2.contains("xl/sharedStrings.xml") && m2.contains("longer than 32,767 characters"), "\(m2)")

        var limits = SheetLimits()
        limits.maxSharedStrings = 1_000
        let many = "<sst>" + String(repeating: "<si><t>x</t></si>", count: 1_001) + "</sst>"
        #expect(try message(cell("A1"), shared: many, limits: limits).contains("more than 1,000 entries"))

        let dangling = try message("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>",
                                   shared: "<sst><si><t>a</t></si></sst>")
        #expect(dangling.contains("refers to shared string “7”, but the table has 1"), "\(dangling)")
    }

    @Test("a part compressed far better than a spreadsheet is refused from the zip directory, before inflating")
    func zipBomb() throws {
        let padding = String(repeating: " ", count: 20 << 20)
        let data = try WorkbookFixture(sheet: "<worksheet>\(padding)<sheetData/></worksheet>").data()
        #expect(data.count < 200_000)
        let (m, inflated) = try refusal(data)
        #expect(m.contains("xl/worksheets/sheet1.xml") && m.contains(":1") && m.contains("zip bombs"), "\(m)")
        #expect(inflated < 1_000, "only the workbook and its relationships were inflated, not the bomb (\(inflated) bytes)")
    }

    @Test("a part that inflates past what its zip directory declares stops at the declared size")
    func forgedSize() throws {
        let sheet = WorkbookFixture.rows(["小区名称"]) + String(repeating: "<!-- -->", count: 100_000)
        let zip = try WorkbookFixture(sheet: sheet).data()
        let forged = WorkbookFixture.forge(zip, entry: "xl/worksheets/sheet1.xml", uncompressedSize: 50_000)
        let (m, inflated) = try refusal(forged)
        #expect(m.contains("inflates to more than the 50,000 bytes its zip directory declares"), "\(m)")
        #expect(inflated <= 50_000 + 1_000, "inflating stopped at the declared size (\(inflated) bytes)")
    }

    @Test("FuzzXLSX finding: a zip whose directory points past its end is refused, not a trap in ZIPFoundation")
    func offsetPastEnd() throws {
        let zip = try WorkbookFixture(sheet: cell("A1")).data()
        for offset: UInt32 in [UInt32(zip.count) + 10, 0xFFFF_FF00] {
            let m = try refusal(WorkbookFixture.pointPastEnd(zip, entry: "xl/workbook.xml", offset: offset)).message
            #expect(m.contains("xl/workbook.xml") || m.contains("not a readable .xlsx"), "\(m)")
        }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test("FuzzXLSX finding: an element name in invalid UTF-8 is refused, not a trap in FoundationXML")
    func invalidUTF8Name() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("fuzz-xlsx-invalid-utf8-name.xlsx"))
        let m = try refusal(data).message
        #expect(m.contains("invalid UTF-8 at byte offset"), "\(m)")
        let sheet = Data("<worksheet><workshi".utf8) + Data([0x48, 0xE6, 0x80, 0x95, 0xA3, 0x88]) + Data("/></worksheet>".utf8)
        #expect(PartXML.prologProblem(sheet) == nil)
        #expect(throws: GridError.self) { try PartXML.parse(sheet, delegate: PartDelegate(part: "s", file: "f", limits: .standard)) }
    }

    @Test("FuzzXLSX finding: a part declaring an absurd size (2⁶³ bytes) is refused with its size, not an overflow in the message")
    func absurdDeclaredSize() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("fuzz-xlsx-huge-declared-size.xlsx"))
        let m = try refusal(data).message
        #expect(m.contains("over the limit of 200 MB per part") || m.contains("damaged") || m.contains("not a readable"), "\(m)")
        #expect(Int.max.megabytes == "8,796,093,022,208 MB")
        #expect((3 << 19).megabytes == "2 MB" && (1 << 20).megabytes == "1 MB" && 1_000.megabytes == "1,000 bytes")
    }

    @Test("a part declared larger than the per-part limit is refused without inflating it")
    func declaredTooLarge() throws {
        let zip = try WorkbookFixture(sheet: cell("A1")).data()
        let forged = WorkbookFixture.forge(zip, entry: "xl/worksheets/sheet1.xml", uncompressedSize: 3_000_000_000)
        let (m, inflated) = try refusal(forged)
        #expect(m.contains("would inflate to 2,861 MB, over the limit of 200 MB per part"), "\(m)")
        #expect(inflated < 1_000)
        var limits = SheetLimits()
        limits.maxInflatedBytes = 150
        #expect(try refusal(zip, limits: limits).message.contains("over the limit of 150 bytes"))
    }

    @Test("sheet XML cut short or broken at row 20 refuses the whole file, naming the part and line")
    func brokenXML() throws {
        var rows = (1...30).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>小区\($0)</t></is></c></row>\n" }
        let whole = "<worksheet><sheetData>\n" + rows.joined() + "</sheetData></worksheet>"
        let cut = String(whole.prefix(whole.count / 2))
        let m = try message(cut)
        #expect(m.contains("xl/worksheets/sheet1.xml line") && m.contains("the XML is broken"), "\(m)")
        rows[19] = "<row r=\"20\"><c r=\"A20\"><v>1</x></c></row>\n"
        let m2 = try message("<worksheet><sheetData>\n" + rows.joined() + "</sheetData></worksheet>")
        #expect(m2.contains("xl/worksheets/sheet1.xml line 21"), "\(m2)")
        let m3 = try message(cell("A1"), shared: "<sst><si><t>a</t></si>")
        #expect(m3.contains("xl/sharedStrings.xml line 1"), "\(m3)")
    }

    @Test("a document type declaration or entity is refused, in any part", arguments: [
        #"<?xml version="1.0"?>"# + "\n" + #"<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>"#,
        #"<!-- made by a tool --><!DOCTYPE worksheet SYSTEM "file:///etc/passwd"><worksheet/>"#,
    ])
    func doctype(sheet: String) throws {
        let m = try message(sheet)
        #expect(m.contains("document type declaration"), "\(m)")
        let sst = "<!DOCTYPE sst [<!ENTITY b \"b\">]><sst><si><t>&b;</t></si></sst>"
        #expect(try message(cell("A1"), shared: sst).contains("xl/sharedStrings.xml line 1: has a document type declaration"))
    }

    @Test("a part in an encoding that is not ASCII-compatible is refused (it could hide a DTD)")
    func utf16Part() throws {
        let utf16 = Data([0xFF, 0xFE]) + #"<?xml version="1.0" encoding="UTF-16"?><worksheet/>"#.data(using: .utf16LittleEndian)!
        #expect(PartXML.prologProblem(utf16)?.message.contains("not UTF-8") == true)
        #expect(PartXML.prologProblem(Data(#"<?xml version="1.0" encoding="UTF-7"?><a/>"#.utf8))?.message.contains("UTF-7") == true)
        #expect(PartXML.prologProblem(Data(#"<?xml version="1.0" encoding="utf-8"?><a/>"#.utf8)) == nil)
    }
}
