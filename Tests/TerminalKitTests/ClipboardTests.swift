import Testing
import TerminalKit

/// OSC 52: the exact bytes sent to put text on the terminal's clipboard.
@Suite("Clipboard: OSC 52")
struct ClipboardTests {
    @Test("base64 as RFC 4648's test vectors", arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                                                         ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func base64(input: String, expected: String) {
        #expect(String(decoding: Clipboard.base64(Array(input.utf8)), as: UTF8.self) == expected)
    }

    @Test("the sequence is ESC ] 52 ; c ; base64(UTF-8) BEL, and nothing of the text reaches the terminal raw")
    func sequence() {
        let bytes = Clipboard.osc52("【立即到场】◆12城东")
        #expect(Array(bytes.prefix(7)) == [0x1B, 0x5D, 0x35, 0x32, 0x3B, 0x63, 0x3B])
        #expect(bytes.last == 0x07)
        let payload = bytes.dropFirst(7).dropLast()
        #expect(String(decoding: payload, as: UTF8.self) == "44CQ56uL5Y2z5Yiw5Zy644CR4peGMTLln47kuJw=")
        #expect(payload.allSatisfy { $0 >= 0x2B && $0 <= 0x7A })
        let hostile = Clipboard.osc52("a\u{07}\u{1B}]0;pwned\u{07}")
        #expect(hostile.dropFirst(7).dropLast().allSatisfy { $0 != 0x07 && $0 != 0x1B })
    }

    @Test("the memory backend records control sequences in order")
    func memory() {
        let b = MemoryBackend(width: 10, height: 2)
        b.sendControl([1, 2])
        b.sendControl(Clipboard.osc52("x"))
        #expect(b.controlSequences == [[1, 2], Clipboard.osc52("x")])
    }
}
