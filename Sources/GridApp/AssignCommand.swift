import ArgumentParser
import GridCore

extension AssignmentRole: ExpressibleByArgument {}

/// `civgrid assign COMMUNITY UNIT`: put a unit in charge of a community from today, keeping history.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Make a unit lead or supporting unit of a community from today (admins only; history is kept).")

    @Argument(help: ArgumentHelp("Community name, unique prefix, or 街道/小区.", valueName: "community")) var community: String
    @Argument(help: ArgumentHelp("Responsible unit.", valueName: "unit")) var unit: String
    @Option(help: "lead (包保/牵头, replaces the current lead) or support (配合).") var role: AssignmentRole = .lead
    @Option(help: ArgumentHelp("The property company the unit supervises there.", valueName: "company")) var property: String?
    @Flag(name: .customLong("no-property"), help: "The community has no property company (无物业/自管).") var noProperty = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if property != nil && noProperty {
            throw ValidationError("--property and --no-property contradict each other; give one")
        }
        if property == nil && !noProperty {
            throw ValidationError("say which property company serves the community: --property NAME, or --no-property (无物业/自管)")
        }
    }

    func run() throws {
        let env = try RunEnvironment()
        let db = try store.open(env)
        let resolver = Resolver(store: db)
        let c = try resolver.community(community)
        let u = try resolver.node(unit, levels: [.unit], what: "units")
        let p = try property.map { q throws(GridError) in try resolver.node(q, levels: [.property], what: "property companies") }
        guard case .community(let cid) = c.node, case .unit(let uid) = u.node else { return }
        var pid: RowID?
        if case .property(let id)? = p?.node { pid = id }
        let entries = try env.services(db).assign(communityID: cid, unitID: uid, role: role, propertyID: pid,
                                    context: env.context(try db.operatorAccount(login: env.login)))
        if entries.isEmpty {
            Output.print("未变更: \(u.name) 已是 \(c.name) 的\(role.zh)单位")
        } else {
            Output.print("已调整责任链: \(c.name) ← \(u.name)（\(role.zh)）, 物业 \(p?.name ?? "无物业（自管）"), 自 \(env.clock.today) 起")
        }
    }
}
