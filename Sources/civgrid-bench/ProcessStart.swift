import Foundation
import Glibc

/// Cold open as an operator sees it: the real `civgrid` binary started on a pseudo-terminal, timed from
/// launch until its first complete frame (the key-hint bar at the bottom, written last) has been written.
enum ProcessStart {
    static var binary: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("civgrid").path
    }

    /// Runs a civgrid command to completion; returns its wall time in seconds.
    static func run(_ arguments: [String], database: String) throws -> Double {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.environment = ["LANG": "C.UTF-8", "CIVGRID_DB": database, "HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let start = Date()
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw BenchError("civgrid \(arguments.joined(separator: " ")) failed (\(p.terminationStatus))") }
        return Date().timeIntervalSince(start)
    }

    /// Milliseconds from launch to the first frame, or nil when the binary is missing or never drew.
    static func firstFrame(database: String) throws -> Double? {
        guard FileManager.default.isExecutableFile(atPath: binary) else { return nil }
        var master: Int32 = 0, slave: Int32 = 0
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw BenchError("openpty failed") }
        defer { close(master) }
        let tty = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["--db", database] // a file path, or a server address (postgres://…)
        p.environment = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "CIVGRID_DB": database, "HOME": NSTemporaryDirectory(),
                         "PATH": "/usr/bin:/bin"]
        p.standardInput = tty
        p.standardOutput = tty
        p.standardError = tty
        let start = DispatchTime.now().uptimeNanoseconds
        try p.run()
        var seen = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let marker = Data("搜索".utf8) // the last hint on the bottom row at 80 columns
        let deadline = Date().addingTimeInterval(10)
        var elapsed: Double?
        while Date() < deadline {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            seen.append(contentsOf: buffer[0..<n])
            if seen.range(of: marker) != nil {
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                break
            }
        }
        p.terminate()
        p.waitUntilExit()
        return elapsed
    }
}
