/// Text placed in an HTML page: the one escaper every HTML document civgrid writes (report, notice, dispatch slip,
/// evidence) uses, so names and notes people typed never become markup.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities (safe in element text and in quoted attribute values).
    static func escaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
