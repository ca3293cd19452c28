/// The assessment themes a new database starts with; an office may edit the list later.
public enum StandardThemes {
    private static let living: Set<CommunityKind> = [.residential, .oldEstate, .urbanVillage]
    private static let everywhere = Set(CommunityKind.allCases)

    /// The default themes in board order, with the kinds each applies to. IDs are 0 (assigned on insert).
    public static let all: [CheckTheme] = [
        theme("public_ads", "公益广告", "public-service ads", everywhere),
        theme("sanitation", "环境卫生", "sanitation", everywhere),
        theme("waste_sorting", "垃圾分类", "waste sorting", living.union([.market, .park])),
        theme("corridors", "楼道与消防通道", "corridors & fire lanes", living),
        theme("parking", "停车秩序", "parking order", living.union([.backStreet, .market, .mainRoad, .park])),
        theme("flying_leads", "飞线充电", "flying-lead charging", living),
        theme("facilities", "设施完好", "facilities intact", everywhere),
        theme("greening", "绿化养护", "greening upkeep", living.union([.park, .mainRoad, .backStreet])),
        theme("property_service", "物业公示与服务", "property notices & service", [.residential, .oldEstate]),
        theme("market_order", "市场秩序", "market order", [.market]),
        theme("toilet_cleaning", "公厕保洁", "toilet cleaning", [.toilet]),
    ].enumerated().map { index, t in
        var t = t
        t.position = index + 1
        return t
    }

    private static func theme(_ code: String, _ zh: String, _ en: String, _ kinds: Set<CommunityKind>) -> CheckTheme {
        CheckTheme(id: 0, code: code, zh: zh, en: en, kinds: kinds, position: 0)
    }
}
