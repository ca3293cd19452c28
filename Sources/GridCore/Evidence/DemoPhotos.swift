/// Small generated images for the demo county and for tests: valid PNG files (stored, uncompressed deflate) and a
/// one-page PDF, different for every seed so each has its own SHA-256.
public enum DemoPhotos {
    /// A `width`×`height` RGB PNG: a littered scene (grey-brown with dark heaps) for before, a clean one (green and sky)
    /// for after; `seed` moves the shapes.
    public static func png(kind: AttachmentKind, seed: Int, width: Int = 48, height: Int = 36) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((width * 3 + 1) * height)
        for y in 0..<height {
            raw.append(0) // filter: none
            for x in 0..<width {
                raw += pixel(kind: kind, x: x, y: y, seed: seed, height: height)
            }
        }
        var ihdr = be32(width) + be32(height)
        ihdr += [8, 2, 0, 0, 0] // 8-bit, RGB, deflate, no filter, no interlace
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
    }

    /// A minimal one-page PDF naming the case (ASCII only).
    public static func pdf(title: String) -> [UInt8] {
        let text = title.unicodeScalars.filter { $0.isASCII && $0 != "(" && $0 != ")" && $0 != "\\" }.map(String.init).joined()
        let stream = "BT /F1 12 Tf 20 80 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 120] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets {
            let s = String(o)
            out += String(repeating: "0", count: 10 - s.count) + s + " 00000 n \n"
        }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    static func pixel(kind: AttachmentKind, x: Int, y: Int, seed: Int, height: Int) -> [UInt8] {
        let cx = 8 + (seed * 7) % 32, cy = height / 2 + (seed % 5) - 2
        let d = (x - cx) * (x - cx) + (y - cy) * (y - cy) * 2
        switch kind {
        case .after:
            if y < height / 3 { return [135, 190, 235] } // sky
            return [UInt8(60 + (x * 3 + seed) % 30), UInt8(150 + (y * 2) % 40), 70] // grass
        default:
            if d < 60 { return [UInt8(50 + (x + seed) % 20), 40, 30] } // the heap
            let n = UInt8((x * 13 + y * 7 + seed * 31) % 40)
            return [140 + n, 125 + n, 105 + n / 2]
        }
    }

    static func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(data.count) + body + be32(Int(crc32(body)))
    }

    /// Deflate with stored blocks (no compression) in a zlib wrapper.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65_535, data.count - i)
            out.append(i + n == data.count ? 1 : 0)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<i + n]
            i += n
        } while i < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + be32(Int(b << 16 | a))
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in data {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }
}
