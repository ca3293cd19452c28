import Testing
import GridCore

@Suite("Text rules at entry: no control characters, sane lengths")
struct TextRulesTests {
    static let hostile: [UInt32] = Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
        + [0x061C, 0x200E, 0x200F, 0x2028, 0x2029] + Array(0x202A...0x202E) + Array(0x2066...0x2069)

    @Test("a name holding any control character is refused naming the field and the code, exit code 2")
    func controlsInNames() {
        for v in TextRulesTests.hostile {
            let name = "阳光\(Character(Unicode.Scalar(v)!))小区"
            #expect(throws: GridError.self) { try TextRules.checkName(name, field: "小区名称") }
            do { try TextRules.checkName(name, field: "小区名称") } catch {
                #expect(error.exitCode == 2)
                #expect(error.description.contains("小区名称"))
                #expect(error.description.contains("U+"))
            }
        }
        #expect(throws: Never.self) { try TextRules.checkName("阳光小区（一期）·A座 ①", field: "x") }
    }

    @Test("notes may hold line breaks and tabs, nothing else")
    func notes() throws {
        try TextRules.checkNote("第一行\n第二行\r\n\t缩进", field: "--note")
        #expect(throws: GridError.self) { try TextRules.checkNote("x\u{1B}]0;title\u{07}", field: "--note") }
        #expect(throws: GridError.self) { try TextRules.checkName("一\n二", field: "--name") }
    }

    @Test("names up to 100 characters, notes up to 2,000; a 10 MB name is refused at once")
    func lengths() throws {
        try TextRules.checkName(String(repeating: "名", count: 100), field: "n")
        #expect(throws: GridError.self) { try TextRules.checkName(String(repeating: "名", count: 101), field: "n") }
        try TextRules.checkNote(String(repeating: "字", count: 2_000), field: "n")
        #expect(throws: GridError.self) { try TextRules.checkNote(String(repeating: "字", count: 2_001), field: "n") }
        let clock = ContinuousClock()
        let huge = String(repeating: "a", count: 10_000_000)
        let took = clock.measure { #expect(throws: GridError.self) { try TextRules.checkName(huge, field: "n") } }
        #expect(took < .seconds(2))
    }

    @Test("a busy database is its own error with exit code 5")
    func busy() {
        #expect(GridError.busy("x is busy").exitCode == 5)
        #expect(GridError.database("x").exitCode == 4)
    }
}
