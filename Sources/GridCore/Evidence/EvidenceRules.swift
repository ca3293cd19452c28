/// The office's evidence rules (evidence.toml): how large attachments may be, and which cases need an after-photo
/// (整改后照片) before they are verified (复核通过) — per theme and deadline class.
public struct EvidenceRules: Hashable, Sendable {
    /// Largest single file, in bytes.
    public var maxFileBytes: Int
    /// Largest total of one case's attachments, in bytes.
    public var maxCaseBytes: Int
    /// Most files on one case.
    public var maxFilesPerCase: Int
    /// Deadline classes whose cases need an after-photo, for themes not listed in `themes`.
    public var afterPhotoClasses: Set<DeadlineClass>
    /// Per theme code: the deadline classes whose cases need an after-photo (replacing the default for that theme).
    public var themes: [String: Set<DeadlineClass>]

    /// Creates rules.
    public init(maxFileBytes: Int = EvidenceRules.megabyte * 10, maxCaseBytes: Int = EvidenceRules.megabyte * 40, maxFilesPerCase: Int = 20,
                afterPhotoClasses: Set<DeadlineClass> = [], themes: [String: Set<DeadlineClass>] = [:]) {
        self.maxFileBytes = maxFileBytes
        self.maxCaseBytes = maxCaseBytes
        self.maxFilesPerCase = maxFilesPerCase
        self.afterPhotoClasses = afterPhotoClasses
        self.themes = themes
    }

    /// 1 MiB.
    public static let megabyte = 1 << 20

    /// The limits with no after-photo required anywhere: what `GridServices` uses unless the caller passes the office's rules.
    public static let none = EvidenceRules()

    /// Whether a case of `themeCode` and `deadlineClass` needs an after-photo before it is verified.
    public func needsAfterPhoto(themeCode: String, deadlineClass: DeadlineClass) -> Bool {
        (themes[themeCode] ?? afterPhotoClasses).contains(deadlineClass)
    }

    /// `10 MB` for messages (MiB, written the way offices say it).
    public static func size(_ bytes: Int) -> String {
        if bytes >= megabyte { return formatted(Double(bytes) / Double(megabyte)) + " MB" }
        if bytes >= 1024 { return formatted(Double(bytes) / 1024) + " KB" }
        return "\(bytes) B"
    }

    private static func formatted(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}

/// What the verify step needs to know about a case's evidence: whether its rule asks for an after-photo, and how many
/// it has. The service fills it in; `CaseTransition` decides.
public struct AfterPhotoEvidence: Hashable, Sendable {
    /// Whether the office's rules ask for an after-photo for this case.
    public var required: Bool
    /// After-photos attached to the case.
    public var afterPhotos: Int
    /// The theme, for the refusal (`环境卫生`).
    public var themeName: String

    /// Creates the evidence summary.
    public init(required: Bool, afterPhotos: Int, themeName: String) {
        self.required = required
        self.afterPhotos = afterPhotos
        self.themeName = themeName
    }

    /// Nothing required (steps other than verify, and offices without evidence rules).
    public static let notRequired = AfterPhotoEvidence(required: false, afterPhotos: 0, themeName: "")
}
