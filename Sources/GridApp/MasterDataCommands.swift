import ArgumentParser
import GridCore

/// What every master-data command shares: the store opened for writing, the acting operator, names resolved to ids,
/// and one line saying what changed (or that nothing did).
struct MasterDataCLI {
    let env: RunEnvironment
    let db: any GridRepository
    let services: GridServices
    let context: ChangeContext
    var resolver: Resolver { Resolver(store: db) }

    init(_ store: StoreOptions) throws {
        env = try RunEnvironment()
        db = try store.open(env)
        services = try env.services(db)
        context = env.context(try db.operatorAccount(login: env.login))
    }

    /// The id of the one node `query` names at `level`.
    func id(_ query: String, _ level: Grouping, what: String) throws(GridError) -> RowID {
        try resolver.node(query, levels: [level], what: what).node.id
    }

    /// The office `--office` names, or nil (the service then takes the only office).
    func office(_ name: String?) throws(GridError) -> RowID? {
        try name.map { n throws(GridError) in try id(n, .office, what: "offices") }
    }

    /// Renames the one node `query` names at `level` through `rename` and reports it (`noun`: 街道, 责任单位 …): the
    /// four `rename` subcommands differ only in these.
    func rename(_ query: String, _ level: Grouping, what: String, noun: String, to newName: String,
                _ rename: (RowID) throws(GridError) -> MasterDataOutcome) throws(GridError) {
        let ref = try resolver.node(query, levels: [level], what: what)
        let out = try rename(ref.node.id)
        Self.report(out, "已更名\(noun) \(ref.name) → \(out.audit.first?.newValue ?? newName)", unchanged: "\(ref.name) already has that name")
    }

    /// `done` when the change wrote something, else that nothing changed.
    static func report(_ outcome: MasterDataOutcome, _ done: String, unchanged: String) {
        Output.print(outcome.changedSomething ? done : "未变更 (nothing to change): \(unchanged)")
    }
}

/// `civgrid street add|rename`: the streets (街道/乡镇) of an office, by hand.
struct StreetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "street", abstract: "Add or rename a street (街道/乡镇) (admins only, audited).",
        subcommands: [Add.self, Rename.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a street to the office.")
        @Argument(help: ArgumentHelp("The street's name, e.g. 城关街道.", valueName: "name")) var name: String
        @Option(help: ArgumentHelp("The office (when the database holds several).", valueName: "office")) var office: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            let out = try cli.services.addStreet(officeID: try cli.office(office), name: name, context: cli.context)
            Output.print("已新增街道 \(out.audit.first?.newValue ?? name)（#\(out.id)）")
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a street.")
        @Argument(help: ArgumentHelp("The street's name or unique prefix.", valueName: "street")) var street: String
        @Argument(help: ArgumentHelp("The new name.", valueName: "new-name")) var newName: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            try cli.rename(street, .street, what: "streets", noun: "街道", to: newName) { id throws(GridError) in
                try cli.services.renameStreet(id: id, to: newName, context: cli.context)
            }
        }
    }
}

/// `civgrid community add|rename|move|retire|unretire`: communities and declared sites between imports.
struct CommunityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "community",
        abstract: "Add, rename, move or retire a community or declared site (admins only, audited; history is kept).",
        subcommands: [Add.self, Rename.self, Move.self, Retire.self, Unretire.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a community or declared site to a street; its cells start 未查.")
        @Argument(help: ArgumentHelp("The street it is in.", valueName: "street")) var street: String
        @Argument(help: ArgumentHelp("Its name, e.g. 阳光小区 or 城东农贸市场.", valueName: "name")) var name: String
        @Option(help: ArgumentHelp("Site kind: code or label (住宅小区, 农贸市场, 学校 …; `civgrid kind list`).", valueName: "kind"))
        var kind: String = ""
        @Option(help: ArgumentHelp("Declared inspection-site number (申报点位).", valueName: "n")) var site: Int?
        @Option(help: "Address.") var address: String = ""
        @Option(help: "Households (户数).") var households: Int?
        @Option(help: "Note.") var note: String = ""
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            let streetRef = try cli.resolver.node(street, levels: [.street], what: "streets")
            let draft = CommunityDraft(streetID: streetRef.node.id, name: name, kind: kind, declaredSite: site, address: address,
                                       households: households, note: note)
            let out = try cli.services.addCommunity(draft, context: cli.context)
            Output.print("已新增 \(out.audit.first?.newValue ?? name)（#\(out.id)）: \(out.audit.first?.note ?? "")")
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a community.")
        @Argument(help: ArgumentHelp("Community name, unique prefix, or 街道/小区.", valueName: "community")) var community: String
        @Argument(help: ArgumentHelp("The new name.", valueName: "new-name")) var newName: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            try cli.rename(community, .community, what: "communities", noun: "", to: newName) { id throws(GridError) in
                try cli.services.renameCommunity(id: id, to: newName, context: cli.context)
            }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move", abstract: "Move a community to another street; its cells, cases, chain and history go with it.")
        @Argument(help: ArgumentHelp("Community name, unique prefix, or 街道/小区.", valueName: "community")) var community: String
        @Argument(help: ArgumentHelp("The street it moves to.", valueName: "street")) var street: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            let ref = try cli.resolver.community(community)
            let to = try cli.resolver.node(street, levels: [.street], what: "streets")
            let out = try cli.services.moveCommunity(id: ref.node.id, toStreet: to.node.id, context: cli.context)
            MasterDataCLI.report(out, "已迁移 \(ref.name): \(out.audit.first?.oldValue ?? "") → \(to.name)", unchanged: "\(ref.name) is already in \(to.name)")
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire",
            abstract: "Retire a community (已撤销): it leaves the board, browser, roll-ups and search; its cells, cases and audit stay.")
        @Argument(help: ArgumentHelp("Community name, unique prefix, or 街道/小区.", valueName: "community")) var community: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            let ref = try cli.resolver.community(community)
            let out = try cli.services.setRetired(communityID: ref.node.id, true, context: cli.context)
            MasterDataCLI.report(out, "已撤销 \(ref.name)（\(out.audit.first?.note ?? "")）; `civgrid community unretire` brings it back",
                                 unchanged: "\(ref.name) is already retired")
        }
    }

    struct Unretire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unretire", abstract: "Bring a retired community back onto the board.")
        @Argument(help: ArgumentHelp("Community name, unique prefix, or 街道/小区.", valueName: "community")) var community: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let cli = try MasterDataCLI(store)
            let ref = try cli.resolver.community(community)
            let out = try cli.services.setRetired(communityID: ref.node.id, false, context: cli.context)
            MasterDataCLI.report(out, "已恢复 \(ref.name)", unchanged: "\(ref.name) is not retired")
        }
    }
}
