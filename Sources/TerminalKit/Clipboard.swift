/// Copying text to the clipboard of the terminal the operator sits at, over SSH too: OSC 52
/// (`ESC ] 52 ; c ; <base64 of UTF-8> BEL`). xterm, kitty, WezTerm, iTerm2, Windows Terminal and many phone SSH
/// clients honour it; tmux passes it on with `set -g set-clipboard on`; a terminal that does not ignores it silently,
/// which is why the help text says so.
public enum Clipboard {
    /// The OSC 52 sequence that puts `text` on the clipboard. The payload is base64, so nothing in `text` reaches the
    /// terminal as a control character.
    public static func osc52(_ text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + base64(Array(text.utf8)) + [0x07]
    }

    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard base64 with `=` padding (RFC 4648 §4).
    public static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
        }
        return out
    }
}

/// A backend that can send a control sequence that draws nothing (OSC 52) straight to the terminal.
public protocol ControlSequenceBackend: TerminalBackend {
    /// Writes `bytes` to the terminal after what was drawn so far.
    func sendControl(_ bytes: [UInt8])
}

extension MemoryBackend: ControlSequenceBackend {
    public func sendControl(_ bytes: [UInt8]) { controlSequences.append(bytes) }
}
