import Foundation
import GridCore

/// The text encodings spreadsheets arrive in.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8", utf8BOM = "UTF-8 (BOM)", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", gb18030 = "GB18030"
}

/// Turns a file's bytes into text: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK (what Chinese
/// Excel writes for "CSV"). Anything else is refused with the byte offset of the first bad sequence.
public enum TextDecoding {
    /// The decoded text and the encoding found.
    public static func decode(_ data: Data, file: String) throws(GridError) -> (text: String, encoding: TextEncoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try utf8(Array(bytes.dropFirst(3)), file: file, offset: 3), .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let le = bytes[0] == 0xFF
            guard bytes.count % 2 == 0,
                  let text = String(data: Data(bytes.dropFirst(2)), encoding: le ? .utf16LittleEndian : .utf16BigEndian) else {
                throw .invalidInput("\(file): starts like UTF-16 but is cut short or broken; save it again as UTF-8 CSV")
            }
            return (text, le ? .utf16LE : .utf16BE)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw .invalidInput("\(file): byte offset \(nul) is a NUL byte — this is not a text file (for Excel files use .xlsx, or save as CSV)")
        }
        let utf8Error = firstInvalidUTF8(bytes)
        if utf8Error == nil { return (String(decoding: bytes, as: UTF8.self), .utf8) }
        switch gb18030(bytes) {
        case .success(let text): return (text, .gb18030)
        case .failure(let offset):
            throw .invalidInput("\(file): not UTF-8 (bad sequence at byte offset \(utf8Error!)), GB18030/GBK (bad at byte offset \(offset)) "
                + "or UTF-16; save it from Excel as “CSV UTF-8” and try again")
        }
    }

    static func utf8(_ bytes: [UInt8], file: String, offset: Int) throws(GridError) -> String {
        if let bad = firstInvalidUTF8(bytes) {
            throw .invalidInput("\(file): has a UTF-8 byte-order mark but an invalid UTF-8 sequence at byte offset \(bad + offset)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8<C: RandomAccessCollection>(_ b: C) -> Int? where C.Element == UInt8, C.Index == Int {
        var i = 0
        while i < b.count {
            let c = b[i]
            let need: Int
            switch c {
            case 0x00...0x7F: need = 0
            case 0xC2...0xDF: need = 1
            case 0xE0...0xEF: need = 2
            case 0xF0...0xF4: need = 3
            default: return i
            }
            guard i + need < b.count else { return i }
            for k in 1...max(1, need) where need > 0 {
                guard b[i + k] & 0xC0 == 0x80 else { return i }
            }
            if c == 0xE0 && b.count > i + 1 && b[i + 1] < 0xA0 { return i }
            if c == 0xED && b.count > i + 1 && b[i + 1] > 0x9F { return i }
            if c == 0xF0 && b.count > i + 1 && b[i + 1] < 0x90 { return i }
            if c == 0xF4 && b.count > i + 1 && b[i + 1] > 0x8F { return i }
            i += need + 1
        }
        return nil
    }

    enum Decoded { case success(String), failure(Int) }

    /// GB18030 (a superset of GBK and GB2312) through iconv; on failure, the byte offset where it stopped.
    static func gb18030(_ bytes: [UInt8]) -> Decoded {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { return .failure(0) }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let result: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count, outLeft = outBuf.count
                let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if rc == -1 || inLeft > 0 { return -(inBuf.count - inLeft) - 1 }
                return outBuf.count - outLeft
            }
        }
        if result < 0 { return .failure(-result - 1) }
        return .success(String(decoding: output.prefix(result), as: UTF8.self))
    }

    /// Encodes text as GB18030 (for `--encoding gb18030` exports).
    public static func encodeGB18030(_ text: String) -> Data? {
        let cd = iconv_open("GB18030", "UTF-8")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count, outLeft = outBuf.count
                guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 else { return -1 }
                return outBuf.count - outLeft
            }
        }
        return written < 0 ? nil : Data(output.prefix(written))
    }
}
