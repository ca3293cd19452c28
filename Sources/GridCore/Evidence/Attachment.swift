import Crypto

/// What an attachment shows: the problem as found (整改前), the place after rectification (整改后), or a document
/// (材料: a rectification report, a signed slip).
public enum AttachmentKind: String, CaseIterable, Sendable {
    case before, after, doc

    /// Chinese label, as notices print it.
    public var zh: String {
        switch self {
        case .before: "整改前"
        case .after: "整改后"
        case .doc: "材料"
        }
    }

    /// The types this kind accepts: photos for before/after, photos or PDF for documents.
    public var accepts: [EvidenceType] {
        self == .doc ? EvidenceType.allCases : EvidenceType.allCases.filter(\.isImage)
    }

    /// The kind named on the command line (code or Chinese label), or an error listing them.
    public static func parse(_ text: String) throws(GridError) -> AttachmentKind {
        if let k = allCases.first(where: { $0.rawValue == text || $0.zh == text }) { return k }
        throw .invalidInput("--kind \(text) is not an attachment kind; use before (整改前), after (整改后) or doc (材料)")
    }
}

/// A file type civgrid stores, told by the file's first bytes (its magic number), never by its name.
public enum EvidenceType: String, CaseIterable, Sendable {
    case jpeg, png, webp, heic, pdf

    /// The media type recorded and used in `data:` URIs.
    public var mime: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .heic: "image/heic"
        case .pdf: "application/pdf"
        }
    }

    /// Whether this is a photo.
    public var isImage: Bool { self != .pdf }

    /// Whether common browsers draw it in an `<img>` (HEIC, the iPhone's format, they do not).
    public var showsInBrowser: Bool { self == .jpeg || self == .png || self == .webp }

    /// The type of a stored media type.
    public init?(mime: String) {
        guard let t = EvidenceType.allCases.first(where: { $0.mime == mime }) else { return nil }
        self = t
    }

    /// The type `bytes` start like, or nil. JPEG: FF D8 FF; PNG: its 8-byte signature; WebP: `RIFF····WEBP`; HEIC: an
    /// ISO-BMFF `ftyp` box of a HEIF brand; PDF: `%PDF-`.
    public static func sniff<C: Collection>(_ bytes: C) -> EvidenceType? where C.Element == UInt8 {
        let head = Array(bytes.prefix(16))
        func starts(_ sig: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + sig.count && Array(head[offset..<offset + sig.count]) == sig
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("ftyp".utf8), at: 4) {
            let brand = String(decoding: head.count >= 12 ? head[8..<12] : [], as: UTF8.self)
            if ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].contains(brand) { return .heic }
        }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// What `bytes` look like when they are none of the accepted types, for refusals (`an ELF program`, `HTML`).
    public static func describe(_ bytes: [UInt8]) -> String {
        let head = Array(bytes.prefix(512))
        func starts(_ s: String) -> Bool { head.starts(with: Array(s.utf8)) }
        if head.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "an ELF program" }
        if starts("MZ") { return "a Windows program" }
        if starts("#!") { return "a script" }
        if starts("PK\u{03}\u{04}") { return "a ZIP archive (or an Office file)" }
        if starts("GIF8") { return "a GIF image" }
        if starts("BM") { return "a BMP image" }
        if starts("SQLite format 3") { return "an SQLite database" }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        if text.contains("<svg") { return "an SVG image (it can carry scripts)" }
        if text.contains("<html") || text.contains("<!doctype") || text.contains("<script") { return "HTML" }
        return "of an unknown type (first bytes " + head.prefix(8).map { byte in
            let h = String(byte, radix: 16)
            return h.count == 1 ? "0" + h : h
        }.joined(separator: " ") + ")"
    }
}

