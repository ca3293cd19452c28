import GridCore

/// The shipped check points (`Config/checkpoints.toml`), compiled in so walk mode shows them without the file; an office's
/// own `$XDG_CONFIG_HOME/civgrid/checkpoints.toml` replaces it. `CheckPointsFileTests` checks that this text stays
/// identical to the file.
public enum BuiltinCheckPoints {
    /// Where the text comes from, for messages.
    public static let path = "Config/checkpoints.toml (built in)"

    /// The file's text.
    public static let text = #"""
# civgrid 检查要点 — the check points walk mode (巡检) shows for each assessment theme, one theme at a time.
#
# 本文件归创城办所有，请按本地测评操作表修改。THIS FILE IS THE OFFICE'S TO EDIT: the points below are an example drawn
# from the public 点位 operating sheets (操作表) and local creation standards, not an official list.
# Copy it to $XDG_CONFIG_HOME/civgrid/checkpoints.toml (usually ~/.config/civgrid/) and edit it there; without that
# file civgrid uses this one (compiled in). A theme not listed here is walked with its name only.
#
# One [[theme]] per theme: code = the theme's code (the standard ones: public_ads sanitation waste_sorting corridors parking
# flying_leads facilities greening property_service market_order toilet_cleaning), points = the things to look at, in
# the order an inspector walks them (at most 12 points, each at most 120 characters). Check your edits with
# `civgrid walk check [FILE]`.

[[theme]]
code = "public_ads"
points = [
  "醒目位置有社会主义核心价值观、关心关爱未成年人公益广告各至少1处",
  "固定载体（宣传栏、灯箱、电子屏、景观小品），横幅易拉宝不算",
  "无错别字、褪色、破损、遮挡，无商业广告混入",
  "电子屏公益广告播放时段占比不低于30%",
]

[[theme]]
code = "sanitation"
points = [
  "路面、绿地、楼前屋后无垃圾、无积存污水、无卫生死角",
  "垃圾桶加盖、无满溢、无异味，周边地面干净",
  "无乱贴乱画、牛皮癣小广告，无乱拉乱挂、晾晒",
  "无家禽散养、无毁绿种菜",
]

[[theme]]
code = "waste_sorting"
points = [
  "分类投放点标识清楚，四类桶齐全、桶身完好",
  "定时定点投放公示上墙，有督导员或督导记录",
  "无混投混运，清运及时、桶边无散落垃圾",
]

[[theme]]
code = "corridors"
points = [
  "楼道、楼梯间无堆物，无杂物占用",
  "消防通道畅通，标识清楚，无车辆占用",
  "消防设施（灭火器、消火栓）在位有效、在检验期内",
  "楼道照明完好，墙面无乱贴乱画",
]

[[theme]]
code = "parking"
points = [
  "机动车、非机动车按位停放，无乱停乱放",
  "无占用盲道、人行道、消防通道停车",
  "僵尸车、废旧自行车已清理",
  "停车标识标线清楚",
]

[[theme]]
code = "flying_leads"
points = [
  "无私拉电线、飞线充电，无电动车进楼入户",
  "集中充电设施在位、可用，有使用须知",
  "物业对飞线充电有劝导、整改记录",
]

[[theme]]
code = "facilities"
points = [
  "道路硬化平整，无坑洼、无积水，井盖齐全",
  "路灯、楼道灯完好，亮灯率达标",
  "健身器材、座椅、宣传栏完好，无破损锈蚀",
  "有15分钟生活圈标识、无障碍设施完好",
]

[[theme]]
code = "greening"
points = [
  "绿地无黄土裸露、无杂草垃圾",
  "树木花草修剪及时、长势良好",
  "无毁绿占绿、无私搭乱建",
]

[[theme]]
code = "property_service"
points = [
  "物业服务内容、收费标准、投诉电话公示上墙",
  "门岗有人值守，来访车辆登记",
  "日常巡查、保洁、维修记录齐全",
]

[[theme]]
code = "market_order"
points = [
  "核心价值观公益广告不少于2处、公益广告不少于5处",
  "入口设公平秤，有投诉点、市场管理制度公示",
  "无占道经营、出店经营，摊位整齐",
  "经营户证照、健康证亮证经营",
  "地面干净、排水通畅，垃圾分类收集",
]

[[theme]]
code = "toilet_cleaning"
points = [
  "六有：有人管理、有标识、有指示牌、有制度、有设施、有冲水",
  "六无：不收费、无破损、无异味、无污垢、无蝇蛆、无广告",
  "监督电话、开放时间公示，免费开放",
  "无障碍设施完好，4至10月有纱窗门帘",
]
"""#
}
