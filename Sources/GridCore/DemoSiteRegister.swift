/// The demo county's declared-site register: every declared site gets a lead unit and at least one supporting unit
/// (配合单位), each with a named responsible person (具体责任人) and phone, and a few sites a cadence of their own.
/// Deterministic: the same seed gives the same register.
public struct DemoSiteRegister: Sendable {
    public let seed: UInt64

    /// Creates the register's generator.
    public init(seed: UInt64) { self.seed = seed }

    /// What the demo adds to one site: supporting units to link (picked from `units`, never one already on the site),
    /// a person for every unit on the site afterwards, and the site's own cadence (nil: the office default, weekly).
    public struct Plan: Hashable, Sendable {
        public var addSupporting: [RowID]
        public var persons: [RowID: Contact]
        public var cadence: SiteCadence?
    }

    /// The plan for site `number` whose units today are `onSite`, among the office's `units`.
    public func plan(number: Int, onSite: [RowID], units: [RowID]) -> Plan {
        var rng = SeededRandom(seed: seed &+ UInt64(number) &* 7_919)
        let free = units.filter { !onSite.contains($0) }
        var add: [RowID] = []
        let wanted = onSite.count >= 2 ? 0 : (rng.chance(0.4) ? 2 : 1)
        while add.count < wanted, add.count < free.count {
            let u = rng.pick(free)
            if !add.contains(u) { add.append(u) }
        }
        var persons: [RowID: Contact] = [:]
        for u in onSite + add {
            let name = rng.pick(DemoNames.surnames) + rng.pick(DemoNames.givenNames)
            let phone = rng.pick(["139", "138", "137", "186", "177", "158"]) + Self.eightDigits(rng.int(0...99_999_999))
            persons[u] = Contact(name: name, phone: phone)
        }
        let cadence: SiteCadence? = number % 5 == 0 ? SiteCadence(days: 14) : (number % 7 == 0 ? SiteCadence(days: 3) : nil)
        return Plan(addSupporting: add, persons: persons, cadence: cadence)
    }

    /// `n` as eight digits with leading zeros.
    static func eightDigits(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
