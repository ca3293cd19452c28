import Foundation
import GridCore
import Testing
@testable import GridExchange

@Suite("Sheets as offices write them: columns")
struct OfficeColumnTests {
    @Test("leaders and two 联系电话 columns: each phone belongs to the person column before it (CSV fixture, GBK, XLSX)")
    func leadersAndRepeatedPhones() throws {
        let text = try OfficeSheet.fixture("leaders-two-phones.csv")
        for m in [try OfficeSheet.csv(text), try OfficeSheet.gbk(text), try OfficeSheet.xlsx(text)] {
            #expect(m.kind == .communities)
            let head = try #require(m.batch.units.first { $0.fields.name == "县住建局" }?.fields.head)
            #expect(head == Contact(name: "王建国", phone: "13957612345"))
            #expect(m.batch.properties.map(\.fields.name) == ["丽景物业"], "无物业 and 自管 are no company")
            #expect(m.batch.properties.first?.fields.manager?.phone == "0576-87781234", "the second 联系电话 is the property's")
            #expect(m.batch.units.first { $0.fields.name == "县城管局" }?.fields.head?.phone == "0576-87791234")
            #expect(m.batch.links.map(\.fields.property) == ["丽景物业", nil, nil])
            #expect(m.batch.communities.map(\.fields.street) == ["赤城街道", "赤城街道", "始丰街道"])
            #expect(m.skipped >= 1, "合计 and blank rows are skipped, not rejected")
            #expect(m.rejected.isEmpty, "\(m.rejected.map(\.reason))")
            #expect(m.unusedColumns.isEmpty, "序号 is the office's order of the communities")
            #expect(m.batch.communities.map(\.fields.order) == [1, 2, 3])
            #expect(m.conflicts.isEmpty, "139-5761-2345 is the same phone as 13957612345")
        }
    }

    @Test("--map addresses a column by letter or 1-based number; a map to no column is an error")
    func mapByPosition() throws {
        let sheet = "小区名称,所属街道,包保单位,甲,乙\n龙湖天街,城关街道,县教育局,张三,13800001111\n"
        let byLetter = try OfficeSheet.csv(sheet, maps: ["D=head", "E=head_phone"])
        #expect(byLetter.batch.units.first?.fields.head == Contact(name: "张三", phone: "13800001111"))
        let byNumber = try OfficeSheet.csv(sheet, maps: ["4=head", "5=head_phone"])
        #expect(byNumber.batch.units.first?.fields.head == Contact(name: "张三", phone: "13800001111"))
        #expect(byLetter.unusedColumns.isEmpty)
        #expect { try OfficeSheet.csv(sheet, maps: ["Z=head"]) } throws: { "\($0)".contains("names no column") }
        #expect { try OfficeSheet.csv(sheet, maps: ["联系人=head"]) } throws: { "\($0)".contains("A 小区名称") }
    }

    @Test("header spellings with full-width brackets and alternates (GBK)", arguments: [
        "街道（乡镇）,小区（网格）名称,物业公司名称,手机号码", "乡镇（街道）,社区名称,物业服务企业名称,电话号码",
        "所在街道,小区名,物业公司,联系电话（手机）", "镇街,小区名称,物业服务企业,手机",
    ])
    func spellings(header: String) throws {
        let m = try OfficeSheet.gbk(header + "\n天台街道,桥头小区,天台物业,13800002222\n")
        #expect(m.kind == .communities)
        #expect(m.batch.communities.first?.fields.street == "天台街道")
        #expect(m.batch.properties.first?.fields.manager?.phone == "13800002222")
    }

    @Test("unit spellings: 责任单位名称, 包联单位; leader spellings 包联领导, 责任领导, 责任人, 分管领导", arguments: [
        ("责任单位名称", "包联领导"), ("包联单位", "责任领导"), ("责任单位", "责任人"), ("包保单位", "分管领导"),
    ])
    func unitSpellings(unit: String, leader: String) throws {
        let m = try OfficeSheet.csv("所属街道,小区名称,\(unit),\(leader),联系电话\n平桥镇,平桥村,县农业农村局,陈明,0576-83881234\n")
        #expect(m.batch.units.first?.fields.head == Contact(name: "陈明", phone: "0576-83881234"))
    }

