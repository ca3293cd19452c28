import Foundation
import GridCore
import Testing
@testable import GridExchange

@Suite("Mapping sheets to records")
struct MappingTests {
    let today = Day("2026-11-30")!

    func map(_ csv: String, kind: ImportKind? = nil, maps: [String] = []) throws -> MappedImport {
        let mapper = ImportMapper(file: "t.csv", kind: kind, overrides: try ImportMapper.overrides(maps), update: false, today: today)
        return try mapper.map(try CSV.parse(csv, file: "t.csv"))
    }

    @Test("the office's sheet: a merged title row above the headers, communities with unit, property and phone")
    func officeSheet() throws {
        let m = try map("""
            城关县小区名单,,,,
            小区名称,所属街道,责任单位,物业公司,联系电话
            阳光小区 ,城关街道,县住建局,阳光物业,138 0000 1234
            锦绣华庭,城关街道,县住建局,,０５７１-８７６５４３２１
            """)
        #expect(m.kind == .communities)
        #expect(m.batch.communities.map(\.fields.name) == ["阳光小区", "锦绣华庭"], "values trimmed")
        #expect(m.batch.communities.map(\.line) == [3, 4])
        #expect(m.batch.units.count == 1)
        #expect(m.batch.properties.first?.fields.manager?.phone == "13800001234", "phone normalised onto the property manager")
        #expect(m.batch.links.map(\.fields.role) == [.lead, .lead])
        #expect(m.batch.units.first?.fields.head?.phone == nil || m.batch.units.first?.fields.head?.phone == "")
        #expect(!m.warnings.contains { $0.message.contains("neither a mobile") }, "a full-width landline is valid after folding: \(m.warnings)")
        #expect(m.warnings.map(\.line) == [4], "the phone after 物业公司 is the property's; line 4 names none, and says so")
    }

    @Test("header variants and --map overrides find the columns")
    func headers() throws {
        #expect(try map("小区,街道/乡镇,包保单位\nA,B,C\n").batch.links.first?.fields.unit == "C")
        #expect(try map("name,street,address\nA,B,人民路1号\n").batch.communities.first?.fields.address == "人民路1号")
        let m = try map("楼盘,片区\n金色家园,城东\n", maps: ["楼盘=community", "片区=street"])
        #expect(m.batch.communities.first?.fields.street == "城东")
        #expect(throws: GridError.self) { try map("x,y\n1,2\n") }
        #expect(throws: GridError.self) { try ImportMapper.overrides(["楼盘=nonsense"]) }
    }

    @Test("bad rows are rejected with reasons; bad phones are kept and reported; duplicates caught")
    func rejections() throws {
        let m = try map("""
            小区名称,所属街道,类型,户数,联系电话,责任单位
            ,城关,住宅小区,10,13800001234,局
            阳光小区,城关,宫殿,10,,局
            金色家园,城关,,十户,,局
            东湖村,城关,城中村,30,12345,局
            东湖村,城关,城中村,30,,局
            """)
        // A kind is the office's list, read by the store: 宫殿 goes through as written (and is refused there, with how
        // to add it, unless `--add-kinds`; see MasterDataCLITests).
        #expect(m.rejected.map(\.line) == [2, 4, 6])
        #expect(m.rejected[0].reason.contains("empty"))
        #expect(m.rejected[1].reason.contains("whole number"))
        #expect(m.rejected[2].reason.contains("duplicate of line 5"))
        #expect(m.warnings.map(\.line) == [5])
        #expect(m.batch.communities.map(\.fields.name) == ["阳光小区", "东湖村"])
        #expect(m.batch.communities.first?.fields.kindName == "宫殿" && m.batch.communities.first?.fields.kind == nil)
    }

    @Test("statuses: status spellings, dates, 挂账's plan date from 期限; themes and cases are refused clearly")
    func statuses() throws {
        let m = try map("""
            小区名称,所属街道,测评主题,状态,期限,说明
            阳光小区,城关,环境卫生,有问题,2026-12-03,垃圾桶满溢
            阳光小区,城关,公益广告,6,2027/3/1,改造
            阳光小区,城关,飞线充电,maybe,,
            """)
        #expect(m.kind == .statuses)
        #expect(m.batch.statuses[0].fields.request.due == Day("2026-12-03"))
        #expect(m.batch.statuses[1].fields.request.plan == Day("2027-03-01"))
        #expect(m.rejected.first?.reason.contains("unknown status") == true)
        #expect(throws: GridError.self) { try map("a,b\n1,2\n", kind: .cases) }
    }

    @Test("names match after folding full-width ASCII and removing spaces, not across scripts")
    func nameKeys() {
        #expect(NameKey.of("ＡＢＣ 小区") == NameKey.of("ABC小区"))
        #expect(NameKey.of("阳光　小区") == NameKey.of("阳光小区"))
        #expect(NameKey.of("陽光小區") != NameKey.of("阳光小区"))
        #expect(PhoneNumber.normalise("010-12345678").valid)
        #expect(PhoneNumber.normalise("0571-8765432-123").valid)
        #expect(!PhoneNumber.normalise("12345678901").valid)
        #expect(!PhoneNumber.normalise("1380000123").valid)
    }

    @Test("a 100,000-row sheet parses and maps")
    func large() throws {
        var text = "小区名称,所属街道,户数\n"
        for i in 0..<100_000 { text += "小区\(i),街道\(i % 100),\(i % 3000)\n" }
        let m = try map(text)
        #expect(m.rows == 100_000)
        #expect(m.batch.communities.count == 100_000)
        #expect(m.rejected.isEmpty)
    }
}

@Suite("Mapping theme sheets")
struct ThemeMappingTests {
    @Test("themes: code, names and kinds; bad codes and kinds are refused")
    func themes() throws {
        let mapper = ImportMapper(file: "t.csv", kind: nil, overrides: [:], update: false, today: Day("2026-11-30")!)
        let m = try mapper.map(try CSV.parse("""
            代码,测评主题,英文名称,适用类型
            smoking,禁烟标识,no smoking,住宅小区、农贸市场
            禁烟,禁烟标识,,住宅小区
            pets,文明养犬,,宫殿
            """, file: "t.csv"))
        #expect(m.kind == .themes)
        #expect(m.batch.themes.first?.fields.kinds == [.residential, .market])
        #expect(m.rejected.map(\.line) == [3, 4])
    }
}
