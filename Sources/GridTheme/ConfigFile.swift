import TOMLKit

/// Reads the user's `config.toml` into string settings; a broken file is ignored (the console still starts).
public enum ConfigFile {
    /// Top-level string values of a TOML document.
    public static func parse(_ text: String) -> [String: String] {
        guard let table = try? TOMLGuard.table(text) else { return [:] }
        var result: [String: String] = [:]
        for key in table.keys {
            if let v = table[key]?.string { result[key] = v }
        }
        return result
    }
}

extension ConfigFile {
    /// Top-level arrays of strings (`holidays = ["2026-10-01", …]`); nil when the text is not valid TOML.
    public static func stringArrays(_ text: String) -> [String: [String]]? {
        guard let table = try? TOMLGuard.table(text) else { return nil }
        var result: [String: [String]] = [:]
        for key in table.keys {
            if let array = table[key]?.array { result[key] = array.compactMap { $0.string } }
        }
        return result
    }
}
