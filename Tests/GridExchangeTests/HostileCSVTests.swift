import Foundation
import GridCore
import Testing
@testable import GridExchange

/// Issue 11 §6 for CSV: Excel's column and row limits and its cell length, checked as the parser goes, so a
/// hostile line stops at the limit instead of being read whole.
@Suite("Hostile CSV files are refused at the limit")
struct HostileCSVTests {
    func message(_ text: String, limits: SheetLimits = .standard) -> String {
        do {
            let t = try CSV.parse(text, file: "h.csv", limits: limits)
            Issue.record("read \(t.rows.count) rows instead of refusing")
            return ""
        } catch {
            return error.description
        }
    }

    @Test("a line with a million columns is refused at column 16,385, naming the line")
    func millionColumns() {
        let line = String(repeating: ",", count: 1_000_000)
        let m = message("小区名称,所属街道\n阳光小区,城关街道\n" + line + "\n")
        #expect(m.contains("h.csv:3: the row has more than 16,384 columns"), "\(m)")
        let ok = try? CSV.parse(String(repeating: "a,", count: 16_383) + "a\n", file: "h.csv")
        #expect(ok?.rows.first?.count == 16_384, "Excel's own maximum is read")
    }

    @Test("more rows than Excel's limit are refused at the row past it")
    func tooManyRows() {
        var limits = SheetLimits()
        limits.maxRows = 100
        let m = message(String(repeating: "a,b\n", count: 1_000), limits: limits)
        #expect(m.contains("h.csv:101: the file has more than 100 rows"), "\(m)")
        limits = SheetLimits()
        limits.maxCells = 1_000
        #expect(message(String(repeating: "a,b,c,d\n", count: 1_000), limits: limits).contains("h.csv:251: the file has more than 1,000 cells"))
    }

    @Test("a field longer than Excel's cell limit is refused; an unclosed quote is named where it opened")
    func longFields() {
        let long = String(repeating: "长", count: 32_800)
        #expect(message("a,b\n1,\(long)\n").contains("h.csv:2: a field is longer than 32,767 characters"))
        let unclosed = "a,b\n1,\"oops\n" + String(repeating: "阳光小区,城关街道\n", count: 10_000)
        let m = message(unclosed)
        #expect(m.contains("h.csv:2:") && m.contains("is a closing \" missing?"), "\(m)")
        #expect((try? CSV.parse("a\n" + String(repeating: "长", count: 32_767) + "\n", file: "h.csv"))?.rows.count == 2)
    }

    @Test("a file over the size limit is refused before it is read")
    func fileSize() throws {
        var limits = SheetLimits()
        limits.maxFileBytes = 10
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).csv")
        try Data("小区名称,所属街道\n阳光小区,城关街道\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try SheetReader.read(path: url.path, sheet: nil, limits: limits)
        } throws: { ($0 as? GridError)?.description.contains("over the limit of 10 bytes") == true }
    }
}
