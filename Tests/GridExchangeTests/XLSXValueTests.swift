import Foundation
import GridCore
import Testing
@testable import GridExchange

/// Issue 12 §2: what a cell shows is what is read — without phonetic guides, whatever the namespace prefix,
/// dates by the cell's style.
@Suite("XLSX values as the sheet shows them")
struct XLSXValueTests {
    func read(_ f: WorkbookFixture) throws -> [[String]] {
        try XLSXReader.read(data: try f.data(), sheet: nil, file: "v.xlsx").rows
    }

    @Test("phonetic runs (<rPh>) are not part of the text, in shared and in inline strings")
    func phonetic() throws {
        let sst = """
            <sst><si><r><rPr><b/></rPr><t>丽景</t></r><r><t>湾</t></r><rPh sb="0" eb="3"><t>リケイ</t></rPh>\
            <phoneticPr fontId="1" type="noConversion"/></si><si><t>桂苑</t><rPh sb="0" eb="2"><t>ケイエン</t></rPh></si></sst>
            """
        let sheet = """
            <worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>\
            <c r="C1" t="inlineStr"><is><t>龙翠</t><rPh sb="0" eb="2"><t>リュウ</t></rPh></is></c></row></sheetData></worksheet>
            """
        #expect(try read(WorkbookFixture(sheet: sheet, shared: sst)) == [["丽景湾", "桂苑", "龙翠"]])
    }

    @Test("a workbook written with namespace prefixes (<x:row>, <x:c>) reads like one without")
    func prefixes() throws {
        var f = WorkbookFixture(sheet: """
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\
            <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>所属街道</x:t></x:is></x:c></x:row>\
            <x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>城关街道</x:t></x:is></x:c>\
            <x:c r="C2" s="1"><x:v>46360</x:v></x:c></x:row></x:sheetData></x:worksheet>
            """, shared: """
            <x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>小区名称</x:t></x:si>\
            <x:si><x:r><x:t>阳光</x:t></x:r><x:r><x:t>小区</x:t></x:r></x:si></x:sst>
            """, styles: """
            <x:styleSheet xmlns:x="s"><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>
            """)
        f.workbook = """
            <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:ns1="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <x:sheets><x:sheet name="名单" sheetId="1" ns1:id="rId7"/></x:sheets></x:workbook>
            """
        f.rels = """
            <pr:Relationships xmlns:pr="p"><pr:Relationship Id="rId7" Target="/xl/worksheets/sheet1.xml"/></pr:Relationships>
            """
        #expect(try read(f) == [["小区名称", "所属街道"], ["阳光小区", "城关街道", "2026-12-04"]])
    }

    static let styles = """
        <styleSheet><numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
        <numFmt numFmtId="165" formatCode="[Red]0.00;&quot;day&quot;0"/><numFmt numFmtId="166" formatCode="[$-804]yyyy/m/d\\ h:mm"/>\
        <numFmt numFmtId="167" formatCode="#,##0_);\\(#,##0\\)"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/>\
        <xf numFmtId="20"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="31"/></cellXfs></styleSheet>
        """

    @Test("dates are recognised by the cell's style: built-in, custom and CJK formats; numbers stay numbers")
    func datesByStyle() throws {
        let values = [("0", "46360"), ("1", "46360"), ("2", "46361"), ("3", "46360"), ("4", "46360.5"), ("5", "0.75"),
                      ("6", "46360.3958333333"), ("7", "46360"), ("8", "46387"), ("1", "59"), ("1", "61"), ("1", "文本")]
        let cells = values.enumerated().map { i, v in "<c r=\"\(String(UnicodeScalar(UInt8(65 + i))))1\" s=\"\(v.0)\"><v>\(v.1)</v></c>" }
        let sheet = "<worksheet><sheetData><row r=\"1\">\(cells.joined())</row></sheetData></worksheet>"
        let got = try read(WorkbookFixture(sheet: sheet, styles: Self.styles))
        #expect(got == [[
            "46360", "2026-12-04", "2026-12-05", "46360", "2026-12-04 12:00", "18:00", "2026-12-04 09:30", "46360", "2026-12-31",
            "1900-02-28", "1900-03-01", "文本",
        ]], "\(got)")
    }

    @Test("the 1904 date system (old Mac workbooks) is honoured")
    func date1904() throws {
        var f = WorkbookFixture(sheet: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>44898</v></c></row></sheetData></worksheet>",
                                styles: Self.styles)
        f.workbook = #"<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        #expect(try read(f) == [["2026-12-04"]])
    }

    @Test("custom format codes: date letters count only outside quotes, brackets and escapes", arguments: [
        ("yyyy-mm-dd", true, false), ("m/d/yy h:mm", true, true), ("h:mm:ss", false, true), ("[h]:mm", false, true),
        ("mmm", true, false), ("0.00", false, false), ("\"day\"0", false, false), ("[Red]#,##0", false, false),
        ("General", false, false), ("0.00\\d", false, false), ("_(* #,##0_)", false, false), ("0;[Red]yyyy", false, false),
    ])
    func customFormats(code: String, date: Bool, time: Bool) {
        #expect(DateFormatKind.custom(code) == DateFormatKind(date: date, time: time))
    }
}
