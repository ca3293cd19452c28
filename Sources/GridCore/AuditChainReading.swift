/// The newest entry of the audit chain (账本): its position and hash. Printed on every notice, report and backup,
/// so a document anchors the history it was made from; `civgrid check --anchor` proves later that history up to
/// that entry was not rewritten.
public struct AuditChainHead: Sendable, Equatable {
    /// The entry's position in the chain (1 for the first; 0 for an empty chain).
    public var seq: Int64
    /// The entry's SHA-256 hash, 64 lowercase hex digits.
    public var hash: String

    /// Creates a head.
    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// How many hex digits of the hash a printed anchor shows.
    public static let printedDigits = 12
    /// The fewest hex digits an anchor given to `check --anchor` may have.
    public static let minimumDigits = 8

    /// `#123456:3fa9c1d2e7b0`: the position and the hash's first twelve digits.
    public var anchor: String { "#\(seq):\(hash.prefix(AuditChainHead.printedDigits))" }

    /// `账本 #123456:3fa9c1d2e7b0`, the line printed on documents.
    public var label: String { "账本 \(anchor)" }

    /// Reads an anchor as printed (`账本 #N:HASH`, `#N:HASH` or `N:HASH`) into its position and hash prefix, or nil
    /// when it is not one (a hash prefix needs at least `minimumDigits` hex digits).
    public static func parseAnchor(_ text: String) -> (seq: Int64, prefix: String)? {
        var t = Substring(text.trimmingPrefix("账本").drop(while: { $0 == " " }))
        if t.first == "#" { t = t.dropFirst() }
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let seq = Int64(parts[0]), seq > 0 else { return nil }
        let prefix = parts[1].lowercased()
        guard prefix.count >= minimumDigits, prefix.count <= 64, prefix.allSatisfy({ $0.isHexDigit }) else { return nil }
        return (seq, prefix)
    }
}

/// Reading the audit chain's head (a store port; see `GridRepository`).
public protocol AuditChainReading: Sendable {
    /// The newest chain entry; seq 0 and a hash of zeros when nothing has been recorded.
    func auditChainHead() throws(GridError) -> AuditChainHead
}
