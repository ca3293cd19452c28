import Foundation
import GridCore

/// RFC 4180 CSV (and TSV): quoted fields with embedded delimiters, quotes ("") and newlines; CRLF or LF;
/// with or without a final newline.
public enum CSV {
    /// One CSV line: fields quoted when they hold the delimiter, quotes or line breaks.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { f in
            f.contains(delimiter) || f.contains("\"") || f.contains("\n") || f.contains("\r")
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: String(delimiter))
    }
}
