import Foundation
import ArgumentParser
import GridCore
import GridStore

/// `civgrid init --office NAME`: an empty database for a real office; the creating login is its first admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty database for a real office (you become its first admin).")

    @Option(help: ArgumentHelp("The office's name, e.g. 城关县三创办.", valueName: "name"))
    var office: String

    @Option(help: ArgumentHelp("Your display name (default: your login).", valueName: "name"))
    var name: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let env = try RunEnvironment()
        let officeName = office.trimmingWhitespace()
        guard !officeName.isEmpty else { throw GridError.invalidInput("--office needs a name, e.g. --office 城关县三创办") }
        let location = try store.location(env)
        let admin = Operator(login: env.login, name: name?.trimmingWhitespace() ?? env.login, role: .admin)
        try TextRules.checkName(officeName, field: "--office")
        try TextRules.checkName(admin.name, field: "--name")
        let db = try location.create()
        defer { db.close() }
        try db.bootstrap(kind: DatabaseKind.office.rawValue, officeName: officeName, admin: admin, context: env.context(admin), extra: env.fixtureMeta)
        if env.createsFixture {
            Output.error("note: CIVGRID_LOGIN=\(admin.login) was set, so this database trusts CIVGRID_LOGIN from "
                + "any OS account (a test fixture). For a real office, run init without it: your OS account becomes the admin.\n")
        }
        Output.print("已创建 \(officeName) 的数据库: \(location.display)")
        Output.print("admin: \(admin.login). Add operators with `civgrid operator add LOGIN --name 姓名 --role inspector`.")
    }
}
