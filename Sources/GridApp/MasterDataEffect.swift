import GridCore
import GridUI

/// Runs the browser form's master-data change through GridCore's services and says what it did, in the words the
/// command line uses (the console shows it in the status bar).
struct MasterDataEffect {
    let services: GridServices
    let context: ChangeContext

    func run(_ edit: MasterDataEdit) throws(GridError) -> String {
        switch edit {
        case .addStreet(let office, let name):
            let out = try services.addStreet(officeID: office, name: name, context: context)
            return "已新增街道 \(out.audit.first?.newValue ?? name)"
        case .addCommunity(let street, let name, let kind, let site):
            let out = try services.addCommunity(CommunityDraft(streetID: street, name: name, kind: kind, declaredSite: site), context: context)
            return "已新增 \(out.audit.first?.newValue ?? name): \(out.audit.first?.note ?? "")"
        case .renameStreet(let id, let name):
            return summary(try services.renameStreet(id: id, to: name, context: context), "街道")
        case .renameCommunity(let id, let name):
            return summary(try services.renameCommunity(id: id, to: name, context: context), "小区")
        case .editUnit(let id, let unitEdit):
            return summary(try services.updateUnit(id: id, unitEdit, context: context), "责任单位")
        case .editProperty(let id, let name, let manager, let phone):
            return summary(try services.updateProperty(id: id, name: name, manager: manager, phone: phone, context: context), "物业")
        }
    }

    /// `已修改责任单位: head: 张三 → 李四, …`, or that nothing changed.
    func summary(_ out: MasterDataOutcome, _ what: String) -> String {
        guard out.changedSomething else { return "未变更 (nothing to change)" }
        return "已修改\(what): " + out.audit.map { "\($0.field): \($0.oldValue ?? "—") → \($0.newValue ?? "—")" }.joined(separator: ", ")
    }
}
