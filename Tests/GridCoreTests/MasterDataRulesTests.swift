import GridCore
import Testing

/// The rules a hand-entered name, phone or kind passes — the same as an imported cell's.
@Suite("Master data: names, phones and kinds")
struct MasterDataRulesTests {
    @Test("names are trimmed and full-width letters and digits folded; Chinese punctuation stays",
          arguments: [("  ＡＢＣ国际公寓 ", "ABC国际公寓"), ("幸福里（一期）", "幸福里（一期）"), ("苑", "苑"),
                      ("龙翠荆御景湾１２栋", "龙翠荆御景湾12栋")])
    func names(raw: String, stored: String) throws {
        #expect(try MasterDataRules.name(raw, field: "小区名称") == stored)
    }

    @Test("empty, multi-line, control characters, bidi overrides and over-long names are refused, naming the field",
          arguments: ["", "   ", "阳光\n小区", "阳光\u{1B}[2J小区", "阳光\u{202E}小区", "阳光\u{200F}", String(repeating: "长", count: 101)])
    func refusedNames(raw: String) {
        #expect {
            _ = try MasterDataRules.name(raw, field: "小区名称")
        } throws: { error in
            guard case GridError.invalidInput(let message) = error else { return false }
            return message.contains("小区名称")
        }
    }

    @Test("phones: one stored form, the original kept for the audit note; empty allowed; anything else refused")
    func phones() throws {
        #expect(try MasterDataRules.phone("(0576)87781234", field: "电话") == ("0576-87781234", "电话 原文 (0576)87781234"))
        #expect(try MasterDataRules.phone("13957612345", field: "电话") == ("13957612345", nil))
        #expect(try MasterDataRules.phone("", field: "电话") == ("", nil))
        for bad in ["12345", "电话号码", "0576-8778123456789", "139\u{0}57612345"] {
            #expect(throws: GridError.self) { try MasterDataRules.phone(bad, field: "电话") }
        }
    }

    @Test("kinds are found by code, label (folded) or a seeded kind's English label; labels show the office's own")
    func catalog() {
        var kinds = KindCatalog.seeded
        kinds.site.append(SiteKind(code: "site_10", zh: "政务服务大厅", base: .park))
        kinds.unit.append(UnitKindEntry(code: "unit_5", zh: "县直部门", base: .department))
        #expect(kinds.site.count == 10 && kinds.site.prefix(9).allSatisfy(\.isSeeded))
        #expect(kinds.siteKind("政务服务大厅")?.code == "site_10")
        #expect(kinds.siteKind("site_10")?.base == .park)
        #expect(kinds.siteKind("farmers' market")?.code == "market")
        #expect(kinds.siteKind("学校") == nil && kinds.siteKind("") == nil)
        #expect(kinds.unitKind("县直部门")?.isSeeded == false)
        let hall = Community(id: 1, streetID: 1, name: "县政务服务中心", kind: .park, siteKindCode: "site_10")
        #expect(kinds.label(of: hall) == "政务服务大厅")
        #expect(kinds.label(of: Community(id: 2, streetID: 1, name: "东湖农贸市场", kind: .market)) == "农贸市场")
        #expect(KindList.parse("点位") == .site && KindList.parse("单位") == .unit && KindList.parse("kind") == nil)
    }
}
