import ArgumentParser
import GridCore

/// `civgrid unit add|rename|set`: responsible units (责任单位) and their leaders' contacts, by hand.
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "Add, rename or edit a responsible unit (责任单位) (admins only, audited).",
        subcommands: [Add.self, Rename.self, SetFields.self])

    /// The unit's kind and contacts, as options (nil: left as it is).
    struct Fields: ParsableArguments {
        @Option(help: ArgumentHelp("Unit kind: code or label (部门, 企事业, 县直部门 …; `civgrid kind list`).", valueName: "kind")) var kind: String?
        @Option(help: ArgumentHelp("The leader (包保领导/负责人).", valueName: "name")) var head: String?
        @Option(name: .customLong("head-phone"), help: ArgumentHelp("The leader's phone.", valueName: "phone")) var headPhone: String?
        @Option(help: ArgumentHelp("The liaison (联络员).", valueName: "name")) var liaison: String?
        @Option(name: .customLong("liaison-phone"), help: ArgumentHelp("The liaison's phone.", valueName: "phone")) var liaisonPhone: String?

        var edit: UnitEdit { UnitEdit(kind: kind, head: head, headPhone: headPhone, liaison: liaison, liaisonPhone: liaisonPhone) }
        var isEmpty: Bool { edit == UnitEdit() }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a unit.")
        @Argument(help: ArgumentHelp("The unit's name, e.g. 县住建局.", valueName: "name")) var name: String
        @OptionGroup var fields: Fields
        @Option(help: ArgumentHelp("The office (when the database holds several).", valueName: "office")) var office: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            let out = try cli.services.addUnit(officeID: try cli.office(office), name: name, details: fields.edit, context: cli.context)
            Output.print("已新增责任单位 \(out.audit.first?.newValue ?? name)（#\(out.id)）")
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a unit.")
        @Argument(help: ArgumentHelp("The unit's name or unique prefix.", valueName: "unit")) var unit: String
        @Argument(help: ArgumentHelp("The new name.", valueName: "new-name")) var newName: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            try cli.rename(unit, .unit, what: "units", noun: "责任单位", to: newName) { id throws(GridError) in
                try cli.services.renameUnit(id: id, to: newName, context: cli.context)
            }
        }
    }

    struct SetFields: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a unit's kind, leader, liaison or phones.")
        @Argument(help: ArgumentHelp("The unit's name or unique prefix.", valueName: "unit")) var unit: String
        @OptionGroup var fields: Fields
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if fields.isEmpty { throw ValidationError("nothing to change: give --kind, --head, --head-phone, --liaison or --liaison-phone") }
        }

        func run() throws {
            let cli = try MasterDataCLI(store)
            let ref = try cli.resolver.node(unit, levels: [.unit], what: "units")
            let out = try cli.services.updateUnit(id: ref.node.id, fields.edit, context: cli.context)
            let changed = out.audit.map { "\($0.field): \($0.oldValue ?? "—") → \($0.newValue ?? "—")" }.joined(separator: ", ")
            MasterDataCLI.report(out, "已修改责任单位 \(ref.name): \(changed)", unchanged: "\(ref.name) already has these values")
        }
    }
}

/// `civgrid property add|rename|set`: property companies (物业) and their managers, by hand.
struct PropertyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "property", abstract: "Add, rename or edit a property company (物业) (admins only, audited).",
        subcommands: [Add.self, Rename.self, SetFields.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a property company.")
        @Argument(help: ArgumentHelp("The company's name.", valueName: "name")) var name: String
        @Option(help: ArgumentHelp("The manager (项目经理).", valueName: "name")) var manager: String?
        @Option(help: ArgumentHelp("The manager's phone.", valueName: "phone")) var phone: String?
        @Option(help: ArgumentHelp("The office (when the database holds several).", valueName: "office")) var office: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            let out = try cli.services.addProperty(officeID: try cli.office(office), name: name, manager: manager, phone: phone, context: cli.context)
            Output.print("已新增物业 \(out.audit.first?.newValue ?? name)（#\(out.id)）")
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a property company.")
        @Argument(help: ArgumentHelp("The company's name or unique prefix.", valueName: "property")) var property: String
        @Argument(help: ArgumentHelp("The new name.", valueName: "new-name")) var newName: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            try cli.rename(property, .property, what: "property companies", noun: "物业", to: newName) { id throws(GridError) in
                try cli.services.renameProperty(id: id, to: newName, context: cli.context)
            }
        }
    }

    struct SetFields: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a property company's manager or phone.")
        @Argument(help: ArgumentHelp("The company's name or unique prefix.", valueName: "property")) var property: String
        @Option(help: ArgumentHelp("The manager (项目经理).", valueName: "name")) var manager: String?
        @Option(help: ArgumentHelp("The manager's phone.", valueName: "phone")) var phone: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if manager == nil && phone == nil { throw ValidationError("nothing to change: give --manager or --phone") }
        }

        func run() throws {
            let cli = try MasterDataCLI(store)
            let ref = try cli.resolver.node(property, levels: [.property], what: "property companies")
            let out = try cli.services.updateProperty(id: ref.node.id, manager: manager, phone: phone, context: cli.context)
            let changed = out.audit.map { "\($0.field): \($0.oldValue ?? "—") → \($0.newValue ?? "—")" }.joined(separator: ", ")
            MasterDataCLI.report(out, "已修改物业 \(ref.name): \(changed)", unchanged: "\(ref.name) already has these values")
        }
    }
}
