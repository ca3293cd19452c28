import GridCore
import Testing

@Suite("Office order: collation keys by pinyin, order numbers")
struct OfficeOrderTests {
    func sorted(_ names: [String]) -> [String] {
        names.sorted { (OfficeOrder.collationKey($0), $0) < (OfficeOrder.collationKey($1), $1) }
    }

    @Test("城关镇 sorts before 兰平镇 by pinyin, though its code points are larger")
    func pinyinBeforeCodePoints() {
        #expect("兰平镇" < "城关镇", "the code-point order this replaces")
        #expect(OfficeOrder.collationKey("城关镇") == "cheng guan zhen")
        #expect(OfficeOrder.collationKey("兰平镇") == "lan ping zhen")
        #expect(sorted(["兰平镇", "湖康镇", "城关镇", "凤松街道", "光明街道"]) == ["城关镇", "凤松街道", "光明街道", "湖康镇", "兰平镇"])
    }

    @Test("syllables order as in a dictionary: 西安 (xi an) before 先锋 (xian)")
    func syllableBoundaries() {
        #expect(sorted(["先锋小区", "西安小区"]) == ["西安小区", "先锋小区"])
    }

    @Test("a polyphonic character always reads one way: its place-name reading, else its most common one",
          arguments: [("长安路", "chang an lu"), ("重庆路", "chong qing lu"), ("成都花园", "cheng du hua yuan"),
                      ("平安小区", "ping an xiao qu"), ("光明街道", "guang ming jie dao"), ("银行宿舍", "yin xing su she"),
                      ("阳光大厦", "yang guang da sha"), ("曾家湾", "zeng jia wan")])
    func polyphonic(name: String, key: String) {
        #expect(OfficeOrder.collationKey(name) == key)
        #expect(OfficeOrder.collationKey(name) == OfficeOrder.collationKey(name))
    }

    @Test("every polyphonic character gets one of its own readings, the same on every call")
    func polyphonicDeterministic() {
        var polyphonic = 0
        for value in UInt32(0x4E00)...UInt32(0x9FFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let readings = Pinyin.readings(scalar)
            guard readings.count > 1 else { continue }
            polyphonic += 1
            let chosen = OfficeOrder.reading(of: scalar)
            #expect(chosen.map(readings.contains) == true, "\(Character(scalar)) → \(chosen ?? "nil") not in \(readings)")
            #expect(chosen == OfficeOrder.reading(of: scalar))
        }
        #expect(polyphonic > 1000)
    }

    @Test("Latin letters interleave with pinyin, digits come first and by value, full-width folds, punctuation is dropped")
    func mixedLatinAndDigits() {
        #expect(OfficeOrder.collationKey("10号楼") == "0000000010 hao lou")
        #expect(OfficeOrder.collationKey("ＡＢＣ国际公寓") == OfficeOrder.collationKey("ABC国际公寓"))
        #expect(OfficeOrder.collationKey("阳光小区（二期）") == "yang guang xiao qu er qi")
        #expect(OfficeOrder.collationKey("") == "")
        #expect(sorted(["阳光小区", "10号楼", "ABC国际公寓", "2号楼", "A区", "北区", "Z座"])
            == ["2号楼", "10号楼", "A区", "ABC国际公寓", "北区", "阳光小区", "Z座"])
        // A character outside the pinyin table keeps its place after every letter instead of vanishing.
        #expect(OfficeOrder.collationKey("𠀋村") == "𠀋 cun")
        #expect(sorted(["𠀋村", "张村"]) == ["张村", "𠀋村"])
    }

    @Test("order numbers are whole numbers 0…999999, typed half- or full-width", arguments: [
        ("3", 3), ("０", 0), (" 12 ", 12), ("999999", 999_999), ("1000000", nil), ("-1", nil), ("1.5", nil), ("三", nil), ("", nil),
    ] as [(String, Int?)])
    func parsing(text: String, value: Int?) {
        #expect(OfficeOrder.parse(text) == value)
    }

    @Test("an order out of range is refused with the name and the accepted range")
    func range() {
        #expect(throws: GridError.self) { try OfficeOrder.check(-1, what: "城关镇") }
        do {
            try OfficeOrder.check(1_000_000, what: "城关镇")
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("城关镇") && error.description.contains("999999"))
        }
        #expect(BoardOrderKey.orderValue(nil) == Int64.max && BoardOrderKey.orderValue(7) == 7)
    }
}
