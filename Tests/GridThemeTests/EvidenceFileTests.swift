import Foundation
import GridCore
import GridTheme
import Testing

@Suite("evidence.toml")
struct EvidenceFileTests {
    @Test("the built-in text is Config/evidence.toml, and it parses to the shipped rules")
    func builtin() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("Config/evidence.toml"), encoding: .utf8)
        #expect(file.trimmingCharacters(in: .newlines) == BuiltinEvidence.text.trimmingCharacters(in: .newlines))
        let rules = try EvidenceFile.parse(BuiltinEvidence.text, path: BuiltinEvidence.path, themeCodes: Set(StandardThemes.all.map(\.code)))
        #expect(rules.maxFileBytes == 10 * EvidenceRules.megabyte)
        #expect(rules.maxCaseBytes == 40 * EvidenceRules.megabyte)
        #expect(rules.afterPhotoClasses.isEmpty)
        #expect(rules.needsAfterPhoto(themeCode: "flying_leads", deadlineClass: .threeDays))
        #expect(!rules.needsAfterPhoto(themeCode: "flying_leads", deadlineClass: .immediate))
        #expect(!rules.needsAfterPhoto(themeCode: "public_ads", deadlineClass: .sevenDays))
    }

    @Test("mistakes are refused with the file and line", arguments: [
        ("max_file_mb = 0\n", "evidence.toml:1", "max_file_mb"),
        ("after_photo = [\"days5\"]\n", "evidence.toml:1", "days5"),
        ("colour = 1\n", "evidence.toml:1", "unknown key"),
        ("after_photo = []\n\n[theme.no_such]\nafter_photo = []\n", "evidence.toml:3", "names no theme"),
        ("[theme.sanitation]\nafter_photo = []\nphotos = 2\n", "evidence.toml:3", "unknown key “photos”"),
        ("max_file_mb = 20\nmax_case_mb = 10\n", "evidence.toml:2", "at least max_file_mb"),
        ("after_photo = [\n", "evidence.toml", "TOML syntax"),
    ])
    func refusals(text: String, place: String, words: String) {
        do {
            _ = try EvidenceFile.parse(text, path: "evidence.toml", themeCodes: ["sanitation", "flying_leads"])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.contains(place), "\(error.description)")
            #expect(error.description.contains(words), "\(error.description)")
        }
    }
}