/// A SHA-256 digest as 64 lowercase hex digits: an attachment's identity (stored once per digest) and what its case
/// event records, so a stored file cannot be swapped without `civgrid check` noticing.
public struct ContentDigest: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 64 hex digits.
    public let hex: String

    /// A digest from its hex text, or nil when it is not 64 lowercase hex digits.
    public init?(hex: String) {
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        self.hex = hex
    }

    /// The digest of `bytes`.
    public static func of(_ bytes: [UInt8]) -> ContentDigest {
        bytes.withUnsafeBytes { of(buffer: $0) }
    }

    /// The digest of the bytes in `buffer`.
    public static func of(buffer: UnsafeRawBufferPointer) -> ContentDigest {
        var hasher = SHA256()
        hasher.update(bufferPointer: buffer)
        let digits = Array("0123456789abcdef")
        var hex = ""
        hex.reserveCapacity(64)
        for b in hasher.finalize() {
            hex.append(digits[Int(b >> 4)])
            hex.append(digits[Int(b & 0x0F)])
        }
        return ContentDigest(hex: hex)!
    }

    /// The first 12 digits, as listings show it.
    public var short: String { String(hex.prefix(12)) }

    public var description: String { "sha256:\(hex)" }

    public static func < (a: ContentDigest, b: ContentDigest) -> Bool { a.hex < b.hex }
}

/// One file attached to a case, as stored; who and when come from its case event.
public struct Attachment: Hashable, Sendable {
    public var number: CaseNumber
    /// 1, 2, … in the order attached to this case (`civgrid case attachment NUMBER N`).
    public var index: Int
    public var kind: AttachmentKind
    public var type: EvidenceType
    public var size: Int
    public var digest: ContentDigest
    /// The file's name as it was attached (its last path component).
    public var fileName: String
    public var note: String
    public var attachedAt: Timestamp
    public var attachedBy: String

    /// Creates an attachment.
    public init(number: CaseNumber, index: Int, kind: AttachmentKind, type: EvidenceType, size: Int, digest: ContentDigest,
                fileName: String, note: String, attachedAt: Timestamp, attachedBy: String) {
        self.number = number
        self.index = index
        self.kind = kind
        self.type = type
        self.size = size
        self.digest = digest
        self.fileName = fileName
        self.note = note
        self.attachedAt = attachedAt
        self.attachedBy = attachedBy
    }

    /// What the attachment's case event says (`AttachmentEvent.reason`), recomputed from the stored row by `check`.
    public var eventReason: String {
        AttachmentEvent.reason(kind: kind, type: type, size: size, digest: digest, fileName: fileName, note: note)
    }
}

/// A file an operator asks to attach: its bytes as read, and what they said about it.
public struct AttachmentDraft: Sendable {
    public var kind: AttachmentKind
    /// The name to record: the file's last path component.
    public var fileName: String
    public var bytes: [UInt8]
    public var note: String
    /// The file as the operator named it (a path), for messages; the file name when not given.
    public var origin: String

    /// Creates a draft.
    public init(kind: AttachmentKind, fileName: String, bytes: [UInt8], note: String = "", origin: String? = nil) {
        self.kind = kind
        self.fileName = fileName
        self.bytes = bytes
        self.note = note
        self.origin = origin ?? fileName
    }
}

/// An attachment the store is to write: the bytes (stored once per digest), the row, and the case event that records
/// its digest on the audit chain.
public struct AttachmentFact: Sendable {
    public var number: CaseNumber
    public var kind: AttachmentKind
    public var type: EvidenceType
    public var digest: ContentDigest
    public var fileName: String
    public var note: String
    public var bytes: [UInt8]
    /// The `attach` event appended with it (its reason names the digest).
    public var event: CaseEvent

    /// Creates a fact.
    public init(number: CaseNumber, kind: AttachmentKind, type: EvidenceType, digest: ContentDigest, fileName: String, note: String,
                bytes: [UInt8], event: CaseEvent) {
        self.number = number
        self.kind = kind
        self.type = type
        self.digest = digest
        self.fileName = fileName
        self.note = note
        self.bytes = bytes
        self.event = event
    }

    /// The size in bytes.
    public var size: Int { bytes.count }
}

/// The `attach` case event: its action code and the reason text that carries the digest onto the audit chain.
public enum AttachmentEvent {
    /// The event's action code.
    public static let action = "attach"

    /// `整改后 sha256:<64 hex> 48213 B image/jpeg 「楼道.jpg」 — note`: every stored field of the attachment, so the chained
    /// event pins them all.
    public static func reason(kind: AttachmentKind, type: EvidenceType, size: Int, digest: ContentDigest, fileName: String,
                              note: String) -> String {
        "\(kind.zh) \(digest) \(size) B \(type.mime) 「\(fileName)」" + (note.isEmpty ? "" : " — \(note)")
    }
}
