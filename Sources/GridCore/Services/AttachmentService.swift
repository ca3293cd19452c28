extension GridServices {
    /// Attaches files to a case (photos before and after rectification, documents) in one transaction: every file or
    /// none. Each file is checked — not empty, within the size limits, a photo (JPEG, PNG, WebP, HEIC) or for `doc` also
    /// a PDF by its first bytes whatever its name says, not already on this case — and recorded by an `attach` case
    /// event whose reason carries its SHA-256, so the audit chain pins the evidence. The bytes are stored once per digest.
    public func attach(_ drafts: [AttachmentDraft], to number: CaseNumber, context: ChangeContext) throws(GridError) -> [Attachment] {
        try run(context) { ws in
            let c = try ws.caseRecord(number)
            if c.state == .closed || c.state == .void {
                throw GridError.invalidInput("case \(number) is \(c.state.zh): its evidence was settled when it was finished; "
                    + (c.state == .closed ? "reopen it (`civgrid case move \(number) reopen --reason …`) to add more" : "a void case takes no evidence"))
            }
            try Policy.authorize(ws.actor, .attachEvidence, onCase: c)
            guard !drafts.isEmpty else { throw GridError.invalidInput("no file to attach: name one or more files after the case number") }
            var existing = try ws.attachments(of: number)
            var added: [Attachment] = []
            for draft in drafts {
                let fact = try checked(draft, on: c, existing: existing, ws: ws)
                let a = Attachment(number: number, index: existing.count + 1, kind: fact.kind, type: fact.type, size: fact.size,
                                   digest: fact.digest, fileName: fact.fileName, note: fact.note, attachedAt: ws.now, attachedBy: ws.actor.login)
                ws.attach(fact, as: a)
                existing.append(a)
                added.append(a)
            }
            return added
        }
    }

    /// One draft checked against the rules and the case's attachments so far, as the fact to store.
    func checked(_ draft: AttachmentDraft, on c: CaseRecord, existing: [Attachment], ws: Workspace) throws -> AttachmentFact {
        let file = draft.origin
        let name = draft.fileName
        if name.isEmpty { throw GridError.invalidInput("\(file): the file has no name to record; give a file, not a folder") }
        if let bad = TextRules.forbiddenScalar(in: name, allowLineBreaks: false) {
            throw GridError.invalidInput("\(file): the file name holds the control character \(EvidenceCheck.code(bad)); rename the file "
                + "(e.g. `mv` it to 楼道整改后.jpg) and attach it again — a name is printed on notices and terminals")
        }
        if name.count > EvidenceCheck.nameLimit {
            throw GridError.invalidInput("\(file): the file name is longer than \(EvidenceCheck.nameLimit) characters; rename the file shorter and attach it again")
        }
        try TextRules.checkNote(draft.note, field: "the note (--note)")
        let rules = evidence
        if draft.bytes.isEmpty {
            throw GridError.invalidInput("\(file) is empty (0 bytes): there is no photo in it; attach the photo itself (copy it again from the phone)")
        }
        if draft.bytes.count > rules.maxFileBytes {
            throw GridError.invalidInput("\(file) is \(EvidenceRules.size(draft.bytes.count)), over the limit of \(EvidenceRules.size(rules.maxFileBytes)) "
                + "per file (evidence.toml max_file_mb); send a smaller photo (e.g. 1920 px wide) and attach that")
        }
        guard let type = EvidenceType.sniff(draft.bytes) else {
            throw GridError.invalidInput("\(file) is not a photo: its content is \(EvidenceType.describe(draft.bytes)), whatever its name says; "
                + "attach a JPEG, PNG, WebP or HEIC photo\(draft.kind == .doc ? " or a PDF" : "")")
        }
        guard draft.kind.accepts.contains(type) else {
            throw GridError.invalidInput("\(file) is a PDF document, and --kind \(draft.kind.rawValue) (\(draft.kind.zh)) takes photos "
                + "(JPEG, PNG, WebP, HEIC); attach it with --kind doc")
        }
        let digest = ContentDigest.of(draft.bytes)
        if let twin = existing.first(where: { $0.digest == digest }) {
            throw GridError.invalidInput("\(file) is already attached to case \(c.number) as #\(twin.index) (\(twin.kind.zh) 「\(twin.fileName)」, "
                + "sha256 \(digest.short)); the same photo cannot be evidence twice — attach a new photo")
        }
        if existing.count + 1 > rules.maxFilesPerCase {
            throw GridError.invalidInput("case \(c.number) already has \(existing.count) attachments, the most one case may hold "
                + "(evidence.toml max_files_per_case); \(file) was not attached")
        }
        let total = existing.reduce(0) { $0 + $1.size } + draft.bytes.count
        if total > rules.maxCaseBytes {
            throw GridError.invalidInput("\(file) would bring case \(c.number)'s attachments to \(EvidenceRules.size(total)), over the limit of "
                + "\(EvidenceRules.size(rules.maxCaseBytes)) per case (evidence.toml max_case_mb); send smaller photos")
        }
        let reason = AttachmentEvent.reason(kind: draft.kind, type: type, size: draft.bytes.count, digest: digest, fileName: name, note: draft.note)
        return AttachmentFact(number: c.number, kind: draft.kind, type: type, digest: digest, fileName: name, note: draft.note, bytes: draft.bytes,
                              event: CaseEvent(action: AttachmentEvent.action, from: c.state, to: c.state, actor: ws.actor.login, reason: reason, dueOn: nil))
    }

    /// Whether verifying `c` needs an after-photo under the office's rules, and how many it has.
    func afterPhotoEvidence(_ ws: Workspace, _ c: CaseRecord) throws -> AfterPhotoEvidence {
        let rules = evidence
        guard !rules.afterPhotoClasses.isEmpty || rules.themes.values.contains(where: { !$0.isEmpty }) else { return .notRequired }
        let theme = try ws.tx.themes().first { $0.id == c.themeID }
        let required = rules.needsAfterPhoto(themeCode: theme?.code ?? "", deadlineClass: c.deadlineClass)
        guard required else { return .notRequired }
        let photos = try ws.attachments(of: c.number).filter { $0.kind == .after }.count
        return AfterPhotoEvidence(required: true, afterPhotos: photos, themeName: theme?.zh ?? "")
    }
}
