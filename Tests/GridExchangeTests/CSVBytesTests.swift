import Foundation
import GridCore
import Testing
@testable import GridExchange

/// The byte-level CSV parse (the fast path for Chinese and ASCII sheets) gives exactly what the character parse
/// gives — rows, lines and refusals — and leaves text it cannot read exactly to the character parse.
@Suite("CSV read byte by byte equals CSV read character by character")
struct CSVBytesTests {
    /// Either the table or the refusal, to compare both ways of reading.
    func read(_ text: String, bytes: Bool, limits: SheetLimits) -> String {
        do throws(GridError) {
            let table = bytes ? try CSV.parseBytes(text, delimiter: ",", file: "包保.csv", limits: limits)
                : try CSV.parseCharacters(text, delimiter: ",", file: "包保.csv", limits: limits)
            guard let table else { return "not read byte by byte" }
            return zip(table.lines, table.rows).map { "\($0.0): \($0.1.joined(separator: "¦"))" }.joined(separator: "\n")
        } catch {
            return "refused: \(error.description)"
        }
    }

    @Test("thousands of random sheets of quotes, delimiters, CR, LF, CRLF, ideographs and full-width forms read the same")
    func randomSheets() {
        let pieces = [",", "\"", "\"\"", "\r", "\n", "\r\n", "阳光", "小区", "（一期）", "ＡＢＣ", "a", "1", " ", "、", "\t", "　", "ー", "—", "·", "“", "é", "…"]
        var limits = SheetLimits()
        limits.maxCellCharacters = 12
        limits.maxColumns = 6
        limits.maxRows = 9
        var seed: UInt64 = 2026
        for round in 0..<4000 {
            var text = ""
            for _ in 0..<(round % 40) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            let small = round % 2 == 0 ? limits : SheetLimits()
            let fast = read(text, bytes: true, limits: small)
            #expect(fast != "not read byte by byte", "\(text.debugDescription)")
            #expect(fast == read(text, bytes: false, limits: small), "\(text.debugDescription)")
        }
    }

    @Test("text a byte can misread — combining marks after a delimiter, other scripts, emoji — is left to the character parse")
    func leftToCharacters() throws {
        for text in ["a,\u{301}b\n", "\"\u{301},x\n", "e\u{301},ü\n", "小区,👍\n", "ア\u{3099},b\n", "\u{FEFF}名称\n", "a,\u{200D}b\n"] {
            #expect(read(text, bytes: true, limits: SheetLimits()) == "not read byte by byte", "\(text.debugDescription)")
            let table = try CSV.parse(text, file: "x.csv")
            #expect(read(text, bytes: false, limits: SheetLimits()) == zip(table.lines, table.rows)
                .map { "\($0.0): \($0.1.joined(separator: "¦"))" }.joined(separator: "\n"))
        }
    }
}
