import GridCore
import GridStore

/// The demo county's photo evidence, attached through the one door (`GridServices.attach`): before and after photos
/// on a few cases awaiting re-check in the themes whose verification needs an after-photo (so those can be verified and
/// their neighbours show the refusal), before photos on cases being rectified, and one PDF document.
enum DemoEvidence {
    /// Attaches the photos; returns how many files.
    @discardableResult
    static func attach(to db: SQLiteStore, context: ChangeContext) throws(GridError) -> Int {
        let services = GridServices(db)
        let themes = Dictionary(uniqueKeysWithValues: try db.themes().map { ($0.id, $0.code) })
        let evidenced: Set<String> = ["flying_leads", "corridors"]
        let submitted = try db.cases(CaseQuery(openOnly: true, states: [.submitted], limit: 400))
            .filter { evidenced.contains(themes[$0.themeID] ?? "") && $0.deadlineClass != .immediate }
        let working = try db.cases(CaseQuery(openOnly: true, states: [.rectifying], limit: 40))
        var files = 0
        // Every other submitted case gets its after-photo; the rest wait for one.
        for (i, c) in submitted.prefix(8).enumerated() where i % 2 == 0 {
            let seed = c.number.sequence
            files += try services.attach([
                AttachmentDraft(kind: .before, fileName: "\(c.number)-整改前.png", bytes: DemoPhotos.png(kind: .before, seed: seed), note: "现场发现"),
                AttachmentDraft(kind: .after, fileName: "\(c.number)-整改后.png", bytes: DemoPhotos.png(kind: .after, seed: seed), note: "整改完成"),
            ], to: c.number, context: context).count
        }
        for c in working.prefix(4) {
            files += try services.attach([AttachmentDraft(kind: .before, fileName: "\(c.number)-现场.png",
                                                          bytes: DemoPhotos.png(kind: .before, seed: c.number.sequence))],
                                         to: c.number, context: context).count
        }
        if let c = working.first {
            files += try services.attach([AttachmentDraft(kind: .doc, fileName: "\(c.number)-整改方案.pdf",
                                                          bytes: DemoPhotos.pdf(title: "Rectification plan \(c.number)"))],
                                         to: c.number, context: context).count
        }
        return files
    }
}
