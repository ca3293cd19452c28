import Foundation
import GridCore
import Testing
@testable import GridApp

/// config.toml: a value the console cannot use is an error with the file and line, never silently unset.
@Suite("The console's config.toml")
struct UserConfigTests {
    func folder(_ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("civgrid-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("civgrid"), withIntermediateDirectories: true)
        try text.write(to: dir.appendingPathComponent("civgrid/config.toml"), atomically: true, encoding: .utf8)
        return dir.path
    }

    @Test("an impossible assessment date names the file and line")
    func badDate() throws {
        let dir = try folder("theme = \"light\"\nassessment_date = \"2026-02-30\"\n")
        #expect { try UserConfig.load(environment: ["XDG_CONFIG_HOME": dir]) } throws: { error in
            "\(error)".contains("civgrid/config.toml:2: assessment_date “2026-02-30” is not a date")
        }
    }

    @Test("a good file is read")
    func goodFile() throws {
        let dir = try folder("theme = \"light\"\nassessment_date = \"2026-12-15\"\n")
        let config = try UserConfig.load(environment: ["XDG_CONFIG_HOME": dir])
        #expect(config.theme == "light")
        #expect(config.assessmentDate == Day("2026-12-15"))
    }
}
