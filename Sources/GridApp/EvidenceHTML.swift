import Foundation
import GridCore

/// The photos of cases in HTML documents (notices, reports): 整改前 and 整改后 side by side after each case, embedded as
/// `data:` URIs so the document is one self-contained file that can be mailed or printed. Only JPEG, PNG and WebP —
/// told by their bytes when attached, never by a name — are embedded; HEIC (browsers do not draw it) and PDF documents are
/// listed with the command that gets them out. A document embeds at most `budget` bytes of photos; the rest are listed.
struct EvidenceHTML {
    /// The most photo bytes one document embeds.
    static let defaultBudget = 20 * EvidenceRules.megabyte

    let store: any GridRepository
    var budget = EvidenceHTML.defaultBudget
    private(set) var embedded = 0

    init(store: any GridRepository, budget: Int = EvidenceHTML.defaultBudget) {
        self.store = store
        self.budget = budget
    }

    /// The CSS the figures need.
    static let style = ".evidence{display:flex;flex-wrap:wrap;gap:8px;margin:4px 0 12px 1.5em}.evidence figure{margin:0;max-width:280px}"
        + ".evidence img{max-width:280px;max-height:210px;border:1px solid #ccc}.evidence figcaption{font-size:12px;color:#555}"

    /// A case's attachments as figures, before then after then documents; empty when it has none.
    mutating func figures(_ list: [Attachment]) throws(GridError) -> String {
        guard !list.isEmpty else { return "" }
        let ordered = list.filter { $0.kind == .before } + list.filter { $0.kind == .after } + list.filter { $0.kind == .doc }
        var out = "<div class=\"evidence\">"
        for a in ordered { out += try figure(a) }
        return out + "</div>"
    }

    private mutating func figure(_ a: Attachment) throws(GridError) -> String {
        let caption = "\(a.kind.zh) · \(HTMLText.escaped(a.fileName)) · \(EvidenceRules.size(a.size)) · \(HTMLText.escaped(a.attachedBy)) · sha256 \(a.digest.short)"
        let fetch = "civgrid case attachment \(a.number) \(a.index) -o FILE"
        guard a.type.showsInBrowser else {
            return "<figure><figcaption>\(caption)<br>\(a.type.rawValue.uppercased())：\(HTMLText.escaped(fetch))</figcaption></figure>"
        }
        guard embedded + a.size <= budget, let bytes = try store.attachmentContent(a.digest), ContentDigest.of(bytes) == a.digest else {
            let why = embedded + a.size > budget ? "照片未嵌入（本文件已含 \(EvidenceRules.size(embedded)) 照片）" : "照片缺失或与哈希不符，请运行 civgrid check"
            return "<figure><figcaption>\(caption)<br>\(why)：\(HTMLText.escaped(fetch))</figcaption></figure>"
        }
        embedded += a.size
        return "<figure><img alt=\"\(a.kind.zh)\" src=\"data:\(a.type.mime);base64,\(Data(bytes).base64EncodedString())\">"
            + "<figcaption>\(caption)</figcaption></figure>"
    }
}
