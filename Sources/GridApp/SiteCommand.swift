import ArgumentParser
import GridCore
import TerminalKit

/// `civgrid site list|show|set`: the declared-site register (申报点位) — numbers, kinds, lead and supporting units
/// with their responsible persons, and the lead unit's self-inspection cadence.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "The declared-site register (申报点位): list, show, and set numbers, kinds, cadences and responsible persons.",
        subcommands: [List.self, Show.self, Set.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Every declared site by number, one traffic-light line each (open, overdue, last self-inspection).")
        @Option(help: ArgumentHelp("The office (when the database holds several).", valueName: "office")) var office: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env, forReading: true)
            let officeID = try office.map { o throws(GridError) in try Resolver(store: db).node(o, levels: [.office], what: "offices").node.id }
            let sites = try SiteText.register(db).declaredSites(officeID: officeID, today: env.clock.today,
                                                                  utcOffsetSeconds: env.clock.utcOffsetSeconds)
            if output.json {
                Output.json(Format.jsonText(sites.map { SiteText.json($0, today: env.clock.today) }))
                return
            }
            guard !sites.isEmpty else {
                Output.print("没有申报点位 (no declared sites); number one with `civgrid site set 名称 --number 1`")
                return
            }
            var table = TextTable.forOutput(headers: ["灯", "点位", "名称", "类型", "牵头单位", "配合", "未结", "逾期", "最近自查", "周期"],
                                            trailing: [5, 6, 7])
            for s in sites { table.append(SiteText.row(s, today: env.clock.today)) }
            Output.print(table.render())
            let red = sites.filter { $0.light(today: env.clock.today) == .red }.count
            Output.print("\(sites.count) 个申报点位; 红灯 \(red) (逾期未整改或未按周期自查 overdue cases or self-inspection missed)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One declared site: units, responsible persons, cadence, figures.")
        @Argument(help: ArgumentHelp("Site number (12 or ◆12) or community name.", valueName: "site")) var site: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try RunEnvironment()
            let db = try store.open(env, forReading: true)
            let s = try SiteText.find(site, in: db, env: env)
            if output.json {
                Output.json(Format.jsonText(SiteText.json(s, today: env.clock.today)))
                return
            }
            Output.print(SiteText.detail(s, today: env.clock.today))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set a site's number, kind, cadence or a unit's responsible person (admins only, audited).",
            discussion: "All given options apply together or none does. `civgrid site set --default-cadence weekly` sets the office default.")
        @Argument(help: ArgumentHelp("Site number (12 or ◆12) or community name (a community that is not yet a site takes --number).",
                                     valueName: "site")) var site: String?
        @Option(help: ArgumentHelp("The declared-site number, unique in the office.", valueName: "n")) var number: Int?
        @Flag(name: .customLong("clear-number"), help: "The community stops being a declared site.") var clearNumber = false
        @Option(help: ArgumentHelp("Site kind: code or label (`civgrid kind list`).", valueName: "kind")) var kind: String?
        @Option(help: ArgumentHelp("Self-inspection cadence: weekly (每周), biweekly, monthly, 10天, 2周; `default` follows the office's.",
                                   valueName: "cadence")) var cadence: String?
        @Option(name: .customLong("default-cadence"), help: ArgumentHelp("The office's default cadence for its sites.", valueName: "cadence"))
        var defaultCadence: String?
        @Option(help: ArgumentHelp("A unit assigned to the site, whose responsible person --person/--phone set.", valueName: "unit")) var unit: String?
        @Option(help: ArgumentHelp("The unit's responsible person on the site (具体责任人); empty clears.", valueName: "name")) var person: String?
        @Option(help: ArgumentHelp("The responsible person's phone.", valueName: "phone")) var phone: String?
        @Option(help: ArgumentHelp("The office (for --default-cadence when the database holds several).", valueName: "office")) var office: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if number != nil && clearNumber { throw ValidationError("--number and --clear-number contradict each other; give one") }
            if (person != nil || phone != nil) && unit == nil { throw ValidationError("--person and --phone need --unit (whose responsible person)") }
            if unit != nil && person == nil && phone == nil { throw ValidationError("--unit needs --person and/or --phone") }
            let edits = number != nil || clearNumber || kind != nil || cadence != nil || unit != nil
            if site == nil && (edits || defaultCadence == nil) {
                throw ValidationError("name the site (its number or name), or give only --default-cadence")
            }
            if site != nil && !edits && defaultCadence == nil { throw ValidationError("nothing to set: give --number, --kind, --cadence or --unit with --person/--phone") }
        }

        func run() throws {
            let cli = try MasterDataCLI(store)
            if let defaultCadence {
                let out = try cli.services.setDefaultCadence(officeID: try cli.office(office), try SiteRules.cadence(defaultCadence),
                                                             context: cli.context)
                MasterDataCLI.report(out, "已设置默认自查周期 \(out.audit.first?.note ?? "")", unchanged: "the default cadence is already that")
            }
            guard let site else { return }
            let id = try SiteText.communityID(site, cli: cli)
            var edit = SiteEdit(communityID: id)
            if let number { edit.number = .set(number) }
            if clearNumber { edit.number = .clear }
            edit.kind = kind
            if let cadence {
                edit.cadence = ["default", "默认", "office"].contains(cadence.trimmingWhitespace().lowercased()) ? .officeDefault
                    : .set(try SiteRules.cadence(cadence))
            }
            if let unit {
                let u = try cli.id(unit, .unit, what: "units")
                var old = Contact(name: "", phone: "")
                if person == nil || phone == nil, let tx = try? SiteText.register(cli.db) {
                    let today = cli.context.clock.today
                    let sites = try tx.declaredSites(officeID: nil, today: today, utcOffsetSeconds: cli.context.clock.utcOffsetSeconds)
                    old = sites.first { $0.community.id == id }?.units.first { $0.link.unit.id == u }?.responsible ?? old
                }
                edit.contact = (u, person ?? old.name, phone ?? old.phone)
            }
            let out = try cli.services.editSite(edit, context: cli.context)
            let lines = out.audit.map { "  \($0.field): \($0.oldValue ?? "—") → \($0.newValue ?? "—")  \($0.note)" }
            MasterDataCLI.report(out, "已更新申报点位 (updated):\n" + lines.joined(separator: "\n"), unchanged: "\(site) already has those values")
        }
    }
}
