/// What `civgrid check` asks of every stored attachment, the same for every store: its bytes are present and still
/// hash to the digest, and its row says exactly what its chained `attach` case event recorded. The store streams rows;
/// this decides what is wrong and says so.
public enum EvidenceCheck {
    /// Longest file name recorded, in characters.
    public static let nameLimit = 200

    /// The `attach` event an attachment row points at, as stored.
    public struct StoredEvent: Hashable, Sendable {
        /// The case the event belongs to.
        public var number: CaseNumber
        public var action: String
        public var reason: String

        /// Creates a stored event.
        public init(number: CaseNumber, action: String, reason: String) {
            self.number = number
            self.action = action
            self.reason = reason
        }
    }

    /// The bytes stored for a digest, measured: their length and their SHA-256 recomputed now.
    public struct StoredBytes: Hashable, Sendable {
        public var size: Int
        public var digest: ContentDigest

        /// Creates a measurement.
        public init(size: Int, digest: ContentDigest) {
            self.size = size
            self.digest = digest
        }
    }

    /// The problems of one attachment (empty when sound). `event` is nil when the row's event is gone; `stored` is nil
    /// when no bytes are stored under its digest.
    public static func problems(_ a: Attachment, event: StoredEvent?, stored: StoredBytes?) -> [String] {
        let name = "attachment: case \(a.number) #\(a.index) (\(a.kind.zh) 「\(a.fileName)」, sha256 \(a.digest.short))"
        var found: [String] = []
        if let event {
            if event.number != a.number {
                found.append("\(name) points at a case event of case \(event.number): the row was re-pointed; restore a backup that passes check")
            } else if event.action != AttachmentEvent.action || event.reason != a.eventReason {
                found.append("\(name) differs from what its chained case event recorded (“\(event.reason)”): the row was edited after it "
                    + "was written; restore a backup that passes check")
            }
        } else {
            found.append("\(name) has no case event recording it (it was added behind civgrid's back, or its event was deleted); "
                + "restore a backup that passes check")
        }
        if let stored {
            if stored.digest != a.digest || stored.size != a.size {
                found.append("\(name): the stored file no longer matches the hash its case event recorded (now sha256 \(stored.digest.short), "
                    + "\(stored.size) B): it was replaced or damaged; restore a backup that passes check")
            }
        } else {
            found.append("\(name): the stored file is missing (deleted); restore a backup that passes check")
        }
        return found
    }

    /// An `attach` event with no attachment row: the evidence it recorded was removed.
    public static func orphanEvent(_ event: StoredEvent, eventID: Int64) -> String {
        "attachment: case event #\(eventID) of case \(event.number) recorded an attachment (“\(event.reason)”) but its row is missing "
            + "(deleted); restore a backup that passes check"
    }

    /// `U+0007`, for messages about a forbidden character.
    public static func code(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
