import GridCore
import TerminalKit

/// Master data from the browser: `a` adds a child of the selected node (a street to an office, a community to a
/// street), `e` edits it, through the master-data form and GridCore's services (admins only, as `Policy` says).
enum BrowserEditing {
    static let bindings: [Binding] = [
        Binding([.char("a")], "新增下级 add a child of the selected node (管理员 admin)") { s in add(&s) },
        Binding([.char("e")], "编辑所选 edit the selected node (管理员 admin)") { s in edit(&s) },
    ]

    /// Opens the add form for the selected node's children, or says why not.
    static func add(_ s: inout AppState) -> [Effect] {
        guard allowed(&s), let item = s.browser.last?.selected, let ref = item.ref else { return nothing(&s) }
        switch item.node {
        case .office:
            s.overlay = .masterDataForm(MasterDataForm(target: .addStreet(office: ref), labels: ["名称 name"], values: [""]))
        case .street:
            s.overlay = .masterDataForm(MasterDataForm(target: .addCommunity(street: ref),
                                                       labels: ["名称 name", "类型 kind", "申报点位 site no."], values: ["", "住宅小区", ""]))
        default:
            s.message = StatusMessage("责任单位与物业用 `civgrid unit add`、`civgrid property add` 添加，用 `civgrid assign` 挂到小区 "
                + "(units and companies are added on the command line and linked with assign)")
        }
        return []
    }

    /// Opens the edit form for the selected node, prefilled.
    static func edit(_ s: inout AppState) -> [Effect] {
        guard allowed(&s), let item = s.browser.last?.selected, let ref = item.ref else { return nothing(&s) }
        let form: MasterDataForm
        switch item.node {
        case .office:
            s.message = StatusMessage("三创办名称不在此修改 (the office is named by `civgrid init`)")
            return []
        case .street:
            form = MasterDataForm(target: .street(ref), labels: ["名称 name"], values: [ref.name])
        case .community:
            form = MasterDataForm(target: .community(ref), labels: ["名称 name"], values: [ref.name])
        case .unit(let link):
            let u = link.unit
            form = MasterDataForm(target: .unit(ref), labels: ["名称 name", "类型 kind", "负责人 head", "负责人电话 phone", "联络员 liaison", "联络员电话 phone"],
                                  values: [u.name, item.kindLabel ?? u.kind.zh, u.head.name, u.head.phone, u.liaison.name, u.liaison.phone])
        case .property:
            form = MasterDataForm(target: .property(ref), labels: ["名称 name", "项目经理 manager (空=不变)", "电话 phone (空=不变)"],
                                  values: [ref.name, "", ""])
        case .selfManaged:
            return nothing(&s)
        }
        s.overlay = .masterDataForm(form)
        return []
    }

    /// The change was written: the form closes, the browser and the board reload.
    static func saved(_ s: inout AppState, summary: String) -> [Effect] {
        if case .masterDataForm = s.overlay { s.overlay = nil }
        s.message = StatusMessage(summary)
        return Reducer.refresh(&s, cells: [])
    }

    /// The service refused: the form (still open) shows why and can be corrected; nothing was written.
    static func refused(_ s: inout AppState, message: String) {
        guard case .masterDataForm(var f) = s.overlay else {
            s.message = StatusMessage("未保存: \(message)", isError: true)
            return
        }
        f.saving = false
        f.error = message
        s.overlay = .masterDataForm(f)
    }

    /// Whether the operator may edit master data; if not, the status bar says who may.
    static func allowed(_ s: inout AppState) -> Bool {
        guard !Policy.allows(s.role, .editMasterData) else { return true }
        let who = OperatorRole.allCases.filter { Policy.allows($0, .editMasterData) }.map { "\($0.zh) (\($0.rawValue))" }
        s.message = StatusMessage("\(s.login) 是\(s.role.zh)，不能\(GridPermission.editMasterData.zh)；\(who.joined(separator: "、")) 可以",
                                  isError: true)
        return false
    }

    static func nothing(_ s: inout AppState) -> [Effect] {
        if s.message == nil { s.message = StatusMessage("未选中可编辑的节点 (nothing selected to edit)") }
        return []
    }
}
