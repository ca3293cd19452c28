import Foundation
import Testing
@testable import GridExchange

/// Hostile spreadsheets through the real `civgrid import` (and `--dry-run`): a clear message, exit 2, and the
/// database byte for byte as it was — nothing partial is ever written.
@Suite("civgrid import refuses hostile files whole", .serialized)
struct HostileImportCLITests {
    static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("civgrid")
    }

    func run(_ folder: URL, _ args: [String]) throws -> (code: Int32, err: String) {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.environment = ["LANG": "C.UTF-8", "TZ": "Asia/Shanghai", "HOME": folder.path, "PATH": "/usr/bin:/bin",
                         "CIVGRID_DB": folder.appendingPathComponent("grid.sqlite").path, "CIVGRID_LOGIN": "admin",
                         "CIVGRID_NOW": "2026-11-30T02:00:00.000Z", "SWIFT_BACKTRACE": "enable=no"]
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let header = ["小区名称", "所属街道", "责任单位"]

    static func rows(_ n: Int) -> [String] {
        (1...n).map { "<row r=\"\($0 + 1)\"><c r=\"A\($0 + 1)\" t=\"inlineStr\"><is><t>小区\($0)</t></is></c>"
            + "<c r=\"B\($0 + 1)\" t=\"inlineStr\"><is><t>城关街道</t></is></c></row>\n" }
    }

    static var goodTop: String {
        "<worksheet><sheetData>\n<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>小区名称</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>所属街道</t></is></c></row>\n"
    }

    static func cases() throws -> [(String, Data, String)] {
        let whole = goodTop + rows(30).joined() + "</sheetData></worksheet>"
        var broken = rows(30)
        broken[18] = "<row r=\"20\"><c r=\"A20\"><v>1</x></c></row>\n"
        let sst = "<sst><si><t>\(String(repeating: "丽", count: 32_000))</t></si></sst>"
        let bomb = (1...5_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>0</v></c></row>" }.joined()
        let wide = (1...600).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()
        return [
            ("overflow.xlsx", try WorkbookFixture(sheet: goodTop + "<row r=\"2\"><c r=\"ZZZZZZZZZZZZZZZZ2\"><v>1</v></c></row></sheetData></worksheet>").data(),
             "beyond Excel's last column XFD"),
            ("cjk-ref.xlsx", try WorkbookFixture(sheet: goodTop + "<row r=\"2\"><c r=\"中中中中中中2\"><v>1</v></c></row></sheetData></worksheet>").data(),
             "is not a cell reference"),
            ("cut.xlsx", try WorkbookFixture(sheet: String(whole.prefix(whole.count / 2))).data(), "xl/worksheets/sheet1.xml line"),
            ("row20.xlsx", try WorkbookFixture(sheet: goodTop + broken.joined() + "</sheetData></worksheet>").data(),
             "xl/worksheets/sheet1.xml line 21"),
            ("dtd.xlsx", try WorkbookFixture(sheet: "<!DOCTYPE w [<!ENTITY a \"小区\">]>" + whole).data(), "document type declaration"),
            ("sst-bomb.xlsx", try WorkbookFixture(sheet: "<worksheet><sheetData>\(bomb)</sheetData></worksheet>", shared: sst).data(), "MB of text"),
            ("wide.xlsx", try WorkbookFixture(sheet: "<worksheet><sheetData>\(wide)</sheetData></worksheet>").data(), "cells (rows × columns)"),
            ("zip-bomb.xlsx", try WorkbookFixture(sheet: goodTop + String(repeating: " ", count: 20 << 20) + "</sheetData></worksheet>").data(),
             "zip bombs"),
            ("columns.csv", Data(("小区名称,所属街道\n阳光小区,城关街道\n" + String(repeating: ",", count: 1_000_000) + "\n").utf8), "16,384 columns"),
        ]
    }

    @Test("each hostile class: exit 2 with its message, on a real run and on --dry-run, and the database unchanged")
    func refusedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civgrid-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(folder, ["init", "--office", "城关县三创办"]).code == 0)
        let db = folder.appendingPathComponent("grid.sqlite")
        let before = try Data(contentsOf: db)
        for (name, data, message) in try Self.cases() {
            let file = folder.appendingPathComponent(name)
            try data.write(to: file)
            for args in [["import", file.path], ["import", "--dry-run", file.path]] {
                let r = try run(folder, args)
                #expect(r.code == 2, "\(name) \(args): exit \(r.code) \(r.err)")
                #expect(r.err.contains(message), "\(name): \(r.err)")
            }
            #expect(try Data(contentsOf: db) == before, "\(name) changed the database")
            let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("rejected") }
            #expect(written.isEmpty, "\(name) wrote \(written)")
        }
    }
}
