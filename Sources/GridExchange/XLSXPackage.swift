import Foundation
import GridCore
import ZIPFoundation

/// The zip container of an .xlsx, read part by part under `SheetLimits`: a part is refused before
/// inflating when the zip directory says it is too large or compressed suspiciously well, and inflating
/// stops as soon as it produces more than the directory said (a lying zip) — so a zip bomb costs
/// at most the limit, never the machine.
final class XLSXPackage {
    let archive: Archive
    let file: String
    let limits: SheetLimits
    /// Bytes inflated so far, all parts together (tests check that a bomb stops early).
    private(set) var inflated = 0

    /// Opens the file at `url`. The archive is always read from a file: ZIPFoundation's in-memory mode traps
    /// on a zip whose offsets point past its end (found by FuzzXLSX), its file mode reads short and throws.
    init(url: URL, file: String, limits: SheetLimits) throws(GridError) {
        self.file = file
        self.limits = limits
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .invalidInput("\(file): not a readable .xlsx (the zip container is broken); open it in Excel or WPS and save it again")
        }
    }

    /// Opens bytes already read, through a private temporary file that is gone once the archive has it open.
    convenience init(data: Data, file: String, limits: SheetLimits) throws(GridError) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("civgrid-xlsx-\(UUID().uuidString).zip")
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw .invalidInput("\(file): cannot write a temporary copy to read it (\(url.deletingLastPathComponent().path) not writable)")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        try self.init(url: url, file: file, limits: limits)
    }

    /// A part's bytes, or nil when the workbook has no such part.
    func part(_ path: String) throws(GridError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.type == .file else { throw refused(path, "is not a file inside the zip") }
        let declared = entry.uncompressedSize
        let compressed = max(entry.compressedSize, 1)
        guard declared <= UInt64(limits.maxPartBytes) else {
            throw refused(path, "would inflate to \(Int(clamping: declared).megabytes), over the limit of \(limits.maxPartBytes.megabytes) per part")
        }
        let size = Int(declared)
        guard inflated + size <= limits.maxInflatedBytes else {
            throw refused(path, "would bring the workbook to \((inflated + size).megabytes) inflated, over the limit of \(limits.maxInflatedBytes.megabytes)")
        }
        if size > limits.ratioExemptBytes && declared / compressed > UInt64(limits.maxCompressionRatio) {
            throw refused(path, "is compressed \(declared / compressed):1 (\(Int(clamping: compressed).megabytes) → \(size.megabytes)), "
                + "more than \(limits.maxCompressionRatio):1 — this is how zip bombs look, not spreadsheets")
        }
        var out = Data()
        out.reserveCapacity(size) // exact: growth by doubling would hold two copies at once
        var overflow = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if out.count + chunk.count > size {
                    overflow = true
                    throw CocoaError(.fileReadTooLarge)
                }
                out.append(chunk)
            }
        } catch {
            inflated += out.count
            if overflow {
                throw refused(path, "inflates to more than the \(size.grouped) bytes its zip directory declares — the zip is forged or damaged")
            }
            throw refused(path, "is damaged (\(error))")
        }
        inflated += out.count
        return out
    }

    func refused(_ path: String, _ what: String) -> GridError {
        .invalidInput("\(file): part \(path) of the .xlsx \(what); nothing was imported — open the file in Excel or WPS and save it again")
    }
}
