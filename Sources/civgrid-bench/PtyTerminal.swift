import Foundation
import Glibc
import TerminalNcurses

/// The real ncurses backend writing into a pseudo-terminal whose output bytes are counted, so the
/// benchmark measures what an SSH link would carry.
final class PtyTerminal {
    let backend: NcursesBackend
    private let master: Int32
    private let slave: Int32
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>

    init(width: Int, height: Int) throws {
        var m: Int32 = 0, s: Int32 = 0
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&m, &s, nil, nil, &size) == 0 else { throw BenchError("openpty failed") }
        master = m
        slave = s
        // Non-blocking reads on the master so counting never waits.
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        output = fdopen(dup(slave), "w")
        input = fdopen(dup(slave), "r")
        setenv("LINES", "\(height)", 1)
        setenv("COLUMNS", "\(width)", 1)
        backend = try NcursesBackend(colorsAllowed: true, input: input, output: output, term: "xterm-256color")
        _ = drain()
    }

    /// Bytes written to the terminal since the last call.
    func drain() -> Int {
        fflush(output)
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            total += n
        }
        return total
    }

    func close() {
        backend.shutdown()
        fclose(output)
        fclose(input)
        Glibc.close(master)
        Glibc.close(slave)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
