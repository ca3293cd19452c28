import Foundation
import FuzzTargets
import Testing

/// Every committed fuzz input — seeds in Fuzz/corpus and the crashes the fuzzer found, fixed since and kept as
/// `Tests/GridExchangeTests/Fixtures/fuzz-<target>-*` — runs through
/// its one-input function in the ordinary build, so the corpus stays green without libFuzzer.
@Suite("Fuzz corpora replay without a crash")
struct CorpusReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    @Test("each target's seed corpus and saved crashes replay", arguments: ["csv", "xlsx", "palette", "command", "dates"])
    func replay(target: String) throws {
        let run = try #require(FuzzTargets.all[target])
        let seeds = FuzzReplay.run([Self.root.appendingPathComponent("corpus/\(target)").path], run)
        #expect(seeds >= 3, "Fuzz/corpus/\(target) has seeds")
        let fixtures = Self.root.deletingLastPathComponent().appendingPathComponent("Tests/GridExchangeTests/Fixtures")
        let crashes = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [])
            .filter { $0.hasPrefix("fuzz-\(target)-") }.map { fixtures.appendingPathComponent($0).path }
        #expect(FuzzReplay.run(crashes, run) == crashes.count)
    }
}
