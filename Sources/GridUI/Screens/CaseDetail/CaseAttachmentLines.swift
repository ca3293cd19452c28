import GridCore
import GridPalette

/// The case detail's attachment lines: a count, then one line per file (kind, type, size, who, when, short hash, name)
/// — none at all for a case without attachments, and fewer when the screen is short (the count says how many).
enum CaseAttachmentLines {
    /// Lines for `attachments`, keeping at least half of `room` rows for the rest of the detail.
    static func lines(_ attachments: [Attachment], offsetSeconds: Int, room: Int) -> [(String, Role)] {
        guard !attachments.isEmpty else { return [] }
        let before = attachments.filter { $0.kind == .before }.count, after = attachments.filter { $0.kind == .after }.count
        let head = "附件 attachments (\(attachments.count): 整改前 \(before) · 整改后 \(after) · 材料 \(attachments.count - before - after))"
            + " — civgrid case attachment NUMBER N -o FILE"
        let shown = max(0, min(attachments.count, room / 2 - 8))
        return [(head, .header)] + attachments.prefix(shown).map { a in
            ("#\(a.index) \(a.kind.zh) \(a.type.rawValue.uppercased()) \(EvidenceRules.size(a.size)) \(a.attachedBy) "
                + "\(a.attachedAt.minuteText(offsetSeconds: offsetSeconds)) \(a.digest.short) 「\(a.fileName)」", Role.text)
        }
    }
}
