import CNcursesw
import TerminalKit

extension NcursesBackend: ControlSequenceBackend {
    /// Refreshes (so ncurses has written what it holds), then writes `bytes` to the same stream and flushes it.
    public func sendControl(_ bytes: [UInt8]) {
        flush()
        guard let out = outputStream, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, out) }
        fflush(out)
    }
}
