import ArgumentParser
import Foundation
import GridCore
import GridStore
import TerminalKit

extension CaseCommand {
    /// `civgrid case attach NUMBER FILE… [--kind before|after|doc] [--note …]`: photos and documents as evidence.
    struct Attach: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attach", abstract: "Attach photos (整改前 / 整改后) or documents (材料) to a case; every file or none.",
            discussion: """
                Files are checked by their content (JPEG, PNG, WebP, HEIC; PDF for --kind doc), against the size limits of \
                evidence.toml, and stored inside the database once per SHA-256; the hash is recorded in a case event on the audit \
                chain. Without --kind: 整改后 (after) once the case is being rectified or awaits re-check, else 整改前 (before).
                """)
        @Argument(help: ArgumentHelp("Case number, e.g. 2026-0007.", valueName: "number")) var number: String
        @Argument(help: ArgumentHelp("The files to attach.", valueName: "file")) var files: [String]
        @Option(help: "before (整改前), after (整改后) or doc (材料).") var kind: String?
        @Option(help: "A note kept with each file (where, what it shows).") var note: String = ""
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env)
            let n = try CaseCommand.number(number)
            guard let c = try db.caseRecord(n) else { throw GridError.notFound("no case \(n); `civgrid case list` shows the numbers") }
            let chosen = try kind.map { k throws(GridError) in try AttachmentKind.parse(k) } ?? AttachmentKind.likely(for: c.state)
            let services = try env.services(db)
            let drafts = try files.map { path throws(GridError) -> AttachmentDraft in
                let file = try EvidenceInput.contents(path, maxBytes: services.evidence.maxFileBytes)
                return AttachmentDraft(kind: chosen, fileName: file.name, bytes: file.bytes, note: note, origin: path)
            }
            let added = try services.attach(drafts, to: n, context: env.context(try db.operatorAccount(login: env.login)))
            for a in added {
                Output.print("已附加 \(n) #\(a.index) \(a.kind.zh) \(a.type.rawValue.uppercased()) \(EvidenceRules.size(a.size)) sha256 \(a.digest.short) 「\(a.fileName)」")
            }
        }
    }

    /// `civgrid case attachment NUMBER N -o FILE`: one attachment's bytes, checked against its recorded hash.
    struct GetAttachment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attachment", abstract: "Write one attachment of a case to a file (-o) or a pipe, after checking its hash.")
        @Argument(help: ArgumentHelp("Case number.", valueName: "number")) var number: String
        @Argument(help: ArgumentHelp("Which attachment: its # in `civgrid case show`.", valueName: "n")) var index: Int
        @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output, when it is not a terminal).", valueName: "file"))
        var output: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env, forReading: true)
            let n = try CaseCommand.number(number)
            guard try db.caseRecord(n) != nil else { throw GridError.notFound("no case \(n); `civgrid case list` shows the numbers") }
            let list = try db.attachments(of: n)
            guard let a = list.first(where: { $0.index == index }) else {
                throw GridError.invalidInput(list.isEmpty ? "case \(n) has no attachments" : "case \(n) has attachments #1…#\(list.count); `civgrid case show \(n)` lists them")
            }
            guard let bytes = try db.attachmentContent(a.digest), ContentDigest.of(bytes) == a.digest else {
                throw GridError.database("the stored file of \(n) #\(index) is missing or no longer matches sha256 \(a.digest.short) recorded in its "
                    + "case event; run `civgrid check` and restore a backup")
            }
            if let output {
                try SafeFile.write(Data(bytes), to: output)
                Output.error("已导出 \(n) #\(index) \(a.kind.zh) → \(output) (sha256 \(a.digest.short))\n")
            } else {
                guard isatty(STDOUT_FILENO) == 0 else {
                    throw GridError.invalidInput("a \(a.type.rawValue.uppercased()) file is not for a terminal; give -o FILE (e.g. -o \(n)-\(index).\(a.type.rawValue)) or redirect it")
                }
                FileHandle.standardOutput.write(Data(bytes))
            }
        }
    }

    /// The attachments part of `case show`: a table, and for `--json` an array.
    enum AttachmentText {
        static func table(_ list: [Attachment], env: RunEnvironment) -> String {
            var t = TextTable.forOutput(headers: ["#", "类别", "类型", "大小", "上传人", "时间", "哈希", "文件名"])
            for a in list {
                t.append(["\(a.index)", a.kind.zh, a.type.rawValue.uppercased(), EvidenceRules.size(a.size), a.attachedBy,
                          Format.time(a.attachedAt, env), a.digest.short, a.fileName + (a.note.isEmpty ? "" : " — \(a.note)")])
            }
            return t.render()
        }

        static func json(_ list: [Attachment], sharedWith: [ContentDigest: [CaseNumber]]) -> [[String: Any]] {
            list.map { a in
                ["index": a.index, "kind": a.kind.rawValue, "type": a.type.mime, "size": a.size, "sha256": a.digest.hex, "file_name": a.fileName,
                 "note": a.note, "attached_by": a.attachedBy, "attached_at": a.attachedAt.description,
                 "also_on": (sharedWith[a.digest] ?? []).filter { $0 != a.number }.map(\.description)]
            }
        }
    }
}

extension AttachmentKind {
    /// The kind a file attached without --kind most likely is: 整改后 once the unit is at work or has submitted, else 整改前.
    static func likely(for state: CaseState) -> AttachmentKind {
        switch state {
        case .rectifying, .extensionRequested, .parked, .submitted, .fixedOnSite, .closed: .after
        default: .before
        }
    }
}
