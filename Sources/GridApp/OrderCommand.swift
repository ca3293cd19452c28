import ArgumentParser
import GridCore

/// `civgrid order street|community NAME N`: the office's own order (排序) of a street or a community (admins only,
/// audited). Listings put numbered ones first, by number; the rest follow in pinyin order of their names.
struct OrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order",
        abstract: "Set the office's order (排序) of a street or community; --clear returns it to pinyin order (admins only).",
        discussion: """
            Streets, and communities within a street, are listed by their office order number first (0…999999), \
            then — for those without one — by the pinyin of the name (城关镇 before 兰平镇). Examples: \
            `civgrid order street 城关镇 1`, `civgrid order community 城关镇/阳光小区 3`, `civgrid order street 城关镇 --clear`.
            """)

    @Argument(help: ArgumentHelp("street or community.", valueName: "level")) var level: String
    @Argument(help: ArgumentHelp("Name, unique prefix, or 街道/小区 for a community.", valueName: "name")) var name: String
    @Argument(help: ArgumentHelp("The order number (0…999999).", valueName: "N")) var number: String?
    @Flag(help: "Remove the order number: the row goes back to pinyin order.") var clear = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard ["street", "community"].contains(level) else {
            throw ValidationError("“\(level)” has no office order: say `street` or `community` (civgrid order street 城关镇 1)")
        }
        switch (number, clear) {
        case (nil, false): throw ValidationError("give the order number N (0…999999), or --clear to go back to pinyin order")
        case (_?, true): throw ValidationError("a number and --clear contradict each other; give one")
        case (let text?, false):
            guard OfficeOrder.parse(text) != nil else {
                throw ValidationError("“\(text)” is not an order number: give a whole number from 0 to 999999")
            }
        case (nil, true): break
        }
    }

    func run() throws {
        let env = try RunEnvironment()
        let db = try store.open(env)
        let resolver = Resolver(store: db)
        let ref = level == "street" ? try resolver.node(name, levels: [.street], what: "streets") : try resolver.community(name)
        let order = number.flatMap(OfficeOrder.parse)
        let entries = try env.services(db).setOrder(ref.node, to: order, context: env.context(try db.operatorAccount(login: env.login)))
        let label = ref.path.isEmpty ? ref.name : "\(ref.path) / \(ref.name)"
        if entries.isEmpty {
            Output.print("未变更: \(label) 的排序已是 \(order.map(String.init) ?? "无（按拼音）")")
        } else {
            Output.print("已设排序: \(label) → \(order.map(String.init) ?? "无（按拼音）")")
        }
    }
}
