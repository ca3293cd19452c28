import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GridCore

/// Attributes of every element with a given local name (`sheet`, `Relationship`, `workbookPr` …), keyed by
/// local attribute name too, so `r:id` and `ns2:id` both read as `id`.
final class AttributesDelegate: PartDelegate {
    let names: Set<String>
    var found: [(element: String, attributes: [String: String])] = []

    init(names: Set<String>, part: String, file: String, limits: SheetLimits) {
        self.names = names
        super.init(part: part, file: file, limits: limits)
    }

    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        guard names.contains(String(name)) else { return }
        var local: [String: String] = [:]
        for (k, v) in attributes where local[String(localName(k))] == nil || !k.contains(":") {
            local[String(localName(k))] = v
        }
        // `r:id` (the relationship) must win over a plain `id` attribute should both exist.
        if let rid = attributes.first(where: { $0.key.hasSuffix(":id") })?.value { local["rid"] = rid }
        found.append((String(name), local))
        if found.count > 100_000 { fail(parser, "has more than 100,000 <\(name)> entries") }
    }

    static func collect(_ data: Data, names: Set<String>, part: String, file: String, limits: SheetLimits) throws(GridError)
        -> [(element: String, attributes: [String: String])] {
        let d = AttributesDelegate(names: names, part: part, file: file, limits: limits)
        try PartXML.parse(data, delegate: d)
        return d.found
    }
}

/// A relationship target (`worksheets/sheet1.xml`, `/xl/worksheets/sheet1.xml`, `../x.xml`) as a zip path.
func resolvePartPath(_ target: String, base: String = "xl/") -> String {
    var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
    for p in target.replacingOccurrences(of: "\\", with: "/").split(separator: "/") {
        if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(p) }
    }
    return parts.joined(separator: "/")
}
