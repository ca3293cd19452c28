/// The checks every hand-entered master-data value passes, the same as an imported cell: TextRules (one line, no
/// control characters, at most 100 characters), full-width letters and digits folded, phones in their one stored form.
public enum MasterDataRules {
    /// A name as stored: trimmed, full-width letters and digits folded; refused when empty, multi-line, too long or
    /// holding a control character. `field` names it in the refusal (`小区名称`, `--name`).
    public static func name(_ raw: String, field: String) throws(GridError) -> String {
        try TextRules.checkName(raw, field: field)
        let folded = FullWidth.foldAlphanumerics(raw).trimmingWhitespace()
        guard !folded.isEmpty else { throw .invalidInput("\(field) is empty; give a name") }
        return folded
    }

    /// A person's name (empty allowed: no contact).
    public static func person(_ raw: String, field: String) throws(GridError) -> String {
        try TextRules.checkName(raw, field: field)
        return raw.trimmingWhitespace()
    }

    /// A phone in its stored form (mobile `13957612345`, landline `0576-87781234`) and, when that differs from what
    /// was typed, an audit note keeping the original. Empty is allowed (no phone); anything else is refused.
    public static func phone(_ raw: String, field: String) throws(GridError) -> (text: String, note: String?) {
        try TextRules.checkName(raw, field: field)
        let (text, valid) = PhoneNumber.normalise(raw)
        guard valid else {
            throw .invalidInput("\(field) “\(raw)” is not a phone number; write a mobile (13957612345) or a landline with its "
                + "area code (0576-87781234, (0576)87781234, 0576 87781234)")
        }
        let typed = raw.trimmingWhitespace()
        return (text, text == typed ? nil : "\(field) 原文 \(typed)")
    }

    /// Refuses `name` when another row among `siblings` has the same name after folding (ＡＢＣ花园 = ABC 花园).
    /// `what` is `小区`, `街道` …; `place` says where (`in 城关街道`).
    static func unique<T>(_ name: String, among siblings: [T], id: (T) -> RowID, name siblingName: (T) -> String,
                          except self: RowID?, what: String, place: String, hint: (T) -> String = { _ in "" }) throws(GridError) {
        let key = NameKey.of(name)
        guard let clash = siblings.first(where: { id($0) != self && NameKey.of(siblingName($0)) == key }) else { return }
        let same = siblingName(clash) == name ? "" : " (the same name once full-width letters and spaces are folded)"
        throw .invalidInput("\(what) “\(siblingName(clash))” (#\(id(clash))) already exists \(place)\(same)\(hint(clash)); "
            + "choose another name, or change the existing one")
    }

    /// The office a new street, unit or property company goes to: the one named, or the only one.
    static func office(_ id: RowID?, in offices: [Office]) throws(GridError) -> Office {
        if let id {
            guard let office = offices.first(where: { $0.id == id }) else { throw .notFound("office #\(id) does not exist") }
            return office
        }
        guard offices.count == 1, let only = offices.first else {
            throw .invalidInput(offices.isEmpty ? "the database has no office yet: run `civgrid init --office NAME` first"
                : "the database has \(offices.count) offices (\(offices.map(\.name).joined(separator: ", "))); say which with --office")
        }
        return only
    }
}
