import GridCore

/// The shipped assessment model (`Config/assessment.toml`), compiled in so `civgrid assess` and the dashboard work without
/// the file; an office's own `$XDG_CONFIG_HOME/civgrid/assessment.toml` replaces it. `AssessmentFileTests` checks that
/// this text stays identical to the file.
public enum BuiltinAssessment {
    /// Where the text comes from, for messages.
    public static let path = "Config/assessment.toml (built in)"

    /// The file's text.
    public static let text = #"""
# civgrid 测评模型 — assessment model used by `civgrid assess` and the dashboard's 预计得分.
#
# 本文件归创城办所有，请按本地测评方案修改。THIS FILE IS THE OFFICE'S TO EDIT: the figures below are an example
# shaped like the national county-level system (全国文明城市测评体系·县级, 实地考察 by site kind), not official values.
# Copy it to $XDG_CONFIG_HOME/civgrid/assessment.toml (usually ~/.config/civgrid/) and edit it there; without that
# file civgrid uses this one (compiled in). Check your edits with `civgrid assess check [FILE]`.
#
# Only the field inspection (实地考察) is modelled: 网上申报 (material review) and 问卷调查 (surveys) are outside this
# tool. The score is the indicators' points added up, less what the assessors deduct at the sites they visit.

edition = "县级实地考察（示例）"
# 目标得分: the dashboard shows the probability of reaching it.
target = 95
# An open problem is "repeated" (复发/重复通报) when a notice already named its case, or when a case of the same
# cell was closed after being found within this many days.
repeat_window_days = 365

# 发现率: the chance that assessors at a site find a cell of this status a problem. Statuses not listed here keep
# these defaults; 达标 (ok), 现场整改 (fixed) and 不适用 (na) are never found.
[find_rate]
problem = 1.0      # 有问题
rectifying = 1.0   # 整改中: not fixed yet
parked = 1.0       # 挂账: long-term, still visible
recheck = 0.3      # 待复核: reported fixed, not yet verified
unchecked = 0.1    # 未查: nobody has looked

# 抽样方案 (sampling plan): one [[sample]] per kind and pool. Kinds: residential old_estate urban_village back_street
# market toilet park main_road other. Size: count = N (all when fewer), share = 0.1 (rounded up) or all = true.
# from = "any" (default), "declared" (申报点位 only) or "others" (not declared); two rules of one kind must not
# draw from overlapping pools.
[[sample]]
kind = "residential"
count = 6

[[sample]]
kind = "old_estate"
count = 4

[[sample]]
kind = "urban_village"
count = 2

[[sample]]
kind = "market"
from = "declared"
all = true          # every declared farmers' market is visited

[[sample]]
kind = "back_street"
count = 4

[[sample]]
kind = "toilet"
count = 3

[[sample]]
kind = "park"
count = 2

[[sample]]
kind = "main_road"
count = 2

# 测评指标 (indicators): code, name, points, the themes whose cells evidence it (theme codes as in `civgrid themes`
# … see README), optionally kinds = [...] to observe it only at some site kinds. Deductions: per_problem for each
# non-compliant cell found at a visited site, plus overdue_extra when it is overdue (逾期) and repeat_extra when it is
# repeated; the indicator loses at most cap points (default: its points).
[[indicator]]
code = "Ⅲ-01"
name = "公益广告宣传"
points = 14
themes = ["public_ads"]
per_problem = 0.5
overdue_extra = 0.25
repeat_extra = 0.25

[[indicator]]
code = "Ⅲ-02"
name = "环境卫生"
points = 14
themes = ["sanitation"]
per_problem = 0.5
overdue_extra = 0.25
repeat_extra = 0.25

[[indicator]]
code = "Ⅲ-03"
name = "垃圾分类"
points = 8
themes = ["waste_sorting"]
per_problem = 0.4
overdue_extra = 0.2
repeat_extra = 0.2

[[indicator]]
code = "Ⅲ-04"
name = "楼道与消防通道"
points = 8
themes = ["corridors"]
per_problem = 0.4
overdue_extra = 0.2
repeat_extra = 0.2

[[indicator]]
code = "Ⅲ-05"
name = "交通与停车秩序"
points = 10
themes = ["parking"]
per_problem = 0.4
overdue_extra = 0.2
repeat_extra = 0.2

[[indicator]]
code = "Ⅲ-06"
name = "消防安全（飞线充电）"
points = 8
themes = ["flying_leads"]
per_problem = 0.5
overdue_extra = 0.25
repeat_extra = 0.25
cap = 3            # at most 3 of its 8 points are lost to flying leads

[[indicator]]
code = "Ⅲ-07"
name = "公共设施完好"
points = 10
themes = ["facilities"]
per_problem = 0.4
overdue_extra = 0.2
repeat_extra = 0.2

[[indicator]]
code = "Ⅲ-08"
name = "绿化美化"
points = 8
themes = ["greening"]
per_problem = 0.3
overdue_extra = 0.15
repeat_extra = 0.15

[[indicator]]
code = "Ⅲ-09"
name = "物业服务管理"
points = 6
themes = ["property_service"]
per_problem = 0.3
overdue_extra = 0.15
repeat_extra = 0.15

[[indicator]]
code = "Ⅲ-10"
name = "农贸市场秩序"
points = 8
themes = ["market_order"]
kinds = ["market"]
per_problem = 0.5
overdue_extra = 0.25
repeat_extra = 0.25

[[indicator]]
code = "Ⅲ-11"
name = "公共厕所管理"
points = 6
themes = ["toilet_cleaning"]
kinds = ["toilet"]
per_problem = 0.5
overdue_extra = 0.25
repeat_extra = 0.25

# 年度综合绩效考核 (`civgrid annual YEAR`): who is named for commendation (表彰) and accountability (追责).
# Scores are 100 − deductions under deductions.toml, as in `civgrid rank`.
[annual]
commend_top = 3              # the best three places …
commend_min_score = 98       # … and every unit at or above this score
accountable_bottom = 3       # the bottom three places that lost points …
accountable_notices = 3      # … and every unit named in at least this many notices
titled_units = []            # units holding a 文明单位 title, e.g. ["县住建局", "县城投集团"]
title_review_below = 90      # a titled unit below this score (or an accountability candidate) is reviewed
"""#
}
