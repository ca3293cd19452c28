/// The attachments of cases, read: listings (case detail, `case show`), the bytes by digest (`case attachment`, the
/// photos of notices and reports), and which cases share a file. A store keeps each file's bytes once per digest.
public protocol AttachmentReading: Sendable {
    /// A case's attachments in the order attached (empty when none or no such case).
    func attachments(of number: CaseNumber) throws(GridError) -> [Attachment]
    /// The attachments of many cases at once (notices, reports), keyed by case; cases without any are left out.
    func attachments(of numbers: [CaseNumber]) throws(GridError) -> [CaseNumber: [Attachment]]
    /// The bytes stored under `digest`, or nil when none are.
    func attachmentContent(_ digest: ContentDigest) throws(GridError) -> [UInt8]?
    /// Cases holding a file with `digest`, by number (a photo attached to several cases shows on each).
    func cases(holding digest: ContentDigest) throws(GridError) -> [CaseNumber]
    /// The cases most recently given an attachment, newest first, at most `limit` (the report's photo section).
    func recentlyAttachedCases(limit: Int) throws(GridError) -> [CaseNumber]
}
