import GridCore

/// The shipped evidence rules (`Config/evidence.toml`), compiled in so attaching and verifying work without the file; an
/// office's own `$XDG_CONFIG_HOME/civgrid/evidence.toml` replaces it. `EvidenceFileTests` checks that this text stays
/// identical to the file.
public enum BuiltinEvidence {
    /// Where the text comes from, for messages.
    public static let path = "Config/evidence.toml (built in)"

    /// The file's text.
    public static let text = #"""
# civgrid 证据规则 — photo evidence (整改前 / 整改后 / 材料) attached to cases with `civgrid case attach`.
#
# 本文件归创城办所有，请按本地要求修改。THIS FILE IS THE OFFICE'S TO EDIT. Copy it to
# $XDG_CONFIG_HOME/civgrid/evidence.toml (usually ~/.config/civgrid/) and edit it there; without that file civgrid uses
# this one (compiled in).

# Size limits, in MB (MiB). A phone photo is 2–6 MB; send it at 1920 px when it is larger.
max_file_mb = 10          # one file
max_case_mb = 40          # all the files of one case together
max_files_per_case = 20

# 复核须整改后照片: the deadline classes (immediate, days3, days7, long_term) whose cases need an after-photo before they
# are verified (复核通过结案), for every theme not listed below. Empty: no after-photo needed.
after_photo = []

# Per theme (by its code, see `civgrid themes list`): the classes that need an after-photo there, replacing the line
# above. Safety hazards are proved fixed with a photo; a problem fixed at once (立行立改) is seen by the inspector.
[theme.flying_leads]      # 飞线充电
after_photo = ["days3", "days7", "long_term"]

[theme.corridors]         # 楼道与消防通道
after_photo = ["days3", "days7", "long_term"]
"""#
}
