import GridCore
import GridPalette
import TerminalKit

/// A master-data change the browser's form asks for; the effect runner hands it to GridCore's services.
public enum MasterDataEdit: Hashable, Sendable {
    case addStreet(officeID: RowID, name: String)
    case addCommunity(streetID: RowID, name: String, kind: String, site: Int?)
    case renameStreet(id: RowID, name: String)
    case renameCommunity(id: RowID, name: String)
    case editUnit(id: RowID, UnitEdit)
    /// A blank manager or phone is left as it is.
    case editProperty(id: RowID, name: String, manager: String?, phone: String?)
}

/// The form over the browser's selected node: `a` adds a child (a street to an office, a community to a street), `e`
/// edits the node (a street's or community's name; a unit's name, kind, leader, liaison and phones; a property
/// company's name, manager and phone). While saving it stays open, so a refusal from the service shows in it.
public struct MasterDataForm: Hashable, Sendable {
    /// What the form adds or edits.
    public enum Target: Hashable, Sendable {
        case addStreet(office: NodeRef)
        case addCommunity(street: NodeRef)
        case street(NodeRef)
        case community(NodeRef)
        case unit(NodeRef)
        case property(NodeRef)
    }

    public var target: Target
    public var labels: [String]
    public var fields: [TextField]
    public var focus = 0
    public var error: String?
    /// Submitted; waiting for the service's answer.
    public var saving = false

    /// A form for `target` with its fields prefilled.
    public init(target: Target, labels: [String], values: [String]) {
        self.target = target
        self.labels = labels
        fields = values.map { TextField($0) }
    }

    /// `新增小区 add community`, as the frame's title.
    public var title: String {
        switch target {
        case .addStreet: "新增街道 add street"
        case .addCommunity: "新增小区 add community"
        case .street: "编辑街道 edit street"
        case .community: "编辑小区 edit community"
        case .unit: "编辑责任单位 edit unit"
        case .property: "编辑物业 edit property company"
        }
    }

    /// The node the form is on (the parent for an add).
    public var place: String {
        switch target {
        case .addStreet(let r), .addCommunity(let r), .street(let r), .community(let r), .unit(let r), .property(let r): r.name
        }
    }

    /// The field values, trimmed.
    func value(_ i: Int) -> String { fields.indices.contains(i) ? fields[i].text.trimmingWhitespace() : "" }
}

/// Keys and view of the master-data form.
enum MasterDataFormOverlay {
    static func key(_ s: inout AppState, _ form: MasterDataForm, _ key: Key) -> [Effect] {
        var f = form
        switch key {
        case .escape:
            return Overlays.cancel(&s)
        case .enter:
            guard !f.saving else { return [] }
            do {
                let edit = try edit(f)
                f.saving = true
                f.error = nil
                s.overlay = .masterDataForm(f)
                return [.saveMasterData(edit)]
            } catch {
                f.error = error.field.map { "\(f.labels[$0]): " } .map { $0 + error.message } ?? error.message
                if let field = error.field { f.focus = field }
                s.overlay = .masterDataForm(f)
                return []
            }
        case .tab, .down:
            f.focus = (f.focus + 1) % f.fields.count
        case .backTab, .up:
            f.focus = (f.focus + f.fields.count - 1) % f.fields.count
        default:
            guard !f.saving else { return [] }
            _ = Overlays.edit(&f.fields[f.focus], key)
        }
        f.error = nil
        s.overlay = .masterDataForm(f)
        return []
    }

    /// A refusal found before the form is sent: the field it concerns and GridCore's message.
    struct FieldError: Error {
        var field: Int?
        var message: String
    }

    /// The edit the form asks for, checked first with the same rules the service applies (names, phones), so an
    /// obvious mistake is shown at once; the service checks everything again (duplicates, kinds) when it runs.
    static func edit(_ f: MasterDataForm) throws(FieldError) -> MasterDataEdit {
        func name(_ i: Int) throws(FieldError) -> String {
            do { return try MasterDataRules.name(f.fields[i].text, field: "名称 name") } catch { throw FieldError(field: i, message: error.description) }
        }
        func phone(_ i: Int, blankKeeps: Bool = false) throws(FieldError) -> String? {
            if blankKeeps && f.value(i).isEmpty { return nil }
            do { return try MasterDataRules.phone(f.fields[i].text, field: "电话 phone").text } catch {
                throw FieldError(field: i, message: error.description)
            }
        }
        func person(_ i: Int) throws(FieldError) -> String {
            do { return try MasterDataRules.person(f.fields[i].text, field: "姓名 name") } catch { throw FieldError(field: i, message: error.description) }
        }
        switch f.target {
        case .addStreet(let office):
            return .addStreet(officeID: office.node.id, name: try name(0))
        case .addCommunity(let street):
            var site: Int?
            if !f.value(2).isEmpty {
                guard let n = Int(FullWidth.fold(f.value(2))), n > 0 else {
                    throw FieldError(field: 2, message: "申报点位须为正整数，或留空 (a positive number, or blank)")
                }
                site = n
            }
            return .addCommunity(streetID: street.node.id, name: try name(0), kind: f.value(1), site: site)
        case .street(let r):
            return .renameStreet(id: r.node.id, name: try name(0))
        case .community(let r):
            return .renameCommunity(id: r.node.id, name: try name(0))
        case .unit(let r):
            // A blank kind keeps the unit's kind (the list has no empty kind to set).
            let edit = UnitEdit(name: try name(0), kind: f.value(1).isEmpty ? nil : f.value(1), head: try person(2), headPhone: try phone(3),
                                liaison: try person(4), liaisonPhone: try phone(5))
            return .editUnit(id: r.node.id, edit)
        case .property(let r):
            let manager = f.value(1).isEmpty ? nil : try person(1)
            return .editProperty(id: r.node.id, name: try name(0), manager: manager, phone: try phone(2, blankKeeps: true))
        }
    }

    static func view(_ f: MasterDataForm, _ p: Palette, _ b: inout Buffer) {
        let height = f.labels.count + 6
        let (inner, layout) = FormLayout.frame(title: f.title, height: height, names: [f.place], labels: f.labels, focus: f.focus, p, &b)
        var cursor: (x: Int, y: Int)?
        for (i, field) in f.fields.enumerated() {
            let y = inner.y + 2 + i
            guard y < inner.maxY - 1 else { break }
            field.render(in: Rect(x: layout.valueX, y: y, width: layout.valueWidth, height: 1), style: p[.selectionUnfocused], into: &b)
            if f.focus == i { cursor = b.cursor }
        }
        let messageY = inner.y + 2 + f.labels.count
        if let error = f.error, messageY < inner.maxY - 1 {
            b.put(error, x: inner.x + 1, y: messageY, width: inner.width - 2, style: p[.error])
        } else if f.saving, messageY < inner.maxY - 1 {
            b.put("保存中… saving", x: inner.x + 1, y: messageY, width: inner.width - 2, style: p[.muted])
        }
        b.put("Enter 保存  Tab 切换  Esc 取消", x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: p[.muted])
        b.cursor = cursor
    }
}
