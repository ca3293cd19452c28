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

    /// Open elements now, and whether the root element has closed: a part whose XML stops early is cut short.
    private(set) var depth = 0
    private(set) var rootClosed = false
    /// The first error the parser reported, where it was.
    private(set) var xmlError: (line: Int, column: Int, code: Int)?

    // What subclasses override: an element starts (local name, attributes), ends, or text arrives.
    func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {}
    func end(_ parser: XMLParser, _ name: Substring) {}
    func text(_ parser: XMLParser, _ string: String) {}

    func parser(_ parser: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        if rootClosed { return fail(parser, "has content after its root element") }
        depth += 1
        start(parser, localName(e), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        depth -= 1
        if depth == 0 { rootClosed = true }
        end(parser, localName(e))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        text(parser, string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil else { return }
        text(parser, String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if xmlError == nil { xmlError = (parser.lineNumber, parser.columnNumber, (parseError as NSError).code) }
    }

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
        // Invalid UTF-8 is refused before libxml2 sees it: it would fall back to Latin-1 and hand FoundationXML
        // names it traps on (found by FuzzXLSX).
        if let bad = data.withUnsafeBytes({ TextDecoding.firstInvalidUTF8($0.bindMemory(to: UInt8.self)) }) {
            let line = data.prefix(bad).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw .invalidInput("\(where_) line \(line): invalid UTF-8 at byte offset \(bad); the file is damaged, so nothing was imported — "
                + "open it in Excel or WPS and save it again")
        }
        // From a stream, so libxml2 takes the part in chunks instead of a second copy of all of it.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        let advice = "the file is damaged or cut short, so nothing was imported — open it in Excel or WPS and save it again"
        if !ok || delegate.xmlError != nil {
            let e = delegate.xmlError ?? (parser.lineNumber, parser.columnNumber, (parser.parserError as NSError?)?.code ?? 0)
            throw .invalidInput("\(where_) line \(e.line), column \(e.column): the XML is broken (\(describe(e.code))); \(advice)")
        }
        guard delegate.rootClosed else {
            throw .invalidInput("\(where_) line \(parser.lineNumber): the XML stops before its elements are closed; \(advice)")
        }
    }

    /// `tagNameMismatchError` → `tag name mismatch`.
    static func describe(_ code: Int) -> String {
        guard let c = XMLParser.ErrorCode(rawValue: code) else { return "error \(code)" }
        var words = ""
        for ch in String(describing: c).replacingOccurrences(of: "Error", with: "") {
            if ch.isUppercase { words += " " + ch.lowercased() } else { words.append(ch) }
        }
        return words.trimmingCharacters(in: .whitespaces) + " (libxml2 error \(code))"
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
                    return (line, "declares encoding “\(bad)”; only UTF-8 is read")
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
        let ok = ["utf-8", "utf8", "us-ascii", "ascii"]
        return ok.contains(name.lowercased()) ? nil : name
    }
}
