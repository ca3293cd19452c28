import Foundation

/// The most a sheet file may ask of the reader. A file beyond any limit is refused whole, before anything is
/// written, with a message naming the limit — so a hostile or broken file costs seconds and megabytes, not
/// the machine. Rows and columns are Excel's own limits; a cell's text is Excel's own limit too.
public struct SheetLimits: Sendable {
    /// Excel's last column, XFD.
    public var maxColumns = 16_384
    /// Excel's last row.
    public var maxRows = 1_048_576
    /// Rows × columns as read (trailing empty cells do not count).
    public var maxCells = 4_194_304
    /// Characters (UTF-16 units, as Excel counts) in one cell.
    public var maxCellCharacters = 32_767
    /// UTF-8 bytes of all cell text together, counting a shared string once per cell that uses it.
    public var maxTextBytes = 128 << 20
    /// The file on disk.
    public var maxFileBytes = 200 << 20
    /// One part of an .xlsx after inflating.
    public var maxPartBytes = 200 << 20
    /// All parts of an .xlsx read, after inflating.
    public var maxInflatedBytes = 250 << 20
    /// Inflated ÷ compressed size allowed for a part larger than `ratioExemptBytes`.
    public var maxCompressionRatio = 100
    /// Parts up to this size inflated may have any ratio (small parts of real files compress very well).
    public var ratioExemptBytes = 1 << 20
    /// Entries in the shared-string table.
    public var maxSharedStrings = 2_000_000

    /// The limits used by `civgrid import`.
    public static let standard = SheetLimits()

    /// Creates the standard limits; tests lower single ones.
    public init() {}
}

extension Int {
    /// `1,048,576`: limits and counts in messages.
    var grouped: String {
        let digits = Array(String(self.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (self < 0 ? "-" : "") + out
    }

    /// `200 MB`: sizes in messages (any size: a forged zip may declare 2⁶³ bytes — FuzzXLSX found the overflow).
    var megabytes: String {
        self >= 1 << 20 ? "\((self / (1 << 20) + (self % (1 << 20) >= 1 << 19 ? 1 : 0)).grouped) MB" : "\(self.grouped) bytes"
    }
}
