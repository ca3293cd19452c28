/// Syllable and word tables for the demo county: Chinese names of varied lengths, realistic enough that
/// layout problems with wide characters show up in every screen.
enum DemoNames {
    static let placeSyllables = Array("阳光锦绣金色翠华东西南北城河湖山桂兰枫梅松竹清明新和平安康福泰瑞祥富春秋龙凤鹤云星月江海碧水蓝天紫荆玉泉银杏")
        .map(String.init)
    static let counties = ["城关县", "青山县", "白河县", "桂花县", "云台县", "临江县", "望海县", "石门县", "凤鸣县", "长宁县", "东湖县",
                           "西岭县", "南浦县", "北辰县", "永和县"]
    static let residentialSuffixes = ["小区", "花园", "家园", "华庭", "苑", "新村", "公寓", "雅居", "名府", "嘉园", "御景湾", "国际社区"]
    static let oldEstateSuffixes = ["厂宿舍", "家属院", "老小区", "机关宿舍", "供销社宿舍"]
    static let streetSuffixes = ["街道", "镇", "街道", "乡", "街道"]
    static let roadWords = ["人民路", "解放路", "建设路", "中山大道", "滨河路", "文化街", "胜利路", "新华路", "长江路", "迎宾大道"]
    static let surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "欧阳", "司马", "诸葛"]
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "秀英", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明轩",
                             "子涵", "建国", "秀兰", "海燕", "志强"]
    static let departments = ["住建局", "城管局", "市场监管局", "卫健委", "教育局", "公安局", "交通运输局", "生态环境分局", "自然资源局",
                               "水利局", "民政局", "文旅局", "财政局", "人社局", "农业农村局", "商务局", "税务局", "司法局", "应急管理局",
                               "统计局", "审计局", "医保局", "退役军人事务局", "总工会", "团委", "妇联", "科协", "残联", "融媒体中心",
                               "行政审批服务局"]
    static let enterprises = ["供电公司", "自来水公司", "邮政分公司", "人民医院", "中医院", "农商银行", "工商银行支行", "建设银行支行",
                              "燃气公司", "公交公司", "城投集团", "移动分公司", "电信分公司", "联通分公司", "烟草专卖局", "石油分公司"]
    static let propertySuffixes = ["物业服务有限公司", "物业管理有限公司", "物业", "物业服务中心", "城市服务有限公司"]
    static let problems: [String: [String]] = [
        "public_ads": ["公益广告破损褪色", "公益广告数量不足", "宣传栏内容过期"],
        "sanitation": ["垃圾桶满溢未及时清运", "绿化带内有烟头纸屑", "路面有积存垃圾"],
        "waste_sorting": ["分类垃圾桶混投", "分类指引牌缺失"],
        "corridors": ["楼道堆放杂物", "消防通道被占用", "楼道内有小广告"],
        "parking": ["非机动车乱停放", "机动车占用消防通道"],
        "flying_leads": ["电动车飞线充电", "楼道内违规充电"],
        "facilities": ["健身器材损坏", "路灯不亮", "井盖破损"],
        "greening": ["绿地黄土裸露", "树木枯死未补植"],
        "property_service": ["物业公示栏信息不全", "物业服务电话无人接听"],
        "market_order": ["店外经营占道", "活禽区卫生差", "价格公示不全"],
        "toilet_cleaning": ["公厕有异味", "洗手液缺失", "保洁记录未更新"],
    ]
}
