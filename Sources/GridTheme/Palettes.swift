@_exported import GridPalette

/// The loader's names for the palette types (this target predates the palette/theme naming; "theme" in the domain is
/// an assessment theme, 测评主题).
public typealias Theme = Palette
/// The built-in palettes under the loader's older name.
public typealias BuiltinThemes = BuiltinPalettes

/// The palette files of the package's `Themes/` folder, compiled in so `:palette NAME` works from any directory.
/// `PaletteSourcesTests` checks that these stay identical to the files.
public enum BuiltinPaletteSources {
    /// File text by palette name.
    public static let files: [String: String] = [
        "default": #"""
# The dark default (also compiled into civgrid, so the console runs without this file).
name = "default"
glyphs = "unicode"

[roles]
text = { fg = "default" }
title = { fg = "bright-white", bg = "blue", bold = true }
border = { fg = "bright-black" }
header = { fg = "bright-cyan", bold = true }
muted = { fg = "bright-black" }
selection = { fg = "black", bg = "cyan" }
selection-unfocused = { fg = "default", bg = "bright-black" }
marked = { fg = "bright-yellow", bold = true, underline = true }
status-bar = { fg = "black", bg = "white" }
key-hint = { fg = "default" }
key-hint-key = { fg = "black", bg = "cyan", bold = true }
error = { fg = "bright-white", bg = "red", bold = true }
info = { fg = "black", bg = "green" }
overdue = { fg = "bright-white", bg = "red", bold = true }
changed-by-others = { fg = "black", bg = "bright-magenta", bold = true }
status-unchecked = { fg = "bright-black" }
status-ok = { fg = "green" }
status-problem = { fg = "bright-red", bold = true }
status-rectifying = { fg = "yellow" }
status-recheck = { fg = "bright-cyan" }
status-fixed = { fg = "bright-green" }
status-parked = { fg = "magenta" }
status-na = { fg = "bright-black" }
"""#,
        "high-contrast": #"""
# Maximum contrast: bright colours on black, bold where it helps.
name = "high-contrast"
inherits = "default"

[roles]
text = { fg = "bright-white", bg = "black" }
title = { fg = "black", bg = "bright-yellow", bold = true }
header = { fg = "bright-yellow", bg = "black", bold = true }
muted = { fg = "white", bg = "black" }
selection = { fg = "black", bg = "bright-white", bold = true }
selection-unfocused = { fg = "bright-white", bg = "blue" }
status-bar = { fg = "black", bg = "bright-white" }
status-ok = { fg = "bright-green", bg = "black", bold = true }
status-problem = { fg = "bright-red", bg = "black", bold = true }
status-rectifying = { fg = "bright-yellow", bg = "black", bold = true }
status-recheck = { fg = "bright-cyan", bg = "black", bold = true }
status-unchecked = { fg = "white", bg = "black" }
status-na = { fg = "white", bg = "black" }
"""#,
        "light": #"""
# For light terminal backgrounds: darker foregrounds, the rest from the default.
name = "light"
inherits = "default"

[roles]
title = { fg = "white", bg = "#1f4e8c", bold = true }
header = { fg = "blue", bold = true }
muted = { fg = "#6c6c6c" }
selection = { fg = "white", bg = "#1f6fb2" }
selection-unfocused = { fg = "black", bg = "#d0d0d0" }
marked = { fg = "#8a4b00", bold = true, underline = true }
status-bar = { fg = "white", bg = "#3a3a3a" }
key-hint-key = { fg = "white", bg = "#1f6fb2", bold = true }
status-unchecked = { fg = "#6c6c6c" }
status-ok = { fg = "#006400" }
status-problem = { fg = "#b00000", bold = true }
status-rectifying = { fg = "#8a5a00" }
status-recheck = { fg = "#005f87" }
status-fixed = { fg = "#00875f" }
status-parked = { fg = "#870087" }
status-na = { fg = "#6c6c6c" }
"""#,
        "monochrome": #"""
# Attributes only: used for NO_COLOR and terminals without colour (also compiled in).
# Cell labels are text, so nothing depends on colour; reverse, bold and underline mark the rest.
name = "monochrome"
glyphs = "unicode"

[roles]
text = {}
title = { bold = true, reverse = true }
border = {}
header = { bold = true }
muted = { dim = true }
selection = { reverse = true }
selection-unfocused = { underline = true }
marked = { bold = true, underline = true }
status-bar = { reverse = true }
key-hint = {}
key-hint-key = { reverse = true }
error = { bold = true, reverse = true }
info = { bold = true }
overdue = { bold = true, underline = true }
changed-by-others = { bold = true, reverse = true }
status-unchecked = { dim = true }
status-ok = {}
status-problem = { bold = true }
status-rectifying = {}
status-recheck = {}
status-fixed = {}
status-parked = {}
status-na = { dim = true }
"""#,
    ]
}
