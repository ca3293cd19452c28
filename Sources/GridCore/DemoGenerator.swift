/// Builds a deterministic, realistic grid: the same scale, seed and day always give the same grid.
///
/// Master data comes as arrays; communities are produced one at a time so a province (100,000
/// communities, a million cells) streams into the store without being held in memory.
public struct DemoGenerator: Sendable {
    public let scale: DemoScale
    public let seed: UInt64
    /// The campaign day the statuses and deadlines are relative to.
    public let today: Day
    /// The instant the history ends at (generation time).
    public let now: Timestamp

    /// Creates a generator.
    public init(scale: DemoScale, seed: UInt64, today: Day, now: Timestamp) {
        self.scale = scale
        self.seed = seed
        self.today = today
        self.now = now
    }

    /// The offices with streets, units and property companies.
    public func offices() -> [DemoOffice] {
        (0..<scale.offices).map { office($0) }
    }

    /// Calls `body` for every community of office `officeIndex`, in street order.
    public func forEachCommunity(officeIndex: Int, _ body: (DemoCommunity) throws -> Void) rethrows {
        var rng = SeededRandom(seed: seed &+ UInt64(officeIndex) &* 7919 &+ 1)
        let count = scale.communitiesPerOffice, streets = scale.streetsPerOffice
        let declaredEvery = count / scale.declaredSitesPerOffice
        var used = Set<String>()
        var site = 0
        for i in 0..<count {
            let street = i * streets / count
            let isSite = i % declaredEvery == declaredEvery / 2 && site < scale.declaredSitesPerOffice
            if isSite { site += 1 }
            let kind = isSite ? siteKind(site, &rng) : rng.weighted([(.residential, 6), (.oldEstate, 3), (.urbanVillage, 1)])
            let name = uniqueName(kind: kind, street: street, used: &used, &rng)
            try body(community(street: street, name: name, kind: kind, site: isSite ? site : nil, &rng))
        }
    }

    // MARK: Master data

    func office(_ index: Int) -> DemoOffice {
        var rng = SeededRandom(seed: seed &+ UInt64(index) &* 104_729)
        let county = DemoNames.counties[index % DemoNames.counties.count]
        let prefix = scale == .county ? county : String(county.dropLast()) + "市"
        var streetNames: [String] = []
        var seen = Set<String>()
        while streetNames.count < scale.streetsPerOffice {
            let base = streetNames.isEmpty ? "城关" : place(&rng, syllables: 2)
            let name = base + rng.pick(DemoNames.streetSuffixes)
            if seen.insert(name).inserted { streetNames.append(name) }
        }
        return DemoOffice(name: prefix + "三创办", streets: streetNames,
                          units: units(count: scale.unitsPerOffice, prefix: String(prefix.dropLast()), streets: streetNames, &rng),
                          properties: properties(count: scale.propertiesPerOffice, &rng))
    }

    func units(count: Int, prefix: String, streets: [String], _ rng: inout SeededRandom) -> [DemoUnit] {
        var names: [(String, UnitKind)] = []
        names += streets.prefix(count / 6).map { ($0 + "办事处", .streetOffice) }
        var round = 0
        while names.count < count {
            let area = round == 0 ? prefix : prefix + place(&rng, syllables: 2) + "片区"
            for d in DemoNames.departments where names.count < count { names.append((area + d, .department)) }
            for e in DemoNames.enterprises where names.count < count { names.append((area + e, .enterprise)) }
            round += 1
        }
        var unique = Set<String>()
        return names.filter { unique.insert($0.0).inserted }.map { name, kind in
            DemoUnit(name: name, kind: kind, head: contact(&rng), liaison: contact(&rng))
        }
    }

    func properties(count: Int, _ rng: inout SeededRandom) -> [DemoProperty] {
        var seen = Set<String>()
        var result: [DemoProperty] = []
        while result.count < count {
            let name = place(&rng, syllables: rng.int(2...3)) + rng.pick(DemoNames.propertySuffixes)
            if seen.insert(name).inserted { result.append(DemoProperty(name: name, manager: contact(&rng))) }
        }
        return result
    }

    // MARK: Communities

