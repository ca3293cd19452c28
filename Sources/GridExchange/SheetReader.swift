import Foundation
import GridCore

/// Reads a sheet file (CSV, TSV or XLSX) into rows, whatever its encoding.
public enum SheetReader {
    /// The rows with their line numbers, and a description of the format (for the summary). A file beyond
    /// `limits` is refused whole with a message naming the limit.
    public static func read(path: String, sheet: String?, limits: SheetLimits = .standard) throws(GridError) -> (table: TextTableData, format: String) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limits.maxFileBytes else {
            throw .invalidInput("\(path) is \(size.megabytes), over the limit of \(limits.maxFileBytes.megabytes) for one sheet file; split it")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw .invalidInput("\(path) is a folder, not a sheet; name the .csv, .tsv, .txt or .xlsx file inside it")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .invalidInput("cannot read \(path): no such file or no permission")
        }
        let magic = (try? handle.read(upToCount: 4)) ?? nil
        try? handle.close()
        guard let magic, !magic.isEmpty else { throw .invalidInput("\(path) is empty") }
        if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || path.lowercased().hasSuffix(".xlsx") {
            return (try XLSXReader.read(url: URL(fileURLWithPath: path), sheet: sheet, file: path, limits: limits), "XLSX")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidInput("cannot read \(path): no such file or no permission")
        }
        return try read(data: data, path: path, sheet: sheet, limits: limits)
    }

    /// The same, from bytes already read (`path` names the file in messages and tells TSV from CSV).
    public static func read(data: Data, path: String, sheet: String?, limits: SheetLimits = .standard) throws(GridError) -> (table: TextTableData, format: String) {
        guard !data.isEmpty else { throw .invalidInput("\(path) is empty") }
        guard data.count <= limits.maxFileBytes else {
            throw .invalidInput("\(path) is \(data.count.megabytes), over the limit of \(limits.maxFileBytes.megabytes) for one sheet file; split it")
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || path.lowercased().hasSuffix(".xlsx") {
            return (try XLSXReader.read(data: data, sheet: sheet, file: path, limits: limits), "XLSX")
        }
        // A text sheet has one table: a sheet name would otherwise be dropped without a word (a wrong file named?).
        if let sheet {
            throw .invalidInput("--sheet \(sheet): \(path) is a text sheet (CSV/TSV) with a single table; --sheet picks a sheet of an .xlsx — leave it out")
        }
        let (text, encoding) = try TextDecoding.decode(data, file: path)
        let tsv = path.lowercased().hasSuffix(".tsv") || path.lowercased().hasSuffix(".tab")
        return (try CSV.parse(text, delimiter: tsv ? "\t" : nil, file: path, limits: limits), "\(tsv ? "TSV" : "CSV"), \(encoding.rawValue)")
    }
}
