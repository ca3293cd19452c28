import Foundation
import GridExchange

/// The sheets the import scenarios feed the real binary: one as a county office keeps its 包保责任表 (street,
/// community, lead and supporting units, the unit's leader and phone, property company, manager and phone — two
/// 联系电话 columns told apart by position), and one with communities only. Names are Chinese of varied lengths;
/// units and property companies repeat over many rows with the same contacts, as real sheets do. Seeded: the same
/// rows every run.
struct ImportSheet {
    /// The chain sheet's header: full-width brackets, and a phone column after each person.
    static let chainHeader = ["序号", "街道（乡镇）", "小区（网格）名称", "地址", "户数", "包保单位", "包保领导", "联系电话", "物业服务企业名称",
                              "项目经理", "联系电话"]
    static let plainHeader = ["小区名称", "所属街道", "户数", "地址"]

    let rows: Int
    private var rng: SplitMix

    init(rows: Int, seed: UInt64 = 2026) {
        self.rows = rows
        rng = SplitMix(seed)
    }

    /// The chain sheet's data rows (header excluded).
    mutating func chainRows() -> [[String]] {
        let streets = (0..<max(1, rows / 500)).map { i in place(2 + i % 3) + ["街道", "镇", "街道", "乡"][i % 4] }
        let units = makeUnits(count: min(600, max(3, rows / 150)))
        let properties = makeProperties(count: max(2, rows / 25))
        var used = Set<String>()
        var out: [[String]] = []
        out.reserveCapacity(rows)
        for i in 0..<rows {
            let street = streets[pick(streets.count)]
            let name = uniqueName(street: street, used: &used)
            let lead = units[pick(units.count)]
            // One row in six names a supporting unit beside the lead (县住建局、县城投集团).
            var unitCell = lead.name
            if pick(6) == 0 {
                let support = units[pick(units.count)]
                if support.name != lead.name { unitCell += ["、", "/", "，"][pick(3)] + support.name }
            }
            // One row in five has no property company, written as offices write it.
            let property: (name: String, manager: String, phone: String) = pick(5) == 0
                ? ([ "无物业", "自管", "无", "—", "/" ][pick(5)], "", "") : properties[pick(properties.count)]
            out.append(["\(i + 1)", street, name, DemoWords.roads[pick(DemoWords.roads.count)] + "\(1 + pick(999))号", "\(20 + pick(2000))",
                        unitCell, lead.head, lead.phone, property.name, property.manager, property.phone])
        }
        return out
    }

    /// The plain sheet's data rows: community, street, households, address.
    static func plainRows(_ rows: Int) -> [[String]] {
        (0..<rows).map { i in ["导入小区\(i)", "街道\(i % 120)", "\(i % 3000)", "人民路\(i)号"] }
    }

    /// A sheet as CSV text (UTF-8, CRLF as Excel writes it).
    static func csv(header: [String], rows: [[String]]) -> String {
        var text = CSV.line(header) + "\r\n"
        text.reserveCapacity(rows.count * 120)
        for r in rows { text += CSV.line(r) + "\r\n" }
        return text
    }

    /// A sheet as an .xlsx workbook.
    static func xlsx(header: [String], rows: [[String]]) throws -> Data {
        try XLSXWriter.data(sheetName: "包保责任表", headers: header, rows: rows)
    }

    // MARK: Names

    mutating func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    mutating func place(_ syllables: Int) -> String {
        (0..<syllables).map { _ in DemoWords.syllables[pick(DemoWords.syllables.count)] }.joined()
    }

    mutating func person() -> String {
        DemoWords.surnames[pick(DemoWords.surnames.count)] + DemoWords.given[pick(DemoWords.given.count)]
    }

    mutating func mobile() -> String { "1\([3, 5, 7, 8, 9][pick(5)])\(String(format: "%09d", pick(1_000_000_000)))" }

    /// A community name unique in its street: 2–4 syllables and a suffix, with a phase (二期) when taken.
    mutating func uniqueName(street: String, used: inout Set<String>) -> String {
        let base = place(2 + pick(3)) + DemoWords.suffixes[pick(DemoWords.suffixes.count)]
        var name = base, phase = 2
        while !used.insert(street + "|" + name).inserted {
            name = base + "\(phase)期"
            phase += 1
        }
        return name
    }

    /// County departments, enterprises and street offices, each with one leader and phone used on every row.
    mutating func makeUnits(count: Int) -> [(name: String, head: String, phone: String)] {
        var names: [String] = []
        var seen = Set<String>()
        while names.count < count {
            let n = names.count
            let name = n < DemoWords.departments.count ? "县" + DemoWords.departments[n]
                : n % 3 == 0 ? place(2) + DemoWords.enterprises[pick(DemoWords.enterprises.count)]
                : place(2 + pick(2)) + ["社区居委会", "村委会", "街道办事处", "中学", "小学"][pick(5)]
            if seen.insert(name).inserted { names.append(name) }
        }
        // Leaders' phones: mostly mobiles, some landlines written as offices write them ((0576)8778xxxx, 0576 8779xxxx).
        return names.map { name in
            let phone = pick(5) == 0 ? ["(0576)", "0576 ", "0576-"][pick(3)] + "8\(String(format: "%07d", pick(10_000_000)))" : mobile()
            return (name, person(), phone)
        }
    }

    /// Property companies, each with one manager and phone.
    mutating func makeProperties(count: Int) -> [(name: String, manager: String, phone: String)] {
        var seen = Set<String>()
        var out: [(name: String, manager: String, phone: String)] = []
        while out.count < count {
            let name = place(2 + pick(3)) + DemoWords.propertySuffixes[pick(DemoWords.propertySuffixes.count)]
            if seen.insert(name).inserted { out.append((name, person(), mobile())) }
        }
        return out
    }
}

/// Word tables for the generated sheets (the demo's are internal to GridCore).
enum DemoWords {
    static let syllables = Array("阳光锦绣金色翠华东西南北城河湖山桂兰枫梅松竹清明新和平安康福泰瑞祥富春秋龙凤鹤云星月江海碧水蓝天紫荆玉泉银杏丰乐").map(String.init)
    static let suffixes = ["小区", "花园", "家园", "华庭", "苑", "新村", "公寓", "雅居", "名府", "嘉园", "御景湾", "国际社区", "厂宿舍", "家属院"]
    static let roads = ["人民路", "解放路", "建设路", "中山大道", "滨河路", "文化街", "胜利路", "新华路", "长江路", "迎宾大道"]
    static let surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "欧阳", "司马", "诸葛"]
    static let given = ["伟", "芳", "娜", "敏", "静", "秀英", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明轩", "子涵", "建国",
                        "秀兰", "海燕", "志强"]
    static let departments = ["住建局", "城管局", "市场监管局", "卫健委", "教育局", "公安局", "交通运输局", "生态环境分局", "自然资源局", "水利局",
                              "民政局", "文旅局", "财政局", "人社局", "农业农村局", "商务局", "税务局", "司法局", "应急管理局", "统计局"]
    static let enterprises = ["供电公司", "自来水公司", "邮政分公司", "人民医院", "农商银行", "燃气公司", "公交公司", "城投集团", "移动分公司"]
    static let propertySuffixes = ["物业服务有限公司", "物业管理有限公司", "物业", "物业服务中心", "城市服务有限公司"]
}

/// A small seeded generator (SplitMix64): the same sheet on every run and machine.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
