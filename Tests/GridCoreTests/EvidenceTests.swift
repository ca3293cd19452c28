@testable import GridCore
import Testing

@Suite("Evidence: file types, digests, rules and the after-photo step")
struct EvidenceTests {
    static let samples: [(String, [UInt8], EvidenceType?)] = [
        ("JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] + Array("JFIF".utf8), .jpeg),
        ("PNG", DemoPhotos.png(kind: .after, seed: 1), .png),
        ("WebP", Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8), .webp),
        ("HEIC", [0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0], .heic),
        ("PDF", DemoPhotos.pdf(title: "plan"), .pdf),
        ("ELF named .jpg", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], nil),
        ("HTML", Array("<!DOCTYPE html><script>alert(1)</script>".utf8), nil),
        ("SVG", Array("<svg xmlns='http://www.w3.org/2000/svg' onload='x()'/>".utf8), nil),
        ("MP4 (ftyp, not a HEIF brand)", [0, 0, 0, 0x18] + Array("ftypisom".utf8), nil),
        ("two bytes of a JPEG", [0xFF, 0xD8], nil),
        ("empty", [], nil),
    ]

    @Test("a file's type is told by its first bytes, never its name", arguments: samples.indices)
    func sniff(index: Int) {
        let (name, bytes, expected) = Self.samples[index]
        #expect(EvidenceType.sniff(bytes) == expected, "\(name)")
    }

    @Test("what a refused file is, in words")
    func describe() {
        #expect(EvidenceType.describe([0x7F, 0x45, 0x4C, 0x46, 2]) == "an ELF program")
        #expect(EvidenceType.describe(Array("<html><body>".utf8)) == "HTML")
        #expect(EvidenceType.describe(Array("<svg onload=x>".utf8)).contains("SVG"))
        #expect(EvidenceType.describe([1, 2, 3]).contains("01 02 03"))
    }

    @Test("SHA-256 digests: the standard test vector, 64 lowercase hex digits, nothing else accepted")
    func digest() {
        #expect(ContentDigest.of(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentDigest.of([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentDigest(hex: String(repeating: "A", count: 64)) == nil)
        #expect(ContentDigest(hex: "abc") == nil)
        #expect(ContentDigest.of(Array("abc".utf8)).short == "ba7816bf8f01")
    }

    @Test("the demo's PNG files are well formed: signature, chunk CRCs, a zlib stream whose Adler-32 matches")
    func demoPNG() {
        let png = DemoPhotos.png(kind: .before, seed: 3, width: 4, height: 3)
        #expect(EvidenceType.sniff(png) == .png)
        // IHDR's CRC covers the type and data: recompute it from the file.
        let ihdr = Array(png[12..<29])
        let crc = png[29..<33].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(DemoPhotos.crc32(ihdr) == crc)
        #expect(DemoPhotos.crc32(Array("IEND".utf8)) == 0xAE42_6082, "the well-known CRC of an empty IEND chunk")
        #expect(DemoPhotos.png(kind: .after, seed: 1) != DemoPhotos.png(kind: .after, seed: 2), "every seed its own photo")
    }

    @Test("which cases need an after-photo: the theme's classes replace the default")
    func rules() {
        let rules = EvidenceRules(afterPhotoClasses: [.sevenDays], themes: ["flying_leads": [.threeDays, .sevenDays], "public_ads": []])
        #expect(rules.needsAfterPhoto(themeCode: "flying_leads", deadlineClass: .threeDays))
        #expect(!rules.needsAfterPhoto(themeCode: "flying_leads", deadlineClass: .immediate))
        #expect(!rules.needsAfterPhoto(themeCode: "public_ads", deadlineClass: .sevenDays), "an empty list exempts the theme")
        #expect(rules.needsAfterPhoto(themeCode: "sanitation", deadlineClass: .sevenDays), "unlisted themes take the default")
        #expect(!EvidenceRules.none.needsAfterPhoto(themeCode: "sanitation", deadlineClass: .sevenDays))
        #expect(EvidenceRules.size(10 * EvidenceRules.megabyte) == "10 MB")
        #expect(EvidenceRules.size(5288) == "5.2 KB")
    }

    func submitted() -> CaseRecord {
        var c = CaseRecord(number: CaseNumber(year: 2026, sequence: 42), source: .supervision, communityID: 1, themeID: 1,
                           description: "楼道堆放杂物", deadlineClass: .threeDays, foundAt: Timestamp(millis: 0), foundBy: "x",
                           chain: ChainSnapshot(chain: []))
        c.state = .submitted
        return c
    }

    @Test("verifying a case whose rule asks for an after-photo is refused without one, naming the command; with one it closes")
    func verifyNeedsAfterPhoto() throws {
        let inspector = Operator(login: "zhangwei", name: "张伟", role: .inspector)
        let missing = AfterPhotoEvidence(required: true, afterPhotos: 0, themeName: "楼道与消防通道")
        do {
            _ = try CaseTransition.apply(.verify, to: submitted(), by: inspector, reason: "", today: Day("2026-11-30")!, calendar: .weekendsOnly,
                                         evidence: missing)
            Issue.record("verified without the after-photo")
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.description.contains("civgrid case attach 2026-0042 PHOTO --kind after"), "\(error.description)")
            #expect(error.description.contains("楼道与消防通道"))
        }
        var present = missing
        present.afterPhotos = 1
        let (closed, _) = try CaseTransition.apply(.verify, to: submitted(), by: inspector, reason: "", today: Day("2026-11-30")!,
                                                   calendar: .weekendsOnly, evidence: present)
        #expect(closed.state == .closed)
        let (rework, _) = try CaseTransition.apply(.rework, to: submitted(), by: inspector, reason: "照片不清", today: Day("2026-11-30")!,
                                                   calendar: .weekendsOnly, evidence: missing)
        #expect(rework.state == .rectifying, "only verification asks for the photo")
    }

    @Test("the attach event's reason carries every stored field, so the chain pins them")
    func eventReason() {
        let d = ContentDigest.of(Array("x".utf8))
        let r = AttachmentEvent.reason(kind: .after, type: .jpeg, size: 12, digest: d, fileName: "楼道.jpg", note: "三单元")
        #expect(r == "整改后 sha256:\(d.hex) 12 B image/jpeg 「楼道.jpg」 — 三单元")
    }
}
