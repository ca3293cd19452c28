/// A search hit: the node, and why it matched (the readings, when typed in pinyin).
public struct SearchHit: Hashable, Sendable {
    public var ref: NodeRef
    /// `yang guang x(iao) q(u)`; empty when the name was typed as written.
    public var reason: String

    /// Creates a hit.
    public init(ref: NodeRef, reason: String = "") {
        self.ref = ref
        self.reason = reason
    }
}

/// What one search found and what it cost: the hits shown, and how many names it looked at to find them (the
/// number the structural tests hold down — it grows with the hits, not with the names indexed).
public struct NameSearch: Sendable {
    public var hits: [SearchHit]
    /// Names confirmed or rejected by the matcher (candidates read from the posting lists, plus an exact lookup).
    public var examined: Int
}
