import ArgumentParser
import GridCore

/// `civgrid case notify NUMBER`: the ≤140-character message calling the unit's responsible person to the site, printed
/// for pasting into SMS or WeChat, and recorded as a case event (by whom, when, to whom) unless `--preview`.
struct CaseNotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Print the ≤140-character message calling the unit's responsible person to the site, and record that it was sent.")
    @Argument(help: ArgumentHelp("Case number.", valueName: "number")) var number: String
    @Flag(help: "Only print the message; record nothing.") var preview = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let db = try store.open(env)
        let n = try CaseCommand.number(number)
        let note = try env.services(db).notifyCase(n, record: !preview, context: env.context(try db.operatorAccount(login: env.login)))
        Output.print(note.message)
        if !preview { Output.error("已记录通知 (recorded): \(note.recipients)\n") }
    }
}
