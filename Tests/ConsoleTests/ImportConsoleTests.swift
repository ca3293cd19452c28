import Foundation
import GridCore
import Testing
import TerminalKit
import ZIPFoundation
@testable import GridApp

/// `:import` of a hostile file inside the console: the import runs on its own thread, so a file that once crashed
/// the reader (and with it the console) must end as a clear failure on the status line, write nothing, and leave
/// the console answering keys.
@Suite("Console import of hostile files", .serialized)
struct ImportConsoleTests {
    static let header = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>小区名称</t></is></c>"
        + "<c r=\"B1\" t=\"inlineStr\"><is><t>所属街道</t></is></c></row>"

    /// A one-sheet workbook whose sheet XML is `sheet`.
    static func workbook(_ sheet: String) throws -> Data {
        let parts: [(String, String)] = [
            ("xl/workbook.xml", #"<workbook xmlns:r="r"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let d = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate) { p, s in
                d.subdata(in: Int(p)..<Int(p) + s)
            }
        }
        return try #require(archive.data)
    }

    static let files: [(String, String)] = [
        ("overflow.xlsx", "ZZZZZZZZZZZZZZZZ2"),
        ("cjk-ref.xlsx", "中中中中中中2"),
        ("cut.xlsx", ""),
        ("wide.csv", ""),
    ]

    static func contents(_ name: String, _ ref: String) throws -> Data {
        switch name {
        case "cut.xlsx":
            // The sheet XML cut in the middle of a row: the rows before the damage must not be imported.
            return try workbook(header + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>恶意新村</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>城关")
        case "wide.csv":
            // More columns than Excel allows, on one line.
            return Data(("小区名称,所属街道" + String(repeating: ",x", count: 20_000) + "\n恶意新村,城关镇\n").utf8)
        default:
            return try workbook(header + "<row r=\"2\"><c r=\"\(ref)\"><v>1</v></c></row></sheetData></worksheet>")
        }
    }

    @Test("a hostile file ends as a failure on the status line; nothing is written; keys still work",
          arguments: files.map(\.0))
    func hostile(name: String) throws {
        let h = try ConsoleHarness()
        let file = h.folder.appendingPathComponent(name)
        try Self.contents(name, Self.files.first { $0.0 == name }!.1).write(to: file)
        let auditBefore = try h.store.latestAuditID()

        h.press([.char(":")])
        h.type("import \(file.path)")
        h.press([.enter])
        let deadline = Date().addingTimeInterval(20)
        while h.console.importJob != nil, Date() < deadline {
            h.console.pollImport()
            Thread.sleep(forTimeInterval: 0.02)
        }
        h.console.draw()

        #expect(h.console.importJob == nil, "the import ended")
        let message = try #require(h.console.state.message)
        #expect(message.isError)
        #expect(message.text.contains("导入失败"), "status line: \(message.text)")
        #expect(try h.store.latestAuditID() == auditBefore, "nothing written")
        #expect(try h.store.findNodes("恶意新村", levels: [.community]).isEmpty, "no row before the damage was imported")
        #expect(!FileManager.default.fileExists(atPath: file.path + ".rejected.csv"))

        // The console still answers: j moves the board cursor.
        let row = h.console.state.board.cursorRow
        h.press([.char("j")])
        #expect(h.console.state.board.cursorRow == row + 1)
    }
}
