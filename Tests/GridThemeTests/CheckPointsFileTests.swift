import Foundation
import GridCore
import GridTheme
import Testing

@Suite("checkpoints.toml: the shipped check points and file:line problems")
struct CheckPointsFileTests {
    static let codes = Set(StandardThemes.all.map(\.code))
    static var shipped: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Config/checkpoints.toml").standardized.path
    }

    func problems(_ text: String) -> [String] {
        CheckPointsFile.check(text, path: "c.toml", themeCodes: Self.codes).problems.map(\.description)
    }

    @Test("the compiled-in file is Config/checkpoints.toml, and it gives every standard theme its check points")
    func shipped() throws {
        let file = try String(contentsOfFile: Self.shipped, encoding: .utf8)
        #expect(BuiltinCheckPoints.text + "\n" == file, "regenerate Sources/GridTheme/BuiltinCheckPoints.swift from Config/checkpoints.toml")
        let points = try CheckPointsFile.parse(file, path: "checkpoints.toml", themeCodes: Self.codes)
        #expect(Set(points.byTheme.keys) == Self.codes)
        for (code, list) in points.byTheme {
            #expect((3...CheckPoints.maxPoints).contains(list.count), "\(code) has \(list.count) points")
            #expect(list.allSatisfy { $0.count <= 40 }, "\(code): a shipped point reads in one breath")
        }
        #expect(points.points(for: "toilet_cleaning").first?.hasPrefix("六有") == true)
        #expect(points.points(for: "no_such_theme").isEmpty)
    }

    @Test("a theme's points keep their order; codes of other themes are allowed when no theme list is given")
    func order() throws {
        let text = "[[theme]]\ncode = \"school_gate\"\npoints = [\"校门口无占道经营\", \"接送区秩序\", \"护学岗在岗\"]\n"
        let points = try CheckPointsFile.parse(text, path: "c.toml", themeCodes: nil)
        #expect(points.points(for: "school_gate") == ["校门口无占道经营", "接送区秩序", "护学岗在岗"])
    }

    @Test("every problem is reported with its line, all at once, and nothing is returned", arguments: [
        ("[[theme]]\ncode = \"sanitation\"\npoints = [\"a\"]\nnote = \"x\"\n", "c.toml:4: [[theme]] sanitation: unknown key “note”"),
        ("[[theme]]\npoints = [\"a\"]\n", "c.toml:1: [[theme]] #1: code is missing"),
        ("[[theme]]\ncode = \"卫生\"\npoints = [\"a\"]\n", "c.toml:2: [[theme]] 卫生: unknown theme “卫生”; themes are"),
        ("[[theme]]\ncode = \"sanitation\"\npoints = [\"a\"]\n\n[[theme]]\ncode = \"sanitation\"\npoints = [\"b\"]\n",
         "c.toml:6: [[theme]] sanitation: code sanitation is also used by [[theme]] #1"),
        ("[[theme]]\ncode = \"sanitation\"\n", "c.toml:1: [[theme]] sanitation: points is missing"),
        ("[[theme]]\ncode = \"sanitation\"\npoints = []\n", "c.toml:3: [[theme]] sanitation: points is empty"),
        ("[[theme]]\ncode = \"sanitation\"\npoints = [\"a\", \"  \", 3]\n", "c.toml:3: [[theme]] sanitation: point 2 must be a non-empty text"),
        ("[[theme]]\ncode = \"sanitation\"\npoints = [\"a\\u001B[2Jb\"]\n", "c.toml:3: [[theme]] sanitation: point 1 holds the control character U+1B"),
        ("[[theme]]\ncode = \"sanitation\"\npoints = [\"\(String(repeating: "长", count: 121))\"]\n",
         "c.toml:3: [[theme]] sanitation: point 1 has 121 characters; keep each point to 120"),
        ("[[theme]]\ncode = \"sanitation\"\npoints = [\(Array(repeating: "\"x\"", count: 13).joined(separator: ", "))]\n",
         "c.toml:3: [[theme]] sanitation: 13 points; at most 12"),
        ("theme = \"sanitation\"\n", "c.toml:1: theme must be written as [[theme]] sections"),
        ("[[theme]\ncode = 1\n", "c.toml:1: TOML syntax"),
        ("sanitation = [\"a\"]\n", "c.toml:1: unknown key “sanitation” at the top level"),
    ])
    func problems(text: String, expected: String) {
        let (points, found) = CheckPointsFile.check(text, path: "c.toml", themeCodes: Self.codes)
        #expect(points == nil)
        #expect(found.contains { $0.description.hasPrefix(expected) }, "got \(found.map(\.description))")
    }

    @Test("parse names the file, the line and the command that lists every problem")
    func parseError() {
        #expect(throws: GridError.self) { try CheckPointsFile.parse("[[theme]]\ncode = \"x\"\n", path: "/etc/c.toml", themeCodes: Self.codes) }
        do {
            _ = try CheckPointsFile.parse("[[theme]]\ncode = \"x\"\npoints = [\"a\"]\n", path: "/etc/c.toml", themeCodes: Self.codes)
        } catch {
            #expect(error.description.contains("/etc/c.toml:2:") && error.description.contains("civgrid walk check"))
        }
    }
}
