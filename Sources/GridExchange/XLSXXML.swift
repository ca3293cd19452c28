import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GridCore

/// A SAX delegate for one part of a workbook that can refuse the file from inside a callback
/// (a limit passed, a bad cell reference): it records the first failure and stops the parser.
class PartDelegate: NSObject, XMLParserDelegate {
    let part: String
    let file: String
    let limits: SheetLimits
    private(set) var failure: GridError?

    init(part: String, file: String, limits: SheetLimits) {
        self.part = part
        self.file = file
        self.limits = limits
    }

    /// Whether parsing has already failed (callbacks after a failure do nothing).
    var failed: Bool { failure != nil }

    /// Records `message` at the parser's line and stops parsing.
    func fail(_ parser: XMLParser, _ message: String) {
        guard failure == nil else { return }
        failure = .invalidInput("\(file): \(part) line \(parser.lineNumber): \(message); nothing was imported")
        parser.abortParsing()
    }

    // The callbacks subclasses override. They are declared here because a protocol's default implementation
    // (FoundationXML has one for each) is what the witness table holds for a subclass that merely adds them.
    func parser(_ parser: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {}
    func parser(_ parser: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {}
    func parser(_ parser: XMLParser, foundCharacters string: String) {}
    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {}

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(parser, "declares an entity (“\(name)”); spreadsheets never do, so the file is refused")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail(parser, "declares an external entity (“\(name)”); spreadsheets never do, so the file is refused")
    }
}

/// The local part of an XML name: `x:row` → `row` (non-Excel tools write namespace prefixes).
@inline(__always)
func localName(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}

/// Runs the parser over one part. Any XML error refuses the whole file with the part and line; so does a
/// document type declaration (entities are how XML bombs and file disclosures work, and Excel never writes one)
/// or an encoding that is not ASCII-compatible.
enum PartXML {
    static func parse(_ data: Data, delegate: PartDelegate) throws(GridError) {
        let where_ = "\(delegate.file): \(delegate.part)"
        if let problem = prologProblem(data) {
            throw .invalidInput("\(where_) line \(problem.line): \(problem.message); nothing was imported — open it in Excel or WPS and save it again")
        }
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard ok else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw .invalidInput("\(where_) line \(parser.lineNumber), column \(parser.columnNumber): the XML is broken (\(reason)); "
                + "the file is damaged or cut short, so nothing was imported — open it in Excel or WPS and save it again")
        }
    }

    /// A DOCTYPE in the prolog, or a part not in an ASCII-compatible encoding: where and what.
    static func prologProblem(_ data: Data) -> (line: Int, message: String)? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (line: Int, message: String)? in
            let b = raw.bindMemory(to: UInt8.self)
            if b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) || b.prefix(4).contains(0) {
                return (1, "is not UTF-8 (UTF-16 or UTF-32 XML is not read)")
            }
            var i = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            var line = 1
            func starts(_ s: String, at k: Int) -> Bool {
                let u = Array(s.utf8)
                guard k + u.count <= b.count else { return false }
                for j in 0..<u.count where b[k + j] != u[j] { return false }
                return true
            }
            func skip(past end: String) {
                while i < b.count && !starts(end, at: i) {
                    if b[i] == 0x0A { line += 1 }
                    i += 1
                }
                i += end.utf8.count
            }
            while i < b.count {
                let c = b[i]
                if c == 0x0A { line += 1 }
                guard c == UInt8(ascii: "<") else { i += 1; continue }
                if starts("<?xml ", at: i), let bad = declaredEncoding(b, from: i) {
                    return (line, "declares encoding “\(bad)”; only UTF-8 and the GB encodings are read")
                }
                if starts("<?", at: i) { skip(past: "?>"); continue }
                if starts("<!--", at: i) { skip(past: "-->"); continue }
                if starts("<!DOCTYPE", at: i) || starts("<!ENTITY", at: i) {
                    return (line, "has a document type declaration (<!DOCTYPE …>); spreadsheets never do, so the file is refused")
                }
                return nil
            }
            return nil
        }
    }

    /// The encoding named by an XML declaration starting at `start`, when it is not one we accept.
    static func declaredEncoding(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        var end = start
        while end < b.count && end - start < 200 && b[end] != UInt8(ascii: ">") { end += 1 }
        let decl = String(decoding: UnsafeBufferPointer(rebasing: b[start..<min(end, b.count)]), as: UTF8.self)
        guard let r = decl.range(of: "encoding") else { return nil }
        let rest = decl[r.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let name = String(rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " && $0 != "?" })
        let ok = ["utf-8", "utf8", "us-ascii", "ascii", "gbk", "gb2312", "gb18030", "iso-8859-1", "windows-1252"]
        return ok.contains(name.lowercased()) ? nil : name
    }
}
