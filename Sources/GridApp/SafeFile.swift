import Foundation
import GridCore

/// The one way civgrid writes a file for someone else (export, report, notice, rejected rows, backup).
///
/// A file is never written through a symbolic link planted at its path: a destination that is a link is
/// refused with a clear message, and the content goes to a new temporary file in the same directory that is
/// then renamed over the destination in one step — so a reader sees the old file or the whole new one, and a
/// link slipped in between the check and the rename is itself replaced, never its target. Files are created
/// readable and writable by owner and group (0660), as README promises for the shared office folder.
///
/// Installed setgid to the data group (`civgrid server setup`), civgrid may create files in the data folder; an
/// output path is the operator's choice, so every file here is written with the operator's own group (the
/// effective group is set back to the real one meanwhile): `export -o /srv/civgrid/grid.sqlite` cannot replace
/// the database, and an export lands with the operator's group, not the data group.
enum SafeFile {
    /// The mode of every file civgrid creates for others.
    static let mode: mode_t = 0o660

    /// Writes `data` to `path` atomically (temporary file + rename), refusing a symbolic link at `path`.
    static func write(_ data: Data, to path: String) throws(GridError) {
        try asOperator { () throws(GridError) in try writeAsIs(data, to: path) }
    }

    /// Runs `body` with the effective group set to the real group (a no-op unless civgrid runs setgid).
    static func asOperator<T>(_ body: () throws(GridError) -> T) throws(GridError) -> T {
        let real = getgid(), effective = getegid()
        guard real != effective else { return try body() }
        guard setegid(real) == 0 else { throw .permissionDenied("cannot give up the data group to write a file of yours: \(String(cString: strerror(errno)))") }
        defer { _ = setegid(effective) }
        return try body()
    }

    private static func writeAsIs(_ data: Data, to path: String) throws(GridError) {
        try refuseLink(path)
        let temporary = try createTemporary(beside: path)
        do throws(GridError) {
            try fill(temporary.fd, with: data, path: path)
            guard fsync(temporary.fd) == 0 || errno == EINVAL else { throw failure("cannot write", path) }
            close(temporary.fd)
            guard rename(temporary.path, path) == 0 else { throw failure("cannot write", path) }
        } catch {
            close(temporary.fd)
            unlink(temporary.path)
            throw error
        }
    }

    /// Refuses a destination that is a symbolic link or a directory. A missing path is fine.
    static func refuseLink(_ path: String) throws(GridError) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        switch st.st_mode & S_IFMT {
        case S_IFLNK:
            throw .invalidInput("\(path) is a symbolic link; civgrid never writes through a link (it could point at someone else's file) — remove the link or choose another file name")
        case S_IFDIR:
            throw .invalidInput("\(path) is a directory; give a file name")
        default:
            return
        }
    }

    /// A new, empty file beside `path` (same directory, so the rename stays on one file system), created
    /// exclusively and with mode 0660.
    static func createTemporary(beside path: String) throws(GridError) -> (fd: Int32, path: String) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".civgrid-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("cannot create a file in \(directory) for", path) }
        fchmod(fd, mode)
        let made = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return (fd, made)
    }

    /// A new folder beside `path` that only this user can enter (0700), for a file written by a library that
    /// opens its path itself (SQLite's backup): nobody else can plant a link inside it.
    static func privateFolder(beside path: String) throws(GridError) -> String {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".civgrid-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else { throw failure("cannot create a folder in \(directory) for", path) }
        return String(cString: made)
    }

    /// Moves a finished temporary file to `path` without replacing anything already there (a backup never
    /// overwrites): a hard link that fails if the name exists, then the temporary name is removed.
    static func moveIntoPlaceWithoutReplacing(_ temporary: String, to path: String) throws(GridError) {
        try refuseLink(path)
        chmod(temporary, mode)
        guard link(temporary, path) == 0 else {
            let reason = errno == EEXIST ? "already exists" : String(cString: strerror(errno))
            unlink(temporary)
            throw .invalidInput("\(path) \(reason); choose another -o path")
        }
        unlink(temporary)
    }

    private static func fill(_ fd: Int32, with data: Data, path: String) throws(GridError) {
        let ok = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        guard ok else { throw failure("cannot write", path) }
    }

    private static func failure(_ what: String, _ path: String) -> GridError {
        .invalidInput("\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