    @Test("a sheet whose kind cannot be told is refused with the headers found and expected, never guessed")
    func unknownKind() throws {
        // A street and a unit but no community column: not a units sheet.
        #expect { try OfficeSheet.csv("街道,网点,责任单位\n城关街道,东门,县住建局\n") } throws: { e in
            let t = "\(e)"
            return t.contains("cannot tell") && t.contains("B 网点") && t.contains("小区名称 + 所属街道")
        }
        // Told to be communities but the street column is missing: one header error, not every row rejected.
        #expect { try OfficeSheet.csv("小区名称,片区\n阳光小区,城东\n", kind: .communities) } throws: { "\($0)".contains("--map COLUMN=street") }
    }

    @Test("two units in one cell: a lead and a supporting unit")
    func twoUnits() throws {
        for cell in ["县住建局、县城投集团", "县住建局/县城投集团", "县住建局，县城投集团"] {
            let m = try OfficeSheet.csv("所属街道,小区名称,责任单位,负责人\n福溪街道,福溪家园,\"\(cell)\",周强\n")
            #expect(m.batch.links.map(\.fields.unit) == ["县住建局", "县城投集团"])
            #expect(m.batch.links.map(\.fields.role) == [.lead, .support])
            #expect(m.batch.units.map(\.fields.head?.name) == ["周强", nil], "the row's contact is the lead's")
        }
        // Both units answer for the row's property company (a supporting unit once lost it).
        let m = try OfficeSheet.csv("所属街道,小区名称,责任单位,物业公司\n福溪街道,ABC国际公寓,县住建局、县城投集团,测试物业有限公司\n")
        #expect(m.batch.links.map(\.fields.property) == ["测试物业有限公司", "测试物业有限公司"])
    }

    @Test("a county column: same-named streets in different counties stay apart; each county is an office (XLSX)")
    func counties() throws {
        let m = try OfficeSheet.xlsx("县（市、区）,街道,小区名称\n天台县,城关街道,阳光小区\n仙居县,城关街道,阳光小区\n天台县三创办,城关街道,锦绣花园\n")
        #expect(m.rejected.isEmpty, "\(m.rejected.map(\.reason))")
        #expect(m.batch.communities.map(\.fields.office) == ["天台县三创办", "仙居县三创办", "天台县三创办"])
        #expect(m.batch.offices.map(\.fields.name) == ["天台县三创办", "仙居县三创办"])
    }

    @Test("conflicting contacts for one unit or property company on different rows are reported, the first kept")
    func conflicts() throws {
        let m = try OfficeSheet.csv("""
            所属街道,小区名称,责任单位,包保领导,联系电话,物业公司,项目经理,联系电话
            白鹤镇,白鹤新村,县交通局,林涛,13900001111,白鹤物业,吴刚,13700001111
            白鹤镇,白鹤老街,县交通局,林涛,13900001111,白鹤物业,郑凯,13700002222
            白鹤镇,白鹤花园,县交通局,,,白鹤物业,,
            白鹤镇,白鹤西苑,县交通局,何平,13900009999,,,
            """)
        #expect(m.conflicts.map(\.line) == [3, 5])
        #expect(m.conflicts[0].message.contains("吴刚") && m.conflicts[0].message.contains("郑凯"))
        #expect(m.batch.units.first?.fields.head == Contact(name: "林涛", phone: "13900001111"))
        #expect(m.batch.properties.first?.fields.manager?.name == "吴刚")
    }

    @Test("summary rows and blank rows are skipped and counted; unused columns listed")
    func skipped() throws {
        let m = try OfficeSheet.csv("所属街道,小区名称,户数,填表人\n坦头镇,坦头小区,120,小王\n小计,,120,\n,,,\n总计,,120,\n合 计,,,\n")
        #expect(m.skipped == 4)
        #expect(m.rejected.isEmpty)
        #expect(m.unusedColumns == ["D 填表人"])
    }
}

@Suite("Sheets as offices write them: values")
struct OfficeValueTests {
    @Test("phones: one stored form for every spelling; bad ones kept and reported", arguments: [
        ("(0576)87781234", "0576-87781234"), ("0576 87791234", "0576-87791234"), ("0576-8778 1234", "0576-87781234"),
        ("057687781234", "0576-87781234"), ("010 12345678", "010-12345678"), ("139-5761-2345", "13957612345"),
        ("+86 139 5761 2345", "13957612345"), ("１３９５７６１２３４５", "13957612345"), ("0571-8765432-123", "0571-8765432-123"),
        ("（０５７６）８７７８１２３４", "0576-87781234"),
    ])
    func phones(raw: String, stored: String) {
        #expect(PhoneNumber.normalise(raw) == (stored, true))
    }

    @Test("bad phones stay as written", arguments: ["123", "87781234", "12345678901", "电话待补", "1380000123"])
    func badPhones(raw: String) {
        #expect(!PhoneNumber.normalise(raw).valid)
    }

    @Test("a rewritten phone's original goes to the record's audit note")
    func phoneNote() throws {
        let m = try OfficeSheet.csv("所属街道,小区名称,责任单位,负责人,联系电话\n街头镇,街头村,县水利局,许可,(0576)87781234\n")
        #expect(m.batch.units.first?.note.contains("(0576)87781234") == true)
    }

    @Test("full-width letters and digits are folded in stored names; Chinese punctuation stays (GBK)")
    func fullWidth() throws {
        let m = try OfficeSheet.gbk("所属街道,小区名称,责任单位\n赤城街道,ＡＢＣ国际公寓（１期）,县住建局\n")
        #expect(m.batch.communities.first?.fields.name == "ABC国际公寓（1期）")
    }

    @Test("? or U+FFFD in a name is a warning on that row")
    func lostCharacters() throws {
        let m = try OfficeSheet.csv("所属街道,小区名称\n赤城街道,丽?湾\n赤城街道,丽\u{FFFD}湾二期\n赤城街道,丽景湾\n")
        #expect(m.warnings.map(\.line) == [2, 3])
        #expect(m.batch.communities.count == 3)
    }
}
