import Foundation
import GridCore

/// Reads a sheet file (CSV, TSV or XLSX) into rows, whatever its encoding.
public enum SheetReader {
    /// The rows with their line numbers, and a description of the format (for the summary).
    public static func read(path: String, sheet: String?) throws(GridError) -> (table: TextTableData, format: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidInput("cannot read \(path): no such file or no permission")
        }
        guard !data.isEmpty else { throw .invalidInput("\(path) is empty") }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || path.lowercased().hasSuffix(".xlsx") {
            return (try XLSXReader.read(data: data, sheet: sheet, file: path), "XLSX")
        }
        let (text, encoding) = try TextDecoding.decode(data, file: path)
        let tsv = path.lowercased().hasSuffix(".tsv") || path.lowercased().hasSuffix(".tab")
        return (try CSV.parse(text, delimiter: tsv ? "\t" : nil, file: path), "\(tsv ? "TSV" : "CSV"), \(encoding.rawValue)")
    }
}
