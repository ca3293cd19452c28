import Foundation

/// A cell reference such as `C12`, read with Excel's limits and without arithmetic that can overflow:
/// at most three letters and seven digits are ever combined.
enum CellReference {
    enum Problem: Error { case notAReference, columnTooFar, rowTooFar }

    /// `C12` → (3, 12).
    static func parse(_ ref: String, limits: SheetLimits) -> Result<(column: Int, row: Int), Problem> {
        var column = 0, row = 0, letters = 0, digits = 0
        for u in ref.utf8 {
            switch u {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0 else { return .failure(.notAReference) }
                letters += 1
                guard letters <= 3 else { return .failure(.columnTooFar) }
                column = column * 26 + Int((u & 0xDF) - 64)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0 else { return .failure(.notAReference) }
                digits += 1
                guard digits <= 7 else { return .failure(.rowTooFar) }
                row = row * 10 + Int(u - 48)
            default:
                return .failure(.notAReference)
            }
        }
        guard letters > 0, digits > 0, row > 0 else { return .failure(.notAReference) }
        guard column <= limits.maxColumns else { return .failure(.columnTooFar) }
        guard row <= limits.maxRows else { return .failure(.rowTooFar) }
        return .success((column, row))
    }

    /// What is wrong with `ref`, for a message.
    static func explain(_ ref: String, _ problem: Problem, limits: SheetLimits) -> String {
        let shown = ref.count > 40 ? String(ref.prefix(40)) + "…" : ref
        switch problem {
        case .notAReference: return "“\(shown)” is not a cell reference (letters then a row number, like C12)"
        case .columnTooFar: return "cell “\(shown)” is beyond Excel's last column XFD (\(limits.maxColumns.grouped))"
        case .rowTooFar: return "cell “\(shown)” is beyond Excel's last row \(limits.maxRows.grouped)"
        }
    }
}
