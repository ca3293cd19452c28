import Foundation
import GridCore
import GridTheme

/// The office's evidence rules: `$XDG_CONFIG_HOME/civgrid/evidence.toml`, else the built-in `Config/evidence.toml`.
enum EvidenceConfig {
    /// Where the office's file is looked for.
    static func path(_ env: RunEnvironment) -> String {
        let base = env.variables["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env.variables["HOME"] ?? "") + "/.config")
        return base + "/civgrid/evidence.toml"
    }

    /// The rules in force; a broken file is an error naming its line (nothing is attached or verified meanwhile).
    static func load(_ env: RunEnvironment) throws(GridError) -> EvidenceRules {
        let file = path(env)
        guard let data = FileManager.default.contents(atPath: file) else {
            return try EvidenceFile.parse(BuiltinEvidence.text, path: BuiltinEvidence.path)
        }
        return try EvidenceFile.parse(String(decoding: data, as: UTF8.self), path: file)
    }
}

/// Reading a file an operator names for attaching: only a regular file, never through a symbolic link, never more than
/// the per-file limit (checked before reading), read with the operator's own group under a setgid installation.
enum EvidenceInput {
    /// The file's last path component and its bytes, or a refusal saying what the path is and what to do.
    static func contents(_ path: String, maxBytes: Int) throws(GridError) -> (name: String, bytes: [UInt8]) {
        try SafeFile.asOperator { () throws(GridError) in try readAsIs(path, maxBytes: maxBytes) }
    }

    private static func readAsIs(_ path: String, maxBytes: Int) throws(GridError) -> (name: String, bytes: [UInt8]) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ELOOP: throw .invalidInput("\(path) is a symbolic link; attach the file itself (civgrid never reads evidence through a link)")
            case ENOENT: throw .invalidInput("no file at \(path); check the path (`ls` it)")
            case EACCES: throw .invalidInput("\(path) cannot be read: permission denied; copy it somewhere you can read and attach the copy")
            default: throw .invalidInput("\(path) cannot be opened: \(String(cString: strerror(code)))")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .invalidInput("\(path) cannot be examined: \(String(cString: strerror(errno)))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .invalidInput("\(path) is a folder; name the photos in it (e.g. \(path)/*.jpg)")
        case S_IFIFO: throw .invalidInput("\(path) is a pipe (FIFO), not a file; save the photo to a file and attach that")
        default: throw .invalidInput("\(path) is not a regular file (a socket or device); attach a photo file")
        }
        let size = Int(info.st_size)
        if size > maxBytes {
            throw .invalidInput("\(path) is \(EvidenceRules.size(size)), over the limit of \(EvidenceRules.size(maxBytes)) per file "
                + "(evidence.toml max_file_mb); send a smaller photo (e.g. 1920 px wide) and attach that")
        }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while total < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 { throw .invalidInput("\(path) cannot be read: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            total += n
        }
        // One byte more than stat said was asked for: a file that grew while being read is refused, not cut short.
        if total > size { throw .invalidInput("\(path) changed while it was read; attach it again when it is complete") }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (name, Array(bytes.prefix(total)))
    }
}
