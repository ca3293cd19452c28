import Foundation
import GridCore
@testable import GridExchange

/// Maps sheets the way `civgrid import` does: CSV text, GBK bytes, or an XLSX written by the project's writer.
enum OfficeSheet {
    static let today = Day("2026-11-30")!

    static func mapper(kind: ImportKind? = nil, maps: [String] = []) throws -> ImportMapper {
        ImportMapper(file: "t.csv", kind: kind, overrides: try ImportMapper.overrides(maps), update: false, today: today)
    }

    static func csv(_ text: String, kind: ImportKind? = nil, maps: [String] = []) throws -> MappedImport {
        try mapper(kind: kind, maps: maps).map(try CSV.parse(text, file: "t.csv"))
    }

    /// The text saved as GBK (what Chinese Excel writes for “CSV”), decoded as the importer decodes files.
    static func gbk(_ text: String, kind: ImportKind? = nil, maps: [String] = []) throws -> MappedImport {
        let data = try require(TextDecoding.encodeGB18030(text))
        let (decoded, _) = try TextDecoding.decode(data, file: "t.csv")
        return try mapper(kind: kind, maps: maps).map(try CSV.parse(decoded, file: "t.csv"))
    }

    /// The same rows as an .xlsx workbook (first row the header), read back by the XLSX reader.
    static func xlsx(_ text: String, kind: ImportKind? = nil, maps: [String] = []) throws -> MappedImport {
        let rows = try CSV.parse(text, file: "t.csv").rows
        let data = try XLSXWriter.data(sheetName: "Sheet1", headers: rows[0], rows: Array(rows.dropFirst()))
        return try mapper(kind: kind, maps: maps).map(try XLSXReader.read(data: data, sheet: nil, file: "t.xlsx"))
    }

    /// A committed fixture under Fixtures/.
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// `#require` outside a test function.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw GridError.invalidInput("missing value") }
    return value
}
