import CNcursesw
import Glibc

/// Locale and terminfo checks the console makes before starting ncurses.
public enum TerminalSetup {
    /// Sets the locale from the environment; if its character set is not UTF-8, switches to C.UTF-8.
    /// Returns nil when UTF-8 is in force, else a message (CJK cannot be shown).
    public static func ensureUTF8Locale() -> String? {
        setlocale(LC_ALL, "")
        if isUTF8 { return nil }
        if setlocale(LC_ALL, "C.UTF-8") != nil, isUTF8 { return nil }
        return "the locale's character set is \(String(cString: cnc_codeset())), not UTF-8, and C.UTF-8 is not installed; "
            + "Chinese text cannot be shown. Set LANG=C.UTF-8 (or zh_CN.UTF-8) and try again"
    }

    static var isUTF8: Bool {
        let set = String(cString: cnc_codeset()).uppercased()
        return set == "UTF-8" || set == "UTF8"
    }

    /// glibc's width of a scalar under the current locale (-1 when unprintable), for comparing tables.
    public static func glibcWidth(_ scalar: UInt32) -> Int {
        Int(wcwidth(wchar_t(bitPattern: scalar)))
    }
}
