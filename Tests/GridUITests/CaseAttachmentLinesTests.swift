import GridCore
@testable import GridUI
import Testing

@Suite("Case detail: attachment lines")
struct CaseAttachmentLinesTests {
    func attachment(_ index: Int, _ kind: AttachmentKind, name: String) -> GridCore.Attachment {
        GridCore.Attachment(number: CaseNumber(year: 2026, sequence: 7), index: index, kind: kind, type: .jpeg, size: 2_400_000,
                   digest: ContentDigest.of([UInt8(index)]), fileName: name, note: "", attachedAt: Timestamp(millis: 0), attachedBy: "zhangwei")
    }

    @Test("no attachments, no lines: a case without evidence reads as before")
    func none() {
        #expect(CaseAttachmentLines.lines([], offsetSeconds: 8 * 3600, room: 24).isEmpty)
    }

    @Test("a count by kind, then one line per file with kind, type, size, who, when, short hash and name; fewer on a short screen")
    func listed() {
        let list = [attachment(1, .before, name: "楼道（东）整改前.jpg"), attachment(2, .after, name: "after.jpg"), attachment(3, .doc, name: "方案.jpg")]
        let tall = CaseAttachmentLines.lines(list, offsetSeconds: 8 * 3600, room: 40)
        #expect(tall.count == 4)
        #expect(tall[0].0.contains("附件 attachments (3: 整改前 1 · 整改后 1 · 材料 1)"))
        #expect(tall[1].0 == "#1 整改前 JPEG 2.3 MB zhangwei 1970-01-01 08:00 \(ContentDigest.of([1]).short) 「楼道（东）整改前.jpg」")
        let short = CaseAttachmentLines.lines(list, offsetSeconds: 0, room: 12)
        #expect(short.count == 1, "at 12 rows only the count shows, leaving room for the timeline")
    }
}
