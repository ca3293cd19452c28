import Testing
import GridCore
@testable import GridExchange

@Suite("CSV injection: formula starts are neutralised on export and restored on import")
struct CSVInjectionTests {
    @Test("cells starting with = + - @ tab or CR get a leading ', except a lone - and plain numbers")
    func neutralise() {
        #expect(CSV.neutralised("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        #expect(CSV.neutralised("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0")
        #expect(CSV.neutralised("-2+3") == "'-2+3")
        #expect(CSV.neutralised("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.neutralised("\t=1") == "'\t=1")
        #expect(CSV.neutralised("\r=1") == "'\r=1")
        #expect(CSV.neutralised("-") == "-")
        #expect(CSV.neutralised("-5") == "-5")
        #expect(CSV.neutralised("+3.25") == "+3.25")
        #expect(CSV.neutralised("0571-87654321") == "0571-87654321")
        #expect(CSV.neutralised("阳光小区") == "阳光小区")
        #expect(CSV.neutralised("'abc") == "'abc")
        #expect(CSV.neutralised("'=x") == "''=x")
    }

    @Test("neutralise then unneutralise gives back every value")
    func roundTrip() {
        let values = ["", "-", "'", "''", "'''=", "=1", "'=1", "''=1", "-5", "'-5", "-x", "+", "@", "@@", "\t", "'\t", "abc", "'abc",
                      "=A1+B1", "+86 138 0000 1234", "-3.5e2", "'@x", "名称", "'名称"]
        for v in values {
            #expect(CSV.unneutralised(CSV.neutralised(v)) == v, "\(v.debugDescription) → \(CSV.neutralised(v).debugDescription)")
            let line = CSV.spreadsheetLine([v, "x"])
            let first = line.first.map(String.init) ?? ""
            #expect(!["=", "+", "@", "\t", "\r"].contains(first) || v == "", "\(line.debugDescription)")
        }
    }

    @Test("the importer drops the one ' and refuses rows with control characters, naming the column")
    func mapper() throws {
        let table = TextTableData(rows: [["小区名称", "所属街道", "备注"],
                                         ["'=HYPERLINK(1)", "城关街道", "'-备注"],
                                         ["好小区\u{1B}]0;x\u{07}", "城关街道", ""],
                                         [String(repeating: "长", count: 101), "城关街道", ""],
                                         ["正常", "城关街道", "多行\n备注"]], lines: [1, 2, 3, 4, 5])
        let mapper = ImportMapper(file: "x.csv", kind: .communities, overrides: [:], update: false, today: Day("2026-11-30")!)
        let mapped = try mapper.map(table)
        let names = mapped.batch.communities.map(\.fields.name)
        #expect(names == ["=HYPERLINK(1)", "正常"])
        #expect(mapped.batch.communities.first?.fields.note == "-备注")
        #expect(mapped.rejected.map(\.line) == [3, 4])
        #expect(mapped.rejected.first?.reason.contains("小区名称") == true)
        #expect(mapped.rejected.first?.reason.contains("U+001B") == true)
        #expect(mapped.rejected.last?.reason.contains("100") == true)
    }
}
