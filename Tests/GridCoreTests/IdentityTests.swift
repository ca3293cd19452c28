import GridCore
import Testing

@Suite("Who acts")
struct IdentityTests {
    static let cases: [(claimed: String?, pinned: Bool, osRole: OperatorRole, acting: String?)] = [
        (nil, false, .viewer, "ops"),
        ("ops", false, .viewer, "ops"),
        ("chief", false, .admin, "chief"),
        ("chief", true, .viewer, "chief"),
        ("chief", false, .inspector, nil),
        ("chief", false, .clerk, nil),
        ("chief", false, .viewer, nil),
    ]

    @Test("CIVGRID_LOGIN is honoured for an admin OS account or a pinned fixture, refused otherwise", arguments: cases)
    func acting(claimed: String?, pinned: Bool, osRole: OperatorRole, expected: String?) {
        let account = Operator(login: "ops", name: "ops", role: osRole)
        let result = Result(catching: { () throws(GridError) in
            try Identity.acting(osUser: "ops", claimed: claimed, pinned: pinned, osAccount: account)
        })
        switch result {
        case .success(let login): #expect(login == expected)
        case .failure(let error):
            #expect(expected == nil)
            #expect(error.exitCode == 3)
        }
    }
}