    func community(street: Int, name: String, kind: CommunityKind, site: Int?, _ rng: inout SeededRandom) -> DemoCommunity {
        let units = scale.unitsPerOffice, props = scale.propertiesPerOffice
        let hasProperty = kind == .residential ? rng.chance(0.92) : kind == .oldEstate ? rng.chance(0.4) : kind == .market
        let property = hasProperty ? rng.int(0...(props - 1)) : nil
        var links: [(unit: Int, role: AssignmentRole, property: Int?)] = [(rng.int(0...(units - 1)), .lead, property)]
        for _ in 0..<rng.weighted([(0, 5.0), (1, 4.0), (2, 1.0)]) {
            let u = rng.int(0...(units - 1))
            if !links.contains(where: { $0.unit == u }) { links.append((u, .support, property)) }
        }
        let cells = StandardThemes.all.enumerated().filter { $0.element.applies(to: kind) }.map { index, theme in
            cell(theme: index, code: theme.code, &rng)
        }
        let road = rng.pick(DemoNames.roadWords)
        return DemoCommunity(
            streetIndex: street, name: name, address: "\(road)\(rng.int(1...999))号", kind: kind, declaredSite: site,
            households: kind.isResidential ? rng.int(80...3200) : nil, links: links, cells: cells)
    }

    func cell(theme: Int, code: String, _ rng: inout SeededRandom)
        -> (theme: Int, status: CellStatus, dueOn: Day?, note: String, changedAt: Timestamp?, changedBy: String?)
    {
        let status: CellStatus = rng.weighted([
            (.unchecked, 8), (.ok, 70), (.problem, 4), (.rectifying, 6), (.recheck, 3), (.fixedOnSite, 4),
            (.parked, 1.5), (.notApplicable, 3.5),
        ])
        var due: Day?
        switch status {
        case .problem, .rectifying: due = today.adding(days: rng.int(-6...7))
        case .recheck: due = today.adding(days: rng.int(-2...5))
        case .parked: due = today.adding(days: rng.int(-10...120))
        default: due = nil
        }
        let note = status == .problem || status == .parked || status == .rectifying
            ? rng.pick(DemoNames.problems[code] ?? ["现场发现问题"]) : ""
        guard status != .unchecked else { return (theme, status, nil, "", nil, nil) }
        let ago = Int64(rng.int(0...(30 * 24 * 60))) * 60_000
        let who = DemoOperators.all[rng.int(0...3)].login
        return (theme, status, due, note, Timestamp(millis: now.millis - ago), who)
    }

    func siteKind(_ n: Int, _ rng: inout SeededRandom) -> CommunityKind {
        let kinds: [CommunityKind] = [.market, .backStreet, .toilet, .park, .mainRoad, .backStreet, .toilet, .other]
        return kinds[(n + rng.int(0...1)) % kinds.count]
    }

    func uniqueName(kind: CommunityKind, street: Int, used: inout Set<String>, _ rng: inout SeededRandom) -> String {
        let base = baseName(kind: kind, &rng)
        var name = base
        var n = 2
        while !used.insert("\(street)|\(name)").inserted {
            name = base + (n <= 9 ? ["", "", "二期", "三期", "四期", "五期", "六期", "七期", "八期", "九期"][n] : "\(n)期")
            n += 1
        }
        return name
    }

    func baseName(kind: CommunityKind, _ rng: inout SeededRandom) -> String {
        switch kind {
        case .residential: place(&rng, syllables: rng.int(1...3)) + rng.pick(DemoNames.residentialSuffixes)
        case .oldEstate: place(&rng, syllables: 2) + rng.pick(DemoNames.oldEstateSuffixes)
        case .urbanVillage: place(&rng, syllables: 2) + "村"
        case .backStreet: place(&rng, syllables: 2) + rng.pick(["巷", "里背街", "胡同"])
        case .market: place(&rng, syllables: 2) + "农贸市场"
        case .toilet: rng.pick(DemoNames.roadWords) + rng.pick(["公厕", "一号公厕", "旅游公厕"])
        case .park: place(&rng, syllables: 2) + rng.pick(["公园", "广场", "文化广场"])
        case .mainRoad: rng.pick(DemoNames.roadWords) + rng.pick(["", "东段", "西段"])
        case .other: place(&rng, syllables: 2) + rng.pick(["汽车站", "火车站广场", "学校周边"])
        }
    }

    func place(_ rng: inout SeededRandom, syllables: Int) -> String {
        (0..<syllables).map { _ in rng.pick(DemoNames.placeSyllables) }.joined()
    }

    func contact(_ rng: inout SeededRandom) -> Contact {
        let name = rng.pick(DemoNames.surnames) + rng.pick(DemoNames.givenNames)
        // 1xx-0000-nnnn: a real mobile prefix with an all-zero middle block, obviously fictitious.
        let phone = "1\(rng.pick(["38", "39", "58", "86", "77"]))0000\(String(rng.int(1000...9999)))"
        return Contact(name: name, phone: phone)
    }
}
