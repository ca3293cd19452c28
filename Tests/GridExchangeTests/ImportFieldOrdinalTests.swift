import Testing
@testable import GridExchange

/// `ImportField.ordinal` reads the case's stored index: it must be the case's place in `allCases` for every case.
@Suite("Import field ordinals")
struct ImportFieldOrdinalTests {
    @Test("every field's ordinal is its place in allCases, so the per-row value array never mixes columns")
    func ordinals() {
        #expect(MemoryLayout<ImportField>.size == 1)
        for (i, field) in ImportField.allCases.enumerated() { #expect(field.ordinal == i, "\(field)") }
    }
}
