import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GridCore

/// Collects the text of a string item (`<si>` or a cell's `<is>`): the `<t>` runs, plain or rich, but not
/// the phonetic guide (`<rPh>`, the furigana Japanese Excel adds: 丽景湾 stays 丽景湾, not 丽景湾リケイ).
struct StringItemText {
    var text = ""
    var units = 0
    var inText = false
    var phonetic = 0

    mutating func start(_ name: Substring) {
        if name == "rPh" { phonetic += 1 }
        if name == "t" { inText = phonetic == 0 }
    }

    mutating func end(_ name: Substring) {
        if name == "rPh" { phonetic = max(0, phonetic - 1) }
        if name == "t" { inText = false }
    }

    /// Adds characters; false when the item grew past `max` UTF-16 units.
    mutating func add(_ s: String, max: Int) -> Bool {
        guard inText else { return true }
        units += s.utf16.count
        guard units <= max else { return false }
        text += s
        return true
    }
}

/// The shared-string table, capped in entries and in the length of each entry.
final class SharedStringsDelegate: PartDelegate {
    var items: [String] = []
    var item: StringItemText?

    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        if name == "si" { item = StringItemText() } else { item?.start(name) }
    }

    override func text(_ parser: XMLParser, _ string: String) {
        guard item != nil else { return }
        if !item!.add(string, max: limits.maxCellCharacters) {
            fail(parser, "shared string \(items.count) is longer than \(limits.maxCellCharacters.grouped) characters, Excel's own limit for a cell")
        }
    }

    override func end(_ parser: XMLParser, _ name: Substring) {
        if name == "si", let done = item {
            items.append(done.text)
            item = nil
            if items.count > limits.maxSharedStrings {
                fail(parser, "the shared-string table has more than \(limits.maxSharedStrings.grouped) entries")
            }
        } else {
            item?.end(name)
        }
    }
}
